import { Injectable } from '@nestjs/common';
import { Caller } from '@app/common';
import { TransactionEvents } from '@app/database';
import { EntityManager } from 'typeorm';
import { PickupChangeKind } from '../entities/pickup-change-kind';
import { PickupStatus } from '../entities/pickup-status';
import { CancelledPickup, PickupsCancelled } from '../events/pickups-cancelled.event';
import { PickupHistory } from './pickup-history.service';

/** The reason written in the history of the pickups a donor's cancellation calls off. */
export const DONATION_CANCELLED = 'donation cancelled';

/**
 * What other libraries may ask of a lot's pickups, in their own transaction: the pickup table is
 * logistics' alone, so refurbishing and donations go through here instead of writing or reading
 * it in SQL of their own.
 */
@Injectable()
export class LotPickups {
  constructor(
    private readonly history: PickupHistory,
    private readonly events: TransactionEvents,
  ) {}

  /**
   * Withdrawn lots are not to be collected: their scheduled pickups are CANCELLED. One statement
   * per lot, in lot id order (a lot has at most one live pickup), so two commands never lock
   * pickups in opposite orders. The refurbishers affected find it in their pickup's history
   * ("donation cancelled", by whom), and PickupsCancelled tells whoever notifies them.
   */
  async cancelForWithdrawnLots(manager: EntityManager, lotIds: readonly string[], by: Caller | null = null): Promise<void> {
    const cancelled: CancelledPickup[] = [];
    for (const lotId of [...new Set(lotIds)].sort()) {
      const rows: Array<{ id: string; scheduled_at: Date; refurbisher_id: string }> = await manager.query(
        // a SELECT around the UPDATE, so that the driver answers the rows (not [rows, count])
        `WITH cancelled AS (
           UPDATE pickup p SET status = $2 FROM lot l
            WHERE p.lot_id = $1 AND p.status = $3 AND l.id = p.lot_id
            RETURNING p.id, p.scheduled_at, l.refurbisher_id
         ) SELECT * FROM cancelled`,
        [lotId, PickupStatus.CANCELLED, PickupStatus.SCHEDULED],
      );
      cancelled.push(...rows.map((r) => ({ pickupId: r.id, lotId, refurbisherId: r.refurbisher_id, scheduledAt: r.scheduled_at })));
    }
    if (!cancelled.length) return;
    await this.history.record(
      manager,
      by,
      cancelled.map((p) => ({ pickupId: p.pickupId, kind: PickupChangeKind.CANCELLED, fromScheduledAt: p.scheduledAt, reason: DONATION_CANCELLED })),
    );
    await this.events.record(manager, new PickupsCancelled(cancelled, DONATION_CANCELLED));
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
