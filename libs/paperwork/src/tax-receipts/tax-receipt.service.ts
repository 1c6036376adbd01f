import { Injectable } from '@nestjs/common';
import { ConflictError, Connection, ErrorReason, NotFoundError, RequestContext, slug } from '@app/common';
import { ActAccess, ReadScope } from '@app/auth';
import { keysetPage, TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { DataSource, EntityManager } from 'typeorm';
import { PaperFile } from '../files/paper-file';
import { PaperPdfThread } from '../files/paper-pdf-thread';
import { partyOf } from '../files/parties';
import { PaperLinks } from '../links/paper-links.service';
import { inventoryLine } from '../text/french-labels';
import { IssueTaxReceiptInput, TaxReceiptsArgs } from './tax-receipt.inputs';
import { TaxReceipt } from './tax-receipt.entity';

/** The calendar year of an instant, in France: a receipt issued on 31 December at 23:30 in Paris is of that year. */
export function parisYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(at));
}

/** RF-2026-00042 */
export function receiptNumber(year: number, sequence: number): string {
  return `RF-${year}-${String(sequence).padStart(5, '0')}`;
}

/**
 * Tax receipts for gifts in kind: issued by an eligible refurbisher (Organization.taxReceiptEligible,
 * recorded by staff) for a donation whose devices it received, with the valuation it enters. One
 * command, one transaction: the counter's upsert, the check that none was issued, the receipt.
 */
