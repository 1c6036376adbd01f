import { Injectable, Logger } from '@nestjs/common';
import { DeviceCategory, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { LOAD_LOT_STATUSES } from '@app/donations';
import { RefurbisherLoadDrift } from './refurbisher-load-drift.entity';

export interface LoadDrift {
  refurbisherId: string;
  category: DeviceCategory;
  loadBefore: number;
  loadAfter: number;
}

/**
 * Recounts the refurbishers' load counters from their lots. Every command that moves a lot into
 * or out of the load moves the counter in the same transaction, so a drift is a bug: it is set
 * right and written to refurbisher_load_drift, never hidden.
 *
 * Why the count is exact under concurrency: the counters are locked first (one statement), and
 * the lots are counted by the next statement, whose snapshot is taken after the locks are held.
 * A command that changed a lot but not yet its counter cannot commit before we do (it needs the
 * counter's lock): its lot change is invisible to us and its counter change lands after ours.
 */
@Injectable()
export class RefurbisherLoadRecount {
  private readonly logger = new Logger(RefurbisherLoadRecount.name);

  constructor(private readonly tx: TransactionRunner) {}

  /** One transaction per region; a second run right after finds nothing to correct. */
  recountRegion(ctx: RequestContext, regionId: string): Promise<LoadDrift[]> {
    return this.tx.run(ctx, async (_, manager) => {
      const counters: Array<{ organization_id: string }> = await manager.query(
        `SELECT rc.organization_id FROM refurbisher_capacity rc JOIN organization o ON o.id = rc.organization_id
          WHERE o.region_id = $1
          ORDER BY rc.organization_id, rc.category::text COLLATE "C"
          FOR UPDATE OF rc`,
        [regionId],
      );
      if (!counters.length) return [];
      const refurbisherIds = [...new Set(counters.map((c) => c.organization_id))];
      const drifts: Array<{ organization_id: string; category: DeviceCategory; load_before: number; load_after: number }> = await manager.query(
        `WITH counted AS (
           SELECT l.refurbisher_id, li.category, SUM(li.quantity)::int AS quantity
             FROM lot l JOIN lot_item li ON li.lot_id = l.id
            WHERE l.refurbisher_id = ANY($1::uuid[]) AND l.status = ANY($2::lot_status[])
            GROUP BY l.refurbisher_id, li.category
         )
         SELECT rc.organization_id, rc.category, rc.load AS load_before, COALESCE(c.quantity, 0)::int AS load_after
           FROM refurbisher_capacity rc
           LEFT JOIN counted c ON c.refurbisher_id = rc.organization_id AND c.category = rc.category
          WHERE rc.organization_id = ANY($1::uuid[]) AND rc.load <> COALESCE(c.quantity, 0)
          ORDER BY rc.organization_id, rc.category::text COLLATE "C"`,
        [refurbisherIds, LOAD_LOT_STATUSES],
      );
      for (const d of drifts) {
        await manager.query(`UPDATE refurbisher_capacity SET load = $3 WHERE organization_id = $1 AND category = $2`, [
          d.organization_id,
          d.category,
          d.load_after,
        ]);
        this.logger.warn(`load drift: refurbisher ${d.organization_id} ${d.category} counter said ${d.load_before}, its lots hold ${d.load_after}; corrected`);
      }
      if (drifts.length) {
        await manager
          .getRepository(RefurbisherLoadDrift)
          .insert(
            drifts.map((d) => ({ regionId, refurbisherId: d.organization_id, category: d.category, loadBefore: d.load_before, loadAfter: d.load_after })),
          );
      }
      return drifts.map((d) => ({ refurbisherId: d.organization_id, category: d.category, loadBefore: d.load_before, loadAfter: d.load_after }));
    });
  }
}
