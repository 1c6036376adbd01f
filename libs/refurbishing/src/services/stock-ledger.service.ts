import { Injectable } from '@nestjs/common';
import { ConflictError, DeviceCategory, ErrorReason, RequestContext } from '@app/common';
import { EntityManager } from 'typeorm';
import { Grade } from '../entities/grade';
import { StockMovement } from '../entities/stock-movement.entity';
import { StockEffect } from '../policies/stock-effect';
import { actorUserIdOf } from './actor';
import { chunks } from './chunks';

export interface StockChange {
  deviceId: string;
  refurbisherId: string;
  regionId: string;
  category: DeviceCategory;
  grade: Grade;
  effect: StockEffect;
}

interface Delta {
  refurbisherId: string;
  regionId: string;
  category: DeviceCategory;
  grade: Grade;
  available: number;
  reserved: number;
}

/**
 * Stock as Vendure keeps it, a movement ledger plus counters, without its flaw: counters are
 * never read then written. An increment is one upsert (`ON CONFLICT DO UPDATE SET available =
 * stock_level.available + …`), a decrement one conditional UPDATE that must find a row with
 * enough on it; both take the row lock themselves. Deltas are applied in key order so that two
 * transactions moving several rows cannot deadlock. Always inside the caller's transaction.
 */
@Injectable()
export class StockLedger {
  async apply(ctx: RequestContext, manager: EntityManager, changes: readonly StockChange[]): Promise<void> {
    if (!changes.length) return;
    await this.moveCounters(manager, changes);
    const actorUserId = actorUserIdOf(ctx);
    for (const slice of chunks(changes)) {
      await manager.getRepository(StockMovement).insert(
        slice.map((c) => ({
          deviceId: c.deviceId,
          refurbisherId: c.refurbisherId,
          regionId: c.regionId,
          category: c.category,
          grade: c.grade,
          kind: c.effect.kind,
          availableDelta: c.effect.available,
          reservedDelta: c.effect.reserved,
          actorUserId,
        })),
      );
    }
  }

  /**
   * The counters only, whatever the number of devices: the rows locked in (refurbisher, category,
   * grade) order, then the increments in one upsert and the decrements in one conditional UPDATE
   * (one statement in all for a single counter); for a caller that writes the movements itself
   * (a batch's INSERT … SELECT).
   */
  async moveCounters(manager: EntityManager, changes: ReadonlyArray<Omit<StockChange, 'deviceId'>>): Promise<void> {
    const deltas = new Map<string, Delta>();
    for (const c of changes) {
      const key = `${c.refurbisherId}|${c.category}|${c.grade}`;
      const d = deltas.get(key) ?? { refurbisherId: c.refurbisherId, regionId: c.regionId, category: c.category, grade: c.grade, available: 0, reserved: 0 };
      d.available += c.effect.available;
      d.reserved += c.effect.reserved;
      deltas.set(key, d);
    }
    const ordered = [...deltas.keys()]
      .sort()
      .map((key) => deltas.get(key)!)
      .filter((d) => d.available !== 0 || d.reserved !== 0);
    if (!ordered.length) return;
    const columns = (rows: readonly Delta[]) => [
      rows.map((d) => d.refurbisherId),
      rows.map((d) => d.category),
      rows.map((d) => d.grade),
      rows.map((d) => d.regionId),
      rows.map((d) => d.available),
      rows.map((d) => d.reserved),
    ];
    // several rows: all locked first, in key order, so that the two set-based statements below
    // cannot deadlock another command (one row locks itself)
    if (ordered.length > 1) {
      await manager.query(
        `SELECT 1 FROM stock_level s
           JOIN unnest($1::uuid[], $2::device_category[], $3::device_grade[]) AS k(refurbisher_id, category, grade) USING (refurbisher_id, category, grade)
          ORDER BY s.refurbisher_id, s.category::text COLLATE "C", s.grade::text COLLATE "C" FOR UPDATE OF s`,
        columns(ordered).slice(0, 3),
      );
    }
    const increments = ordered.filter((d) => d.available >= 0 && d.reserved >= 0);
    if (increments.length) {
      await manager.query(
        `INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved)
         SELECT * FROM unnest($1::uuid[], $2::device_category[], $3::device_grade[], $4::uuid[], $5::int[], $6::int[])
         ON CONFLICT (refurbisher_id, category, grade) DO UPDATE
            SET available = stock_level.available + EXCLUDED.available, reserved = stock_level.reserved + EXCLUDED.reserved, updated_at = now()`,
        columns(increments),
      );
    }
    const decrements = ordered.filter((d) => d.available < 0 || d.reserved < 0);
    if (!decrements.length) return;
    const [moved]: [Array<{ refurbisher_id: string; category: DeviceCategory; grade: Grade }>, number] = await manager.query(
      `UPDATE stock_level s SET available = s.available + v.available, reserved = s.reserved + v.reserved, updated_at = now()
         FROM unnest($1::uuid[], $2::device_category[], $3::device_grade[], $4::uuid[], $5::int[], $6::int[])
                AS v(refurbisher_id, category, grade, region_id, available, reserved)
        WHERE s.refurbisher_id = v.refurbisher_id AND s.category = v.category AND s.grade = v.grade
          AND s.available + v.available >= 0 AND s.reserved + v.reserved >= 0
       RETURNING s.refurbisher_id, s.category, s.grade`,
      columns(decrements),
    );
    const done = new Set(moved.map((m) => `${m.refurbisher_id}|${m.category}|${m.grade}`));
    const d = decrements.find((x) => !done.has(`${x.refurbisherId}|${x.category}|${x.grade}`));
    if (d) {
      // The counters disagree with the devices: refuse rather than go negative; reconciliation repairs.
      throw new ConflictError(
        `Stock of ${d.category} grade ${d.grade} is not there to move; the stock levels need reconciling: ask the coordinator to rebuild them, then try again`,
        { ...d },
        ErrorReason.STOCK_OUT_OF_SYNC,
      );
    }
  }
}
