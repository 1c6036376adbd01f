import { Injectable } from '@nestjs/common';
import { DeviceCategory } from '@app/common';
import { RefurbisherLoad } from '@app/network';
import { EntityManager } from 'typeorm';
import { LotItem } from '../entities/lot-item.entity';
import { LOT_MACHINE, LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';
import { DonationLedger } from './donation-ledger.service';

/** One lot routing decided to offer: a donation's devices, per category, to one refurbisher. */
export interface LotOffer {
  donationId: string;
  refurbisherId: string;
  regionId: string;
  distanceKm: number;
  offerExpiresAt: Date;
  items: ReadonlyArray<{ category: DeviceCategory; quantity: number }>;
}

/**
 * The lot's life as other libs drive it (routing offers, logistics collects, refurbishing receives
 * and closes), in the caller's transaction: the lot and its items are donations' tables, so the
 * state machine, the version bump, the load counters the lot enters or leaves and its donation's
 * status all happen here, never in the caller's SQL. The caller keeps the lock order of
 * docs/concurrency.md: the lot's row (`lock`) before its pickups, the load counters, the donation.
 */
@Injectable()
export class LotTransitions {
  constructor(
    private readonly ledger: DonationLedger,
    private readonly loads: RefurbisherLoad,
  ) {}

  /**
   * New OFFERED lots and their items, then the load counters they enter (all at once, in key
   * order) and their donations' statuses. Returns the lots in the order given.
   */
  async offer(manager: EntityManager, offers: readonly LotOffer[]): Promise<Lot[]> {
    const lots: Lot[] = [];
    for (const offer of offers) {
      const lot = await manager.getRepository(Lot).save(
        manager.getRepository(Lot).create({
          reference: await this.ledger.nextReference(manager, 'LOT'),
          donationId: offer.donationId,
          refurbisherId: offer.refurbisherId,
          regionId: offer.regionId,
          status: LotStatus.OFFERED,
          quantity: offer.items.reduce((s, i) => s + i.quantity, 0),
          distanceKm: offer.distanceKm,
          offerExpiresAt: offer.offerExpiresAt,
          declineReason: null,
          claimedAt: null,
        }),
      );
      await manager.getRepository(LotItem).insert(offer.items.map((i) => ({ category: i.category, quantity: i.quantity, lotId: lot.id })));
      lots.push(lot);
    }
    await this.loads.adjust(
      manager,
      offers.flatMap((o) => o.items.map((i) => ({ refurbisherId: o.refurbisherId, category: i.category, quantity: i.quantity }))),
    );
    await this.ledger.refreshStatuses(
      manager,
      lots.map((l) => l.donationId),
    );
    return lots;
  }

  /** The lot's row, locked (FOR UPDATE) for the caller's transaction; null when there is none. */
  lock(manager: EntityManager, lotId: string): Promise<Lot | null> {
    return manager.getRepository(Lot).findOne({ where: { id: lotId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A claimed lot gets its first pickup. The load does not move: a scheduled lot weighs as a claimed one. */
  async markPickupScheduled(manager: EntityManager, lot: Lot): Promise<void> {
    await this.move(manager, lot, LotStatus.PICKUP_SCHEDULED);
    await this.ledger.refreshStatuses(manager, [lot.donationId]);
  }

  /**
   * Its pickup was called off (by the refurbisher or the coordinator): the lot is CLAIMED again,
   * so that a new pickup can be scheduled. The load does not move: a claimed lot weighs as a scheduled one.
   */
  async markPickupCancelled(manager: EntityManager, lot: Lot): Promise<void> {
    await this.move(manager, lot, LotStatus.CLAIMED);
    await this.ledger.refreshStatuses(manager, [lot.donationId]);
  }

  /** The pickup took the lot away; it still weighs on the load until it is received. */
  async markCollected(manager: EntityManager, lot: Lot): Promise<void> {
    await this.move(manager, lot, LotStatus.COLLECTED);
    await this.ledger.refreshStatuses(manager, [lot.donationId]);
  }

  /** Intake is done: the lot leaves its refurbisher's load by its items. */
  async markReceived(manager: EntityManager, lot: Lot, items: ReadonlyArray<{ category: DeviceCategory; quantity: number }>): Promise<void> {
    await this.move(manager, lot, LotStatus.RECEIVED);
    await this.loads.adjust(
      manager,
      items.map((i) => ({ refurbisherId: lot.refurbisherId, category: i.category, quantity: -i.quantity })),
    );
    await this.ledger.refreshStatuses(manager, [lot.donationId]);
  }

  /**
   * The lot's last device is processed: locked, then CLOSED. Returns its donation, whose status
   * the caller re-derives (DonationLedger.refreshStatuses) once for every lot it closes.
   */
  async close(manager: EntityManager, lotId: string): Promise<string> {
    const lot = await manager.getRepository(Lot).findOneOrFail({ where: { id: lotId }, lock: { mode: 'pessimistic_write' } });
    await this.move(manager, lot, LotStatus.CLOSED);
    return lot.donationId;
  }

  /** One step of LOT_MACHINE on a lot the caller holds locked, as read under that lock. */
  private async move(manager: EntityManager, lot: Lot, to: LotStatus): Promise<void> {
    LOT_MACHINE.assertTransition(lot.status, to);
    await manager.update(Lot, { id: lot.id }, { status: to, version: lot.version + 1 });
  }
}
