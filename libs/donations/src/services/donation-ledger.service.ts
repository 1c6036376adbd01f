import { Injectable, Logger } from '@nestjs/common';
import { DeviceCategory } from '@app/common';
import { EntityManager } from 'typeorm';
import { Donation } from '../entities/donation.entity';
import { LIVE_LOT_STATUSES, LotStatus } from '../entities/lot-status';
import { deriveDonationStatus } from './donation-status.policy';

export interface LoadChange {
  refurbisherId: string;
  category: DeviceCategory;
  /** devices added to (positive) or taken from (negative) the load */
  quantity: number;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface UnroutedQuantity {
  donationId: string;
  category: DeviceCategory;
  quantity: number;
}

/**
 * The bookkeeping shared by every use case that moves lots: what of a donation is not yet in a
 * live lot, the donation's derived status, the refurbishers' load counters, references.
 * Always called inside the caller's transaction.
 */
@Injectable()
export class DonationLedger {
  private readonly logger = new Logger(DonationLedger.name);

  /** Declared minus what live lots hold, per donation and category (only positive rows). */
  async unrouted(manager: EntityManager, donationIds: readonly string[]): Promise<UnroutedQuantity[]> {
    if (!donationIds.length) return [];
    const rows: Array<{ donation_id: string; category: DeviceCategory; quantity: number }> = await manager.query(
      `WITH declared AS (
         SELECT donation_id, category, SUM(quantity)::int AS quantity FROM donation_line
          WHERE donation_id = ANY($1::uuid[]) GROUP BY donation_id, category
       ), routed AS (
         SELECT l.donation_id, li.category, SUM(li.quantity)::int AS quantity
           FROM lot l JOIN lot_item li ON li.lot_id = l.id
          WHERE l.donation_id = ANY($1::uuid[]) AND l.status = ANY($2::lot_status[])
          GROUP BY l.donation_id, li.category
       )
       SELECT d.donation_id, d.category, (d.quantity - COALESCE(r.quantity, 0))::int AS quantity
         FROM declared d LEFT JOIN routed r USING (donation_id, category)
        WHERE d.quantity - COALESCE(r.quantity, 0) > 0
        ORDER BY d.donation_id, d.category`,
      [donationIds, LIVE_LOT_STATUSES],
    );
    return rows.map((r) => ({ donationId: r.donation_id, category: r.category, quantity: r.quantity }));
  }

  /** Re-derives the status of these donations from their lots and writes it where it changed. */
  async refreshStatuses(manager: EntityManager, donationIds: readonly string[]): Promise<void> {
    const ids = [...new Set(donationIds)].sort(compareKeys);
    if (!ids.length) return;
    const unrouted = await this.unrouted(manager, ids);
    const lots: Array<{ donation_id: string; status: LotStatus }> = await manager.query(
      `SELECT donation_id, status FROM lot WHERE donation_id = ANY($1::uuid[])`,
      [ids],
    );
    const donations = await manager
      .getRepository(Donation)
      .find({ where: ids.map((id) => ({ id })), select: { id: true, status: true, cancelledAt: true }, order: { id: 'ASC' } });
    for (const donation of donations) {
      const next = deriveDonationStatus({
        cancelled: donation.cancelledAt !== null,
        unroutedQuantity: unrouted.filter((u) => u.donationId === donation.id).reduce((s, u) => s + u.quantity, 0),
        lotStatuses: lots.filter((l) => l.donation_id === donation.id).map((l) => l.status),
      });
      if (next !== donation.status) await manager.update(Donation, { id: donation.id }, { status: next });
    }
  }

  /** Moves a refurbisher's load counters by the lot's items (+1 on offer, -1 when it leaves the load). */
  adjustLoad(manager: EntityManager, refurbisherId: string, items: ReadonlyArray<{ category: DeviceCategory; quantity: number }>, sign: 1 | -1): Promise<void> {
    return this.adjustLoads(
      manager,
      items.map((i) => ({ refurbisherId, category: i.category, quantity: sign * i.quantity })),
    );
  }

  /**
   * Moves load counters by signed amounts, one UPDATE per (refurbisher, category), always in that
   * key order: two commands that move several counters then lock them in the same order and never
   * deadlock each other. A counter is never clamped: one that goes below zero says a lot left the
   * load twice (a bug), so it is logged loudly and left for the recount to set right.
   */
  async adjustLoads(manager: EntityManager, changes: ReadonlyArray<LoadChange>): Promise<void> {
    const byCounter = new Map<string, LoadChange>();
    for (const change of changes) {
      const key = `${change.refurbisherId}|${change.category}`;
      const sum = byCounter.get(key);
      byCounter.set(key, { ...change, quantity: (sum?.quantity ?? 0) + change.quantity });
    }
    const ordered = [...byCounter.values()]
      .filter((c) => c.quantity !== 0)
      .sort((a, b) => compareKeys(a.refurbisherId, b.refurbisherId) || compareKeys(a.category, b.category));
    for (const change of ordered) {
      const [rows]: [Array<{ load: number }>, number] = await manager.query(
        `UPDATE refurbisher_capacity SET load = load + $3 WHERE organization_id = $1 AND category = $2 RETURNING load`,
        [change.refurbisherId, change.category, change.quantity],
      );
      const load = rows[0]?.load;
      if (load !== undefined && load < 0) {
        this.logger.error(
          `load counter of refurbisher ${change.refurbisherId} ${change.category} went to ${load} (moved by ${change.quantity}); the recount will set it right`,
        );
      }
    }
  }

  async nextReference(manager: EntityManager, prefix: 'DON' | 'LOT'): Promise<string> {
    const sequence = prefix === 'DON' ? 'donation_reference_seq' : 'lot_reference_seq';
    const [row] = await manager.query(`SELECT nextval('${sequence}') AS n`);
    return `${prefix}-${new Date().getUTCFullYear()}-${String(row.n).padStart(6, '0')}`;
  }
}
