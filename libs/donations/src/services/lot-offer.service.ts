import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, BadInputError, ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { assertTakesPart, LoadChange, RefurbisherLoad } from '@app/network';
import { EntityManager } from 'typeorm';
import { LotItem } from '../entities/lot-item.entity';
import { LOT_MACHINE, LotStatus } from '../entities/lot-status';
import { Lot } from '../entities/lot.entity';
import { routeRegionRequest } from '../jobs/route-region.request';
import { DeclineCooldown } from './decline-cooldown.service';
import { DonationLedger } from './donation-ledger.service';
import { entityFromReturnedRow } from './returned-row';

export interface ReturnedToRouting {
  lotIds: string[];
  regionIds: string[];
}

/**
 * The refurbisher's answer to an offer. A claim is one conditional UPDATE: of twenty
 * concurrent claims exactly one matches `status = 'OFFERED'`, the others find nothing to change.
 */
@Injectable()
export class LotOfferService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DonationLedger,
    private readonly loads: RefurbisherLoad,
    private readonly outbox: OutboxService,
    private readonly cooldown: DeclineCooldown,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  claim(ctx: RequestContext, lotId: string): Promise<Lot> {
    const allowed = ActAccess.where(ctx, 'Lot', 'claim', null);
    return this.tx.run(ctx, async (_, manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Lot)
        .set({ status: LotStatus.CLAIMED, claimedAt: () => 'now()', version: () => 'version + 1' })
        .where('id = :id AND status = :offered AND offer_expires_at > now()', { id: lotId, offered: LotStatus.OFFERED })
        .andWhere(allowed.sql, allowed.params)
        // a deactivated refurbisher takes no new work; the refusal says so (explainRefusal)
        .andWhere(`NOT EXISTS (SELECT 1 FROM "organization" co WHERE co.id = refurbisher_id AND co.deactivated_at IS NOT NULL)`)
        .returning('*')
        .execute();
      const lot = await this.changedOrRefused(ctx, manager, lotId, 'claim', result.raw);
      await this.ledger.refreshStatuses(manager, [lot.donationId]);
      // the donor hears once, at the first claim, that its agreement is ready: the key is the donation's
      await this.outbox.enqueue(
        manager,
        notificationRequest(NotificationEvent.DONATION_AGREEMENT_READY, { donationId: lot.donationId }, `donation-agreement-${lot.donationId}`),
      );
      return lot;
    });
  }

  decline(ctx: RequestContext, lotId: string, reason: string): Promise<Lot> {
    const why = reason.trim();
    if (!why || why.length > 500) {
      throw new BadInputError(
        'reason is required: say in a few words why (at most 500 characters)',
        { field: 'reason', max: 500 },
        ErrorReason.REASON_REQUIRED,
      );
    }
    const allowed = ActAccess.where(ctx, 'Lot', 'decline', null);
    return this.tx.run(ctx, async (_, manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Lot)
        .set({ status: LotStatus.DECLINED, declineReason: why, version: () => 'version + 1' })
        .where('id = :id AND status = :offered', { id: lotId, offered: LotStatus.OFFERED })
        .andWhere(allowed.sql, allowed.params)
        .returning('*')
        .execute();
      const lot = await this.changedOrRefused(ctx, manager, lotId, 'decline', result.raw);
      await this.returnToRouting(manager, [lot]);
      await this.outbox.enqueue(manager, notificationRequest(NotificationEvent.LOT_DECLINED, { lotId: lot.id }));
      return lot;
    });
  }

  /** OFFERED lots past their time become EXPIRED; their devices go back to routing. */
  expireDue(ctx: RequestContext, now: Date = new Date()): Promise<ReturnedToRouting> {
    return this.tx.run(ctx, async (_, manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Lot)
        .set({ status: LotStatus.EXPIRED, version: () => 'version + 1' })
        .where('status = :offered AND offer_expires_at <= :now', { offered: LotStatus.OFFERED, now })
        .returning(['id'])
        .execute();
      const ids = (result.raw as Array<{ id: string }>).map((r) => r.id);
      if (!ids.length) return { lotIds: [], regionIds: [] };
      const lots = await manager.getRepository(Lot).findBy(ids.map((id) => ({ id })));
      await this.returnToRouting(manager, lots);
      await this.outbox.enqueue(manager, ...lots.map((l) => notificationRequest(NotificationEvent.LOT_EXPIRED, { lotId: l.id })));
      return { lotIds: ids, regionIds: [...new Set(lots.map((l) => l.regionId))] };
    });
  }

  /**
   * The refurbisher leaves the donation for DECLINE_COOLDOWN_DAYS (DeclineCooldown); the lot no
   * longer weighs on its capacity, and its region is routed again (through the outbox, in this transaction).
   */
  private async returnToRouting(manager: EntityManager, lots: Lot[]): Promise<void> {
    const loadChanges: LoadChange[] = [];
    for (const lot of lots) {
      await this.cooldown.record(manager, lot.donationId, lot.refurbisherId);
      const items = await manager.getRepository(LotItem).find({ where: { lotId: lot.id } });
      loadChanges.push(...items.map((i) => ({ refurbisherId: lot.refurbisherId, category: i.category, quantity: -i.quantity })));
    }
    // all counters at once, in key order: an expiry sweep over many refurbishers cannot deadlock a decline
    await this.loads.adjust(manager, loadChanges);
    await this.ledger.refreshStatuses(
      manager,
      lots.map((l) => l.donationId),
    );
    const regions = [...new Set(lots.map((l) => l.regionId))];
    await this.outbox.enqueue(manager, ...regions.map((regionId) => routeRegionRequest(regionId, 0)));
  }

  /** The lot as the conditional update left it (its RETURNING row, not a read after it), or why it changed nothing. */
  private async changedOrRefused(
    ctx: RequestContext,
    manager: EntityManager,
    lotId: string,
    action: 'claim' | 'decline',
    returned: Array<Record<string, unknown>>,
  ): Promise<Lot> {
    if (!returned.length) return this.explainRefusal(ctx, manager, lotId, action);
    return entityFromReturnedRow(manager, Lot, returned[0]);
  }

  /** Says why a conditional update changed nothing: not yours (NOT_FOUND), or not in a state that allows it. */
  private async explainRefusal(ctx: RequestContext, manager: EntityManager, lotId: string, action: 'claim' | 'decline'): Promise<never> {
    const target = action === 'claim' ? LotStatus.CLAIMED : LotStatus.DECLINED;
    const lot = await manager.getRepository(Lot).findOne({ where: { id: lotId } });
    if (!lot) throw new NotFoundError('Lot', lotId);
    ActAccess.assert(ctx, 'Lot', action, lot, 'Lot');
    if (action === 'claim') await assertTakesPart(manager, lot.refurbisherId, 'claim offers');
    if (lot.status === LotStatus.OFFERED && lot.offerExpiresAt && lot.offerExpiresAt <= new Date()) {
      throw new ConflictError(
        `Lot ${lot.reference}: the offer expired at ${lot.offerExpiresAt.toISOString()}; it goes back to routing, ask the coordinator if it can come back to you`,
        { lotId: lot.id, offerExpiresAt: lot.offerExpiresAt.toISOString() },
        ErrorReason.OFFER_EXPIRED,
      );
    }
    LOT_MACHINE.assertTransition(lot.status, target);
    throw new ConflictError(`Lot ${lot.reference} changed meanwhile; try again`, { lotId: lot.id }, ErrorReason.CONCURRENT_CHANGE);
  }
}
