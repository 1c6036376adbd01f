import { Injectable } from '@nestjs/common';
import { ConflictError, DeviceCategory, ErrorReason } from '@app/common';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { LoadChange, RefurbisherLoad } from '@app/network';
import { EntityManager } from 'typeorm';
import { LotItem } from '../entities/lot-item.entity';
import { LOT_MACHINE, LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';
import { DonationLedger } from './donation-ledger.service';
import { entityFromReturnedRow } from './returned-row';
import { LotOffer } from './lot-transitions.service';

/**
 * Lots a donation may still grow: not yet collected, so the devices added go in the same pickup
 * at the same address. A COLLECTED lot is on its way: new devices need a new trip (a new lot).
 */
export const OPEN_LOT_STATUSES: LotStatus[] = [LotStatus.OFFERED, LotStatus.CLAIMED, LotStatus.PICKUP_SCHEDULED];

/** What placing offers did: every lot it created or grew, in the order of the offers. */
export interface PlacedLots {
  lots: Lot[];
  created: string[];
  grown: string[];
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One lot per (donation, refurbisher) while it is not collected: routing and the coordinator's
 * assignments place devices through here, which grows the open lot of the pair instead of
 * making a second lot and a second trip. The caller locks the open lots first (`lockOpen`, lot
 * rows before load counters: docs/concurrency.md), so a claim or a decline cannot change a lot
 * between the read and the growth.
 */
@Injectable()
export class LotPlacement {
  constructor(
    private readonly ledger: DonationLedger,
    private readonly loads: RefurbisherLoad,
    private readonly outbox: OutboxService,
  ) {}

  /** The open lots of these donations (of these refurbishers, when given), locked FOR UPDATE in id order. */
  async lockOpen(manager: EntityManager, donationIds: readonly string[], refurbisherIds?: readonly string[]): Promise<Lot[]> {
    if (!donationIds.length) return [];
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT * FROM lot WHERE donation_id = ANY($1::uuid[]) AND status = ANY($2::lot_status[])
          AND ($3::uuid[] IS NULL OR refurbisher_id = ANY($3::uuid[]))
        ORDER BY id FOR UPDATE`,
      [[...new Set(donationIds)], OPEN_LOT_STATUSES, refurbisherIds ? [...new Set(refurbisherIds)] : null],
    );
    return rows.map((row) => entityFromReturnedRow(manager, Lot, row));
  }

  /**
   * Places each offer: into the open lot of its (donation, refurbisher) among `open` (locked by
   * the caller), or as a new OFFERED lot. A grown OFFERED lot gets the later of its expiry and
   * the new one (the refurbisher answers for the whole lot); a grown CLAIMED or scheduled lot
   * keeps its state and counts the devices in `addedAfterClaim`. The load counters move once, in
   * key order, with `extraLoad` (a reassignment's release) in the same pass.
   */
  async place(manager: EntityManager, offers: readonly LotOffer[], open: readonly Lot[], extraLoad: readonly LoadChange[] = []): Promise<PlacedLots> {
    const openByPair = new Map(open.filter((l) => OPEN_LOT_STATUSES.includes(l.status)).map((l) => [`${l.donationId}|${l.refurbisherId}`, l]));
    const result: PlacedLots = { lots: [], created: [], grown: [] };
    for (const offer of offers) {
      const items = offer.items.filter((i) => i.quantity > 0);
      if (!items.length) continue;
      const existing = openByPair.get(`${offer.donationId}|${offer.refurbisherId}`);
      const lot = existing ? await this.grow(manager, existing, offer, items) : await this.create(manager, offer, items);
      (existing ? result.grown : result.created).push(lot.id);
      openByPair.set(`${offer.donationId}|${offer.refurbisherId}`, lot);
      result.lots.push(lot);
    }
    await this.loads.adjust(manager, [
      ...extraLoad,
      ...offers.flatMap((o) => o.items.map((i) => ({ refurbisherId: o.refurbisherId, category: i.category, quantity: i.quantity }))),
    ]);
    await this.ledger.refreshStatuses(
      manager,
      offers.map((o) => o.donationId),
    );
    return result;
  }

  /**
   * A coordinator moves a lot (OFFERED or CLAIMED, locked by the caller) to another refurbisher:
   * the lot is CANCELLED, naming where its devices went, and its devices are placed with the
   * other refurbisher (grown into its open lot of the donation, or a new OFFERED lot). Both
   * refurbishers' load counters move in the same pass.
   */
  async reassign(manager: EntityManager, lot: Lot, target: Omit<LotOffer, 'items' | 'donationId' | 'regionId'>, open: readonly Lot[]): Promise<Lot> {
    if (lot.status !== LotStatus.OFFERED && lot.status !== LotStatus.CLAIMED) {
      throw new ConflictError(
        `Lot ${lot.reference} is ${lot.status}: only an offered or claimed lot can be reassigned (cancel its pickup first if one is scheduled)`,
        { lotId: lot.id, status: lot.status },
        ErrorReason.LOT_NOT_REASSIGNABLE,
      );
    }
    LOT_MACHINE.assertTransition(lot.status, LotStatus.CANCELLED);
    const items = await manager.getRepository(LotItem).find({ where: { lotId: lot.id }, order: { category: 'ASC' } });
    await manager.update(Lot, { id: lot.id }, { status: LotStatus.CANCELLED, version: lot.version + 1 });
    const placed = await this.place(
      manager,
      [{ ...target, donationId: lot.donationId, regionId: lot.regionId, items: items.map((i) => ({ category: i.category, quantity: i.quantity })) }],
      open.filter((l) => l.id !== lot.id),
      items.map((i) => ({ refurbisherId: lot.refurbisherId, category: i.category, quantity: -i.quantity })),
    );
    const moved = placed.lots[0]!;
    await manager.update(Lot, { id: lot.id }, { reassignedToLotId: moved.id });
    await this.outbox.enqueue(manager, notificationRequest(NotificationEvent.LOT_REASSIGNED, { lotId: lot.id, toLotId: moved.id }));
    return moved;
  }

  private async create(manager: EntityManager, offer: LotOffer, items: ReadonlyArray<{ category: DeviceCategory; quantity: number }>): Promise<Lot> {
    const lot = await manager.getRepository(Lot).save(
      manager.getRepository(Lot).create({
        reference: await this.ledger.nextReference(manager, 'LOT'),
        donationId: offer.donationId,
        refurbisherId: offer.refurbisherId,
        regionId: offer.regionId,
        status: LotStatus.OFFERED,
        quantity: items.reduce((s, i) => s + i.quantity, 0),
        distanceKm: offer.distanceKm,
        offerExpiresAt: offer.offerExpiresAt,
        declineReason: null,
        claimedAt: null,
      }),
    );
    await manager.getRepository(LotItem).insert(items.map((i) => ({ category: i.category, quantity: i.quantity, lotId: lot.id })));
    if (lot.offerExpiresAt)
      await this.outbox.enqueue(
        manager,
        notificationRequest(NotificationEvent.LOT_OFFERED, { lotId: lot.id, offerExpiresAt: lot.offerExpiresAt.toISOString() }),
      );
    return lot;
  }

  private async grow(manager: EntityManager, lot: Lot, offer: LotOffer, items: ReadonlyArray<{ category: DeviceCategory; quantity: number }>): Promise<Lot> {
    const sorted = [...items].sort((a, b) => compareKeys(a.category, b.category));
    await manager.query(
      `INSERT INTO lot_item (lot_id, category, quantity)
       SELECT $1, c, q FROM unnest($2::device_category[], $3::int[]) AS x(c, q)
       ON CONFLICT (lot_id, category) DO UPDATE SET quantity = lot_item.quantity + EXCLUDED.quantity`,
      [lot.id, sorted.map((i) => i.category), sorted.map((i) => i.quantity)],
    );
    const added = items.reduce((s, i) => s + i.quantity, 0);
    const [rows]: [Array<Record<string, unknown>>, number] = await manager.query(
      `UPDATE lot SET quantity = quantity + $2, version = version + 1, grown_at = now(),
              added_after_claim = added_after_claim + CASE WHEN status = 'OFFERED' THEN 0 ELSE $2 END,
              offer_expires_at = CASE WHEN status = 'OFFERED' THEN GREATEST(offer_expires_at, $3) ELSE offer_expires_at END
        WHERE id = $1 RETURNING *`,
      [lot.id, added, offer.offerExpiresAt],
    );
    return entityFromReturnedRow(manager, Lot, rows[0]!);
  }
}
