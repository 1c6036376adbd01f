import { Injectable, Logger } from '@nestjs/common';
import { DeviceCategory, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Organization } from '@app/network';
import { Grade } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { StockDrift } from '../entities/stock-drift.entity';
import { byStockKey, StockCounter, stockCorrections, stockKey } from '../policies/stock-drift';
import { ReconciliationAccess } from './reconciliation-access';

type CounterRow = StockCounter<DeviceCategory, Grade>;

/**
 * Rebuilds a refurbisher's stock counters from its devices (IN_STOCK -> available, RESERVED ->
 * reserved, by category and grade), in one transaction, and logs every counter it had to correct.
 *
 * Why the recount and the counters cannot disagree because of a device changed meanwhile: the
 * refurbisher's counter rows are locked first (FOR UPDATE, one by one in the key order StockLedger
 * uses, so neither side can deadlock the other), and only then are the devices counted, in one
 * statement. A device change commits together with its counter move, which needs a row held here:
 * it either committed before the recount (and is in it) or waits and moves the corrected counter.
 * A key without a row is given one first (zeros, ON CONFLICT DO NOTHING) so that it can be locked.
 */
@Injectable()
export class StockRebuildService {
  private readonly logger = new Logger('StockReconciliation');

  constructor(private readonly tx: TransactionRunner) {}

  /** On demand, for staff of the refurbisher's region. */
  rebuildFor(ctx: RequestContext, refurbisherId: string): Promise<StockDrift[]> {
    return this.tx.run(ctx, async (_, manager) => {
      const refurbisher = await ReconciliationAccess.refurbisherFor(ctx, manager, refurbisherId);
      return this.rebuildLocked(manager, refurbisher);
    });
  }

  /** The job's side: one refurbisher, or all of them (each in its own transaction). */
  async rebuild(ctx: RequestContext, refurbisherId?: string): Promise<StockDrift[]> {
    const ids: string[] = refurbisherId
      ? [refurbisherId]
      : (await this.tx.manager(ctx).query(`SELECT id FROM organization WHERE kind = 'REFURBISHER' ORDER BY id`)).map((r: { id: string }) => r.id);
    const out: StockDrift[] = [];
    for (const id of ids) {
      const drift = await this.tx.run(ctx, async (_, manager) => {
        const refurbisher = await manager.getRepository(Organization).findOne({ where: { id } });
        return refurbisher ? this.rebuildLocked(manager, refurbisher) : [];
      });
      out.push(...drift);
    }
    return out;
  }

  private async rebuildLocked(manager: EntityManager, refurbisher: Organization): Promise<StockDrift[]> {
    const keys = await this.keysOf(manager, refurbisher.id);
    const counters: CounterRow[] = [];
    for (const key of keys) {
      await manager.query(
        `INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved) VALUES ($1, $2, $3, $4, 0, 0) ON CONFLICT DO NOTHING`,
        [refurbisher.id, key.category, key.grade, refurbisher.regionId],
      );
      const [row]: CounterRow[] = await manager.query(
        `SELECT category, grade, available, reserved FROM stock_level WHERE refurbisher_id = $1 AND category = $2 AND grade = $3 FOR UPDATE`,
        [refurbisher.id, key.category, key.grade],
      );
      counters.push(row!);
    }
    const recount: CounterRow[] = await manager.query(
      `SELECT category, grade, count(*) FILTER (WHERE status = 'IN_STOCK')::int AS available, count(*) FILTER (WHERE status = 'RESERVED')::int AS reserved
         FROM device WHERE refurbisher_id = $1 AND status IN ('IN_STOCK', 'RESERVED') AND grade IS NOT NULL
        GROUP BY category, grade`,
      [refurbisher.id],
    );
    // Devices of a key that had no counter when the keys were read came with a change that
    // created the counter itself, unseen by the locks above: that counter is the next run's to check.
    const lockedKeys = new Set(counters.map(stockKey));
    const corrections = stockCorrections(
      counters,
      recount.filter((r) => lockedKeys.has(stockKey(r))),
    );
    if (!corrections.length) return [];

    for (const c of corrections) {
      await manager.query(`UPDATE stock_level SET available = $4, reserved = $5, updated_at = now() WHERE refurbisher_id = $1 AND category = $2 AND grade = $3`, [
        refurbisher.id,
        c.category,
        c.grade,
        c.availableAfter,
        c.reservedAfter,
      ]);
    }
    const rows = await manager.getRepository(StockDrift).save(
      corrections.map((c) => manager.getRepository(StockDrift).create({ ...c, refurbisherId: refurbisher.id, regionId: refurbisher.regionId })),
    );
    this.logger.warn(
      `stock counters of refurbisher ${refurbisher.id} corrected: ${corrections
        .map((c) => `${c.category}/${c.grade} available ${c.availableBefore}->${c.availableAfter}, reserved ${c.reservedBefore}->${c.reservedAfter}`)
        .join('; ')}`,
    );
    return rows;
  }

  /** Every key the refurbisher has a counter for or a device counted by, in StockLedger's lock order. */
  private async keysOf(manager: EntityManager, refurbisherId: string): Promise<Array<{ category: DeviceCategory; grade: Grade }>> {
    const rows: Array<{ category: DeviceCategory; grade: Grade }> = await manager.query(
      `SELECT category, grade FROM stock_level WHERE refurbisher_id = $1
       UNION
       SELECT category, grade FROM device WHERE refurbisher_id = $1 AND status IN ('IN_STOCK', 'RESERVED') AND grade IS NOT NULL`,
      [refurbisherId],
    );
    return rows.sort(byStockKey);
  }
}
