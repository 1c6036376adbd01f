import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { Donation, LOT_MACHINE, LotStatus, LotTransitions } from '@app/donations';
import { CompletePickupInput } from '../dto/pickup.inputs';
import { PickupChangeKind } from '../entities/pickup-change-kind';
import { PICKUP_MACHINE, PickupStatus } from '../entities/pickup-status';
import { PickupsCompleted } from '../events/pickups-completed.event';
import { Pickup } from '../entities/pickup.entity';
import { assertCollectable } from '../policies/pickup-change.policy';
import { shortfallOf } from '../policies/pickup-collection.policy';
import { PickupHistory } from './pickup-history.service';

/**
 * The refurbisher says what it took away: the pickup is COMPLETED with that count (and the
 * shortfall, if any), the lot COLLECTED, the donation's status re-derived, in one transaction.
 */
@Injectable()
export class PickupCompletionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly lots: LotTransitions,
    private readonly events: TransactionEvents,
    private readonly history: PickupHistory,
  ) {}

  complete(ctx: RequestContext, input: CompletePickupInput): Promise<Pickup> {
    return this.tx.run(ctx, async (_, manager) => {
      const repo = manager.getRepository(Pickup);
      const found = await repo.findOne({ where: { id: input.pickupId }, select: { id: true, lotId: true } });
      if (!found) throw new NotFoundError('Pickup', input.pickupId);
      // The lot's lock is the one every pickup command takes first: no deadlock, no lost update.
      const lot = await this.lots.lock(manager, found.lotId);
      if (!lot) throw new NotFoundError('Pickup', input.pickupId);
      ActAccess.assert(ctx, 'Pickup', 'complete', { id: found.id, refurbisherId: lot.refurbisherId }, 'Pickup');
      const pickup = await repo.findOneByOrFail({ id: found.id });
      PICKUP_MACHINE.assertTransition(pickup.status, PickupStatus.COMPLETED);
      LOT_MACHINE.assertTransition(lot.status, LotStatus.COLLECTED);
      const shortfall = shortfallOf(lot.quantity, input.collectedQuantity);
      const donation = await manager.getRepository(Donation).findOneOrFail({ where: { id: lot.donationId }, select: { id: true, availableFrom: true } });
      assertCollectable(donation.availableFrom, new Date(), lot.reference);

      // Conditional: the overdue sweep does not take the lot's lock and may have marked it MISSED meanwhile.
      const result = await manager
        .createQueryBuilder()
        .update(Pickup)
        .set({ status: PickupStatus.COMPLETED, collectedQuantity: input.collectedQuantity, shortfall, completedAt: () => 'now()' })
        .where('id = :id AND status = :scheduled', { id: pickup.id, scheduled: PickupStatus.SCHEDULED })
        .execute();
      if (!result.affected) {
        const current = await repo.findOneByOrFail({ id: pickup.id });
        PICKUP_MACHINE.assertTransition(current.status, PickupStatus.COMPLETED);
        throw new ConflictError(`Pickup ${pickup.id} changed meanwhile; try again`, { pickupId: pickup.id }, ErrorReason.CONCURRENT_CHANGE);
      }
      await this.history.record(manager, ctx.user, [{ pickupId: pickup.id, kind: PickupChangeKind.COMPLETED, fromScheduledAt: pickup.scheduledAt }]);
      await this.lots.markCollected(manager, lot);
      await this.events.record(manager, new PickupsCompleted([pickup.id]));
      return repo.findOneByOrFail({ id: pickup.id });
    });
  }
}
