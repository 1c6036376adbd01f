import { Injectable } from '@nestjs/common';
import { DeviceCategory } from '@app/common';
import { EntityManager } from 'typeorm';
import { Grade } from '../entities/grade';
import { byStockKey, StockCorrection, StockCounter, stockCorrections, stockKey } from '../policies/stock-corrections';

type CounterRow = StockCounter<DeviceCategory, Grade>;

/**
 * Sets a refurbisher's stock counters to what its devices say (IN_STOCK -> available, RESERVED ->
 * reserved, by category and grade), in the caller's transaction, and returns what it corrected.
 * The stock_level table is refurbishing's: reconciliation asks for this and keeps the record of
 * the drift.
 *
 * Why the recount and the counters cannot disagree because of a device changed meanwhile: the
 * refurbisher's counter rows are locked first (FOR UPDATE, one by one in the key order StockLedger
 * uses, so neither side can deadlock the other), and only then are the devices counted, in one
 * statement. A device change commits together with its counter move, which needs a row held here:
 * it either committed before the recount (and is in it) or waits and moves the corrected counter.
 * A key without a row is given one first (zeros, ON CONFLICT DO NOTHING) so that it can be locked.
 */
@Injectable()
export class StockLevelRebuild {
  async rebuild(manager: EntityManager, refurbisher: { id: string; regionId: string }): Promise<StockCorrection<DeviceCategory, Grade>[]> {
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
    for (const c of corrections) {
      await manager.query(
        `UPDATE stock_level SET available = $4, reserved = $5, updated_at = now() WHERE refurbisher_id = $1 AND category = $2 AND grade = $3`,
        [refurbisher.id, c.category, c.grade, c.availableAfter, c.reservedAfter],
      );
    }
    return corrections;
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
