import { Injectable } from '@nestjs/common';
import { ConflictError, DeviceCategory, ErrorReason } from '@app/common';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { LoadChange, RefurbisherLoad } from '@app/network';
import { EntityManager } from 'typeorm';
import { LotItem } from '../entities/lot-item.entity';
import { LOT_MACHINE, LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';
import { DonationLedger, referencePrefix } from './donation-ledger.service';
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

type PlacedItem = { category: DeviceCategory; quantity: number };

const OUTBOX_SLICE = 10_000;

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
   * Set-based, so that a region's month of backlog costs what one declaration does: the grown lots
   * in two statements, the new lots with their references in one, their items in one, their offers'
   * notifications in one, whatever the number of offers. Each offer names its own pair (every
   * caller builds one offer per pair).
   */
  async place(manager: EntityManager, offers: readonly LotOffer[], open: readonly Lot[], extraLoad: readonly LoadChange[] = []): Promise<PlacedLots> {
    const pairOf = (o: { donationId: string; refurbisherId: string }) => `${o.donationId}|${o.refurbisherId}`;
    const openByPair = new Map(open.filter((l) => OPEN_LOT_STATUSES.includes(l.status)).map((l) => [pairOf(l), l]));
    const placing = offers.map((o) => ({ offer: o, items: o.items.filter((i) => i.quantity > 0) })).filter((p) => p.items.length);
    const repeated = placing.find((p, i) => placing.findIndex((q) => pairOf(q.offer) === pairOf(p.offer)) !== i);
    if (repeated) throw new Error(`Two offers name donation ${repeated.offer.donationId} and refurbisher ${repeated.offer.refurbisherId}: merge them first`);

    const toGrow = placing.filter((p) => openByPair.has(pairOf(p.offer))).map((p) => ({ ...p, lot: openByPair.get(pairOf(p.offer))! }));
    const toCreate = placing.filter((p) => !openByPair.has(pairOf(p.offer)));
    const placed = new Map<string, Lot>([...(await this.grow(manager, toGrow)), ...(await this.create(manager, toCreate))].map((l) => [pairOf(l), l]));
    const lots = placing.map((p) => placed.get(pairOf(p.offer))!);
    const result: PlacedLots = {
      lots,
      created: lots.filter((l) => !openByPair.has(pairOf(l))).map((l) => l.id),
      grown: lots.filter((l) => openByPair.has(pairOf(l))).map((l) => l.id),
    };
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

  /**
   * New OFFERED lots, in the order of the offers: their references drawn from the sequence one per
   * lot in that order (as nextReference does, so a rolled-back run leaves the same gaps), then their
   * items, then one LOT_OFFERED notification each.
   */
  private async create(manager: EntityManager, placing: ReadonlyArray<{ offer: LotOffer; items: readonly PlacedItem[] }>): Promise<Lot[]> {
    if (!placing.length) return [];
    const rows: Array<Record<string, unknown>> = await manager.query(
      `WITH offer AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::double precision[], $6::timestamptz[])
           WITH ORDINALITY AS o(donation_id, refurbisher_id, region_id, quantity, distance_km, offer_expires_at, position)
       ), numbered AS (
         SELECT o.*, nextval('lot_reference_seq') AS n FROM offer o
       )
       INSERT INTO lot (reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, offer_expires_at, decline_reason, claimed_at)
       SELECT $7 || lpad(n::text, greatest(6, length(n::text)), '0'), donation_id, refurbisher_id, region_id, $8::lot_status, quantity, distance_km,
              offer_expires_at, NULL, NULL
         FROM numbered ORDER BY position
       RETURNING *`,
      [
        placing.map((p) => p.offer.donationId),
        placing.map((p) => p.offer.refurbisherId),
        placing.map((p) => p.offer.regionId),
        placing.map((p) => p.items.reduce((s, i) => s + i.quantity, 0)),
        placing.map((p) => p.offer.distanceKm),
        placing.map((p) => p.offer.offerExpiresAt),
        referencePrefix('LOT'),
        LotStatus.OFFERED,
      ],
    );
    const byPair = new Map(rows.map((row) => entityFromReturnedRow(manager, Lot, row)).map((l) => [`${l.donationId}|${l.refurbisherId}`, l]));
    const lots = placing.map((p) => byPair.get(`${p.offer.donationId}|${p.offer.refurbisherId}`)!);
    const items = lots.flatMap((lot, i) => placing[i]!.items.map((item) => ({ lotId: lot.id, ...item })));
    await manager.query(`INSERT INTO lot_item (lot_id, category, quantity) SELECT * FROM unnest($1::uuid[], $2::device_category[], $3::int[])`, [
      items.map((i) => i.lotId),
      items.map((i) => i.category),
      items.map((i) => i.quantity),
    ]);
    const offered = lots
      .filter((lot) => lot.offerExpiresAt)
      .map((lot) => notificationRequest(NotificationEvent.LOT_OFFERED, { lotId: lot.id, offerExpiresAt: lot.offerExpiresAt!.toISOString() }));
    // one multi-row insert, of six parameters a row: PostgreSQL takes at most 65,535 a statement
    for (let i = 0; i < offered.length; i += OUTBOX_SLICE) await this.outbox.enqueue(manager, ...offered.slice(i, i + OUTBOX_SLICE));
    return lots;
  }

  /** Grows these open lots (locked by the caller) by their offers' items: one statement for the items, one for the lots. */
  private async grow(manager: EntityManager, growing: ReadonlyArray<{ lot: Lot; offer: LotOffer; items: readonly PlacedItem[] }>): Promise<Lot[]> {
    if (!growing.length) return [];
    const items = growing
      .flatMap((g) => g.items.map((i) => ({ lotId: g.lot.id, ...i })))
      .sort((a, b) => compareKeys(a.lotId, b.lotId) || compareKeys(a.category, b.category));
    await manager.query(
      `INSERT INTO lot_item (lot_id, category, quantity)
       SELECT l, c, q FROM unnest($1::uuid[], $2::device_category[], $3::int[]) AS x(l, c, q)
       ON CONFLICT (lot_id, category) DO UPDATE SET quantity = lot_item.quantity + EXCLUDED.quantity`,
      [items.map((i) => i.lotId), items.map((i) => i.category), items.map((i) => i.quantity)],
    );
    const [rows]: [Array<Record<string, unknown>>, number] = await manager.query(
      `UPDATE lot SET quantity = quantity + v.added, version = version + 1, grown_at = now(),
              added_after_claim = added_after_claim + CASE WHEN status = 'OFFERED' THEN 0 ELSE v.added END,
              offer_expires_at = CASE WHEN status = 'OFFERED' THEN GREATEST(offer_expires_at, v.expires) ELSE offer_expires_at END
         FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS v(id, added, expires)
        WHERE lot.id = v.id RETURNING lot.*`,
      [growing.map((g) => g.lot.id), growing.map((g) => g.items.reduce((s, i) => s + i.quantity, 0)), growing.map((g) => g.offer.offerExpiresAt)],
    );
    return rows.map((row) => entityFromReturnedRow(manager, Lot, row));
  }
}
