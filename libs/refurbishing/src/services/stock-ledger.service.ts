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
   * The counters only, one statement per (refurbisher, category, grade) in key order, whatever
   * the number of devices; for a caller that writes the movements itself (a batch's INSERT … SELECT).
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
    for (const key of [...deltas.keys()].sort()) {
      const d = deltas.get(key)!;
      if (d.available === 0 && d.reserved === 0) continue;
      if (d.available >= 0 && d.reserved >= 0) {
        await manager.query(
          `INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (refurbisher_id, category, grade) DO UPDATE
              SET available = stock_level.available + EXCLUDED.available, reserved = stock_level.reserved + EXCLUDED.reserved, updated_at = now()`,
          [d.refurbisherId, d.category, d.grade, d.regionId, d.available, d.reserved],
        );
      } else {
        const [, affected]: [unknown, number] = await manager.query(
          `UPDATE stock_level SET available = available + $4, reserved = reserved + $5, updated_at = now()
            WHERE refurbisher_id = $1 AND category = $2 AND grade = $3 AND available + $4 >= 0 AND reserved + $5 >= 0`,
          [d.refurbisherId, d.category, d.grade, d.available, d.reserved],
        );
        if (affected !== 1) {
          // The counters disagree with the devices: refuse rather than go negative; reconciliation repairs.
          throw new ConflictError(
            `Stock of ${d.category} grade ${d.grade} is not there to move; the stock levels need reconciling: ask the coordinator to rebuild them, then try again`,
            { ...d },
            ErrorReason.STOCK_OUT_OF_SYNC,
          );
        }
      }
    }
  }
}