@Injectable()
export class TaxReceiptService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly links: PaperLinks,
    private readonly outbox: OutboxService,
    private readonly pdf: PaperPdfThread,
  ) {}

  issue(ctx: RequestContext, input: IssueTaxReceiptInput): Promise<TaxReceipt> {
    return this.tx.run(ctx, async (inner, manager) => {
      await ActAccess.assertPermitted(inner, manager, 'Donation', 'issueTaxReceipt', input.donationId, 'Donation');
      const refurbisherId = inner.user.organizationId!;
      const [refurbisher]: Array<{ name: string; tax_receipt_eligible: boolean }> = await manager.query(
        `SELECT name, tax_receipt_eligible FROM organization WHERE id = $1 FOR SHARE`,
        [refurbisherId],
      );
      if (!refurbisher?.tax_receipt_eligible) {
        throw new ConflictError(
          'Your organization is not recorded as able to issue tax receipts: ask the coordinator of your region',
          { refurbisherId },
          ErrorReason.TAX_RECEIPT_NOT_ELIGIBLE,
        );
      }
      const now = new Date();
      const year = parisYear(now);
      // the counter's row lock first: a receipt issued at the same time for the same donation is seen committed below
      const [counter]: Array<{ last_sequence: number }> = await manager.query(
        `INSERT INTO tax_receipt_counter (refurbisher_id, year, last_sequence) VALUES ($1, $2, 1)
         ON CONFLICT (refurbisher_id, year) DO UPDATE SET last_sequence = tax_receipt_counter.last_sequence + 1
         RETURNING last_sequence`,
        [refurbisherId, year],
      );
      if (!counter) throw new Error('The receipt counter returned no row');
      const existing = await manager.getRepository(TaxReceipt).findOne({ where: { donationId: input.donationId, refurbisherId } });
      if (existing) {
        throw new ConflictError(
          `A tax receipt was already issued for this donation: ${existing.number}`,
          { donationId: input.donationId, number: existing.number },
          ErrorReason.TAX_RECEIPT_ALREADY_ISSUED,
        );
      }
      const gift = await this.gift(manager, input.donationId, refurbisherId);
      const receipt = manager.getRepository(TaxReceipt).create({
        number: receiptNumber(year, counter.last_sequence),
        year,
        sequence: counter.last_sequence,
        donationId: input.donationId,
        donationReference: gift.donationReference,
        donorId: gift.donorId,
        donorName: gift.donorName,
        refurbisherId,
        refurbisherName: refurbisher.name,
        regionId: gift.regionId,
        valuationCents: input.valuationCents,
        giftDate: gift.giftDate,
        goodsDescription: gift.description,
        deviceCount: gift.deviceCount,
        issuedByUserId: /^[0-9a-f-]{36}$/i.test(inner.user.userId) ? inner.user.userId : null,
      });
      const saved = await manager.getRepository(TaxReceipt).save(receipt);
      await this.outbox.enqueue(manager, notificationRequest(NotificationEvent.TAX_RECEIPT_ISSUED, { taxReceiptId: saved.id }));
      return saved;
    });
  }

  /** taxReceipts: the donor its own, the refurbisher those it issued, staff their region; newest first. */
  async list(ctx: RequestContext, args: TaxReceiptsArgs): Promise<Connection<TaxReceipt>> {
    const qb = this.tx.manager(ctx).getRepository(TaxReceipt).createQueryBuilder('r');
    ReadScope.apply(ctx, qb, 'TaxReceipt', 'r');
    return keysetPage(qb, 'r', args.first, args.after);
  }

  pdfUrl(receipt: TaxReceipt): string {
    return this.links.taxReceipt(receipt.id, this.links.expiry());
  }

  /** The PDF behind a checked link. */
  async file(receiptId: string): Promise<PaperFile> {
    const manager = this.dataSource.manager;
    const receipt = await manager.getRepository(TaxReceipt).findOne({ where: { id: receiptId } });
    if (!receipt) throw new NotFoundError('TaxReceipt', receiptId);
    const [donor, beneficiary] = await Promise.all([partyOf(manager, receipt.donorId), partyOf(manager, receipt.refurbisherId)]);
    // the receipt's fields only: the paper crosses to the drawing thread as plain data
    const { number, donationReference, valuationCents, giftDate, goodsDescription, deviceCount, createdAt } = receipt;
    const body = await this.pdf.render({
      kind: 'tax-receipt',
      receipt: {
        receipt: { number, donationReference, valuationCents, giftDate, goodsDescription, deviceCount, createdAt },
        donor: donor!,
        beneficiary: beneficiary!,
      },
    });
    return { fileName: `recu-fiscal-${slug(receipt.number)}.pdf`, contentType: 'application/pdf', body };
  }

  /** What the receipt says of the gift: the devices this refurbisher received of the donation, and when ownership passed. */
  private async gift(manager: EntityManager, donationId: string, refurbisherId: string) {
    const [donation]: Array<{ reference: string; donor_id: string; region_id: string; donor_name: string }> = await manager.query(
      `SELECT d.reference, d.donor_id, d.region_id, o.name AS donor_name FROM donation d JOIN organization o ON o.id = d.donor_id WHERE d.id = $1`,
      [donationId],
    );
    const counts: Array<{ category: string; quantity: number; received_at: Date }> = await manager.query(
      `SELECT category::text AS category, count(*)::int AS quantity, min(created_at) AS received_at
         FROM device WHERE donation_id = $1 AND refurbisher_id = $2 GROUP BY category`,
      [donationId, refurbisherId],
    );
    const [pickup]: Array<{ completed_at: Date | null }> = await manager.query(
      `SELECT min(p.completed_at) AS completed_at FROM pickup p JOIN lot l ON l.id = p.lot_id
        WHERE l.donation_id = $1 AND l.refurbisher_id = $2 AND p.status = 'COMPLETED'`,
      [donationId, refurbisherId],
    );
    const receivedAt = counts.reduce<Date | null>((min, c) => (!min || c.received_at < min ? c.received_at : min), null);
    return {
      donationReference: donation!.reference,
      donorId: donation!.donor_id,
      donorName: donation!.donor_name,
      regionId: donation!.region_id,
      // ownership passes at pickup; a lot marked collected without a pickup record dates from its intake
      giftDate: pickup?.completed_at ?? receivedAt ?? new Date(),
      description: inventoryLine(counts),
      deviceCount: counts.reduce((n, c) => n + c.quantity, 0),
    };
  }
}
