import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PickupStatus } from '../entities/pickup-status';

/**
 * What other libraries may ask of a lot's pickups, in their own transaction: the pickup table is
 * logistics' alone, so refurbishing and donations go through here instead of writing or reading
 * it in SQL of their own.
 */
@Injectable()
export class LotPickups {
  /**
   * Withdrawn lots are not to be collected: their scheduled pickups are CANCELLED. One statement
   * per lot, in lot id order (a lot has at most one live pickup), so two commands never lock
   * pickups in opposite orders.
   */
  async cancelForWithdrawnLots(manager: EntityManager, lotIds: readonly string[]): Promise<void> {
    for (const lotId of [...new Set(lotIds)].sort()) {
      await manager.query(`UPDATE pickup SET status = $2 WHERE lot_id = $1 AND status = $3`, [lotId, PickupStatus.CANCELLED, PickupStatus.SCHEDULED]);
    }
  }

  /** What the lot's completed pickup said was collected; null when it has none (older data, a manual fix). */
  async collectedQuantity(manager: EntityManager, lotId: string): Promise<number | null> {
    const [row]: Array<{ collected_quantity: number | null }> = await manager.query(
      `SELECT collected_quantity FROM pickup WHERE lot_id = $1 AND status = $2 ORDER BY completed_at DESC NULLS LAST LIMIT 1`,
      [lotId, PickupStatus.COMPLETED],
    );
    return row?.collected_quantity ?? null;
  }
}
