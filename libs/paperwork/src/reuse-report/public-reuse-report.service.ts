import { Injectable } from '@nestjs/common';
import { ConflictError, DeviceCategory, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { PUBLIC_REUSE_TARGET_SOURCE, publicReuseTargetPercent, reuseSharePercent } from './public-reuse-targets';
import { PublicReuseFigures, PublicReuseReport } from './public-reuse-report.types';

type Counts = Omit<PublicReuseFigures, 'reuseSharePercent'>;

const METHOD =
  'Appareils des dons déclarés dans l’année (heure de Paris), hors dons annulés. Sont comptés comme orientés vers le réemploi les appareils ' +
  'remis à une personne et ceux reconditionnés en attente de bénéficiaire ; comme recyclés ceux que l’atelier a sortis du réemploi. ' +
  'La part de réemploi est calculée sur les appareils dont le devenir est décidé. L’objectif du décret n° 2023-266 se calcule sur l’ensemble ' +
  'des matériels réformés que l’organisme détenait au 1er janvier (hors matériels de plus de dix ans) : ces chiffres sont la contribution ' +
  'des dons faits au réseau, à reporter dans ce calcul, et non le ratio réglementaire lui-même.';

/**
 * The yearly figures a public donor reports against the reuse targets of décret n° 2023-266
 * (public-reuse-targets.ts): its devices of the year's donations by category and fate.
 */
@Injectable()
export class PublicReuseReportService {
  constructor(private readonly tx: TransactionRunner) {}

  async report(ctx: RequestContext, donorId: string, year: number): Promise<PublicReuseReport> {
    const manager = this.tx.manager(ctx);
    const [donor]: Array<{ id: string; region_id: string; name: string; public_body: boolean }> = await manager.query(
      `SELECT id, region_id, name, public_body FROM organization WHERE id = $1 AND kind = 'DONOR'`,
      [donorId],
    );
    if (!donor) throw new NotFoundError('Donor', donorId);
    ActAccess.assert(ctx, 'Organization', 'reportPublicReuseOf', { id: donor.id, regionId: donor.region_id }, 'Donor');
    if (!donor.public_body) {
      throw new ConflictError(
        'This donor is not recorded as a public body: the public reuse targets do not apply to it',
        { donorId },
        ErrorReason.NOT_PUBLIC_BODY,
      );
    }
    const rows: Array<Counts & { category: DeviceCategory }> = await manager.query(
      `WITH year_donation AS (
         SELECT id FROM donation
          WHERE donor_id = $1 AND cancelled_at IS NULL
            AND created_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Paris') AND created_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Paris')
       ), declared AS (
         SELECT l.category, sum(l.quantity)::int AS declared FROM donation_line l JOIN year_donation y ON y.id = l.donation_id GROUP BY l.category
       ), fate AS (
         SELECT d.category, count(*)::int AS received,
                count(*) FILTER (WHERE d.status = 'DELIVERED')::int AS reused,
                count(*) FILTER (WHERE d.status IN ('IN_STOCK', 'RESERVED', 'SHIPPED'))::int AS "awaitingBeneficiary",
                count(*) FILTER (WHERE d.status = 'RECYCLED')::int AS recycled,
                count(*) FILTER (WHERE d.status IN ('RECEIVED', 'WIPED'))::int AS pending,
                count(*) FILTER (WHERE d.status = 'MISSING')::int AS missing
           FROM device d JOIN year_donation y ON y.id = d.donation_id GROUP BY d.category
       )
       SELECT COALESCE(dc.category, f.category)::text AS category, COALESCE(dc.declared, 0) AS declared, COALESCE(f.received, 0) AS received,
              COALESCE(f.reused, 0) AS reused, COALESCE(f."awaitingBeneficiary", 0) AS "awaitingBeneficiary", COALESCE(f.recycled, 0) AS recycled,
              COALESCE(f.pending, 0) AS pending, COALESCE(f.missing, 0) AS missing
         FROM declared dc FULL JOIN fate f ON f.category = dc.category`,
      [donorId, year],
    );
    const order = Object.values(DeviceCategory);
    const byCategory = rows
      .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
      .map((r) => ({ ...r, reuseSharePercent: reuseSharePercent(r) }));
    const keys = ['declared', 'received', 'reused', 'awaitingBeneficiary', 'recycled', 'pending', 'missing'] as const;
    const totals = Object.fromEntries(keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Counts;
    const share = reuseSharePercent(totals);
    const target = publicReuseTargetPercent(year);
    return {
      donorId,
      donorName: donor.name,
      year,
      ...totals,
      reuseSharePercent: share,
      targetPercent: target,
      targetSource: PUBLIC_REUSE_TARGET_SOURCE,
      shareReachesTarget: share === null || target === null ? null : share >= target,
      byCategory,
      method: METHOD,
    };
  }
}
