import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, NotFoundError, RequestContext, Role, slug } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { PaperFile } from '../files/paper-file';
import { partyOf } from '../files/parties';
import { PaperLinks } from '../links/paper-links.service';
import { PaperPdfThread } from '../files/paper-pdf-thread';
import { DonationAgreementPaper } from './donation-agreement.pdf';
import { DonationAgreement } from './donation-agreement.types';

/** A lot its refurbisher accepted: claimed, then on its way or in the workshop. */
const ACCEPTED = `('CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED', 'RECEIVED', 'CLOSED')`;

/**
 * The donation agreement: one per (donation, refurbisher that accepted a lot of it), from the
 * claim on. Nothing is stored: the PDF is made from the donation, its lots and its devices when
 * the link is opened, so it shows serials and certificates as they come in.
 */
@Injectable()
export class DonationAgreementService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly links: PaperLinks,
    private readonly pdf: PaperPdfThread,
  ) {}

  /** donationAgreement: the donor and staff get one per accepting refurbisher, a refurbisher its own. */
  async list(ctx: RequestContext, donationId: string): Promise<DonationAgreement[]> {
    const manager = this.tx.manager(ctx);
    await ActAccess.assertPermitted(ctx, manager, 'Donation', 'readAgreement', donationId, 'Donation');
    const only = ctx.hasRole(Role.REFURBISHER) ? ctx.user.organizationId : null;
    const rows: Array<{ refurbisher_id: string; name: string; first_lot: string }> = await manager.query(
      `SELECT l.refurbisher_id, o.name, (array_agg(l.reference ORDER BY l.created_at, l.reference))[1] AS first_lot
         FROM lot l JOIN organization o ON o.id = l.refurbisher_id
        WHERE l.donation_id = $1 AND l.status IN ${ACCEPTED} AND ($2::uuid IS NULL OR l.refurbisher_id = $2)
        GROUP BY l.refurbisher_id, o.name ORDER BY o.name, l.refurbisher_id`,
      [donationId, only],
    );
    if (!rows.length) {
      throw new ConflictError(
        `Donation ${donationId} has no accepted lot yet: its agreement comes with the first claim`,
        { donationId },
        ErrorReason.AGREEMENT_NOT_READY,
      );
    }
    const expiresAt = this.links.expiry();
    return rows.map((r) => ({
      reference: `CD-${r.first_lot}`,
      refurbisherId: r.refurbisher_id,
      refurbisherName: r.name,
      pdfUrl: this.links.agreement(donationId, r.refurbisher_id, expiresAt),
      linkExpiresAt: expiresAt,
    }));
  }

  /** The PDF behind a checked link. */
  async file(donationId: string, refurbisherId: string): Promise<PaperFile> {
    const paper = await this.paper(this.dataSource.manager, donationId, refurbisherId);
    const body = await this.pdf.render({ kind: 'agreement', agreement: paper });
    return { fileName: `convention-de-don-${slug(paper.reference)}.pdf`, contentType: 'application/pdf', body };
  }

  async paper(manager: EntityManager, donationId: string, refurbisherId: string): Promise<DonationAgreementPaper> {
    const [donation]: Array<{ reference: string; donor_id: string }> = await manager.query(`SELECT reference, donor_id FROM donation WHERE id = $1`, [
      donationId,
    ]);
    const [lots]: Array<{ first_lot: string | null; accepted_at: Date | null; collected_at: Date | null }> = await manager.query(
      `SELECT (array_agg(l.reference ORDER BY l.created_at, l.reference))[1] AS first_lot, min(l.claimed_at) AS accepted_at,
              (SELECT min(p.completed_at) FROM pickup p JOIN lot pl ON pl.id = p.lot_id
                WHERE pl.donation_id = $1 AND pl.refurbisher_id = $2 AND p.status = 'COMPLETED') AS collected_at
         FROM lot l WHERE l.donation_id = $1 AND l.refurbisher_id = $2 AND l.status IN ${ACCEPTED}`,
      [donationId, refurbisherId],
    );
    if (!donation || !lots?.first_lot) throw new NotFoundError('DonationAgreement', `${donationId}/${refurbisherId}`);
    const [donor, refurbisher] = await Promise.all([partyOf(manager, donation.donor_id), partyOf(manager, refurbisherId)]);
    const inventory: Array<{ category: string; accepted: number; received: number }> = await manager.query(
      `WITH accepted AS (
         SELECT li.category, sum(li.quantity)::int AS accepted FROM lot_item li JOIN lot l ON l.id = li.lot_id
          WHERE l.donation_id = $1 AND l.refurbisher_id = $2 AND l.status IN ${ACCEPTED} GROUP BY li.category
       ), received AS (
         SELECT category, count(*)::int AS received FROM device WHERE donation_id = $1 AND refurbisher_id = $2 GROUP BY category
       )
       SELECT COALESCE(a.category, r.category)::text AS category, COALESCE(a.accepted, 0) AS accepted, COALESCE(r.received, 0) AS received
         FROM accepted a FULL JOIN received r ON r.category = a.category
        ORDER BY COALESCE(a.category, r.category)`,
      [donationId, refurbisherId],
    );
    const devices: Array<{ serial_number: string; category: string; certificate_number: string | null; method: string | null }> = await manager.query(
      `SELECT d.serial_number, d.category::text AS category, e.certificate_number, e.method::text AS method
         FROM device d
         LEFT JOIN LATERAL (SELECT certificate_number, method FROM erasure_record
                             WHERE device_id = d.id AND verified ORDER BY performed_at DESC, id DESC LIMIT 1) e ON true
        WHERE d.donation_id = $1 AND d.refurbisher_id = $2
        ORDER BY d.serial_number_key`,
      [donationId, refurbisherId],
    );
    return {
      reference: `CD-${lots.first_lot}`,
      donationReference: donation.reference,
      donor: donor!,
      refurbisher: refurbisher!,
      acceptedAt: lots.accepted_at,
      collectedAt: lots.collected_at,
      inventory,
      devices: devices.map((x) => ({ serialNumber: x.serial_number, category: x.category, certificate: x.certificate_number, method: x.method })),
      issuedAt: new Date(),
    };
  }
}
