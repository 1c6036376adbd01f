import { Injectable } from '@nestjs/common';
import { DeviceCategory } from '@app/common';
import { LoadHeld } from '@app/network';
import { EntityManager } from 'typeorm';
import { DonationStatus } from '../entities/donation-status';
import { LIVE_LOT_STATUSES, LOAD_LOT_STATUSES, LotStatus } from '../entities/lot-status';
import { deriveDonationStatus } from './donation-status.policy';

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What a reference starts with before its number (at least six digits): `LOT-2026-`. */
export function referencePrefix(prefix: 'DON' | 'LOT'): string {
  return `${prefix}-${new Date().getUTCFullYear()}-`;
}

export interface UnroutedQuantity {
  donationId: string;
  category: DeviceCategory;
  quantity: number;
}

/**
 * The bookkeeping shared by every use case that moves lots: what of a donation is not yet in a
 * live lot, the donation's derived status, what the lots hold of the refurbishers' load (the
 * counters themselves are network's: RefurbisherLoad), references.
 * Always called inside the caller's transaction.
 */
@Injectable()
export class DonationLedger {
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

  /**
   * Re-derives the status of these donations from their lots and writes those that changed, in
   * one statement (donation rows in id order: the last of the lock order).
   */
  async refreshStatuses(manager: EntityManager, donationIds: readonly string[]): Promise<void> {
    const ids = [...new Set(donationIds)].sort(compareKeys);
    if (!ids.length) return;
    const unrouted = new Map<string, number>();
    for (const u of await this.unrouted(manager, ids)) unrouted.set(u.donationId, (unrouted.get(u.donationId) ?? 0) + u.quantity);
    const lotStatuses = new Map<string, LotStatus[]>();
    const lots: Array<{ donation_id: string; status: LotStatus }> = await manager.query(
      `SELECT donation_id, status FROM lot WHERE donation_id = ANY($1::uuid[])`,
      [ids],
    );
    for (const l of lots) lotStatuses.set(l.donation_id, [...(lotStatuses.get(l.donation_id) ?? []), l.status]);
    // by ANY($1), not an OR per id: a region's backlog is thousands of donations
    const donations: Array<{ id: string; status: DonationStatus; cancelled_at: Date | null }> = await manager.query(
      `SELECT id, status, cancelled_at FROM donation WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
    const changed = donations
      .map((donation) => ({
        id: donation.id,
        from: donation.status,
        to: deriveDonationStatus({
          cancelled: donation.cancelled_at !== null,
          unroutedQuantity: unrouted.get(donation.id) ?? 0,
          lotStatuses: lotStatuses.get(donation.id) ?? [],
        }),
      }))
      .filter((d) => d.to !== d.from);
    if (!changed.length) return;
    await manager.query(
      `WITH locked AS (SELECT id FROM donation WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE)
       UPDATE donation d SET status = v.status
         FROM unnest($1::uuid[], $2::donation_status[]) AS v(id, status) JOIN locked USING (id)
        WHERE d.id = v.id`,
      [changed.map((d) => d.id), changed.map((d) => d.to)],
    );
  }

  /**
   * Devices the live lots of these refurbishers hold, per refurbisher and category: what their
   * load counters should say (RefurbisherLoad.recountRegion counts with this).
   */
  async loadHeld(manager: EntityManager, refurbisherIds: readonly string[]): Promise<LoadHeld[]> {
    const rows: Array<{ refurbisher_id: string; category: DeviceCategory; quantity: number }> = await manager.query(
      `SELECT l.refurbisher_id, li.category, SUM(li.quantity)::int AS quantity
         FROM lot l JOIN lot_item li ON li.lot_id = l.id
        WHERE l.refurbisher_id = ANY($1::uuid[]) AND l.status = ANY($2::lot_status[])
        GROUP BY l.refurbisher_id, li.category`,
      [refurbisherIds, LOAD_LOT_STATUSES],
    );
    return rows.map((r) => ({ refurbisherId: r.refurbisher_id, category: r.category, quantity: r.quantity }));
  }

  async nextReference(manager: EntityManager, prefix: 'DON' | 'LOT'): Promise<string> {
    const sequence = prefix === 'DON' ? 'donation_reference_seq' : 'lot_reference_seq';
    const [row] = await manager.query(`SELECT nextval('${sequence}') AS n`);
    return `${referencePrefix(prefix)}${String(row.n).padStart(6, '0')}`;
  }
}
