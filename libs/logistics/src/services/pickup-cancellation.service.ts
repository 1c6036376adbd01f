import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { LotStatus, LotTransitions } from '@app/donations';
import { CancelPickupInput } from '../dto/pickup.inputs';
import { PickupChangeKind } from '../entities/pickup-change-kind';
import { PICKUP_MACHINE, PickupStatus } from '../entities/pickup-status';
import { Pickup } from '../entities/pickup.entity';
import { PickupsCancelled } from '../events/pickups-cancelled.event';
import { assertCurrentAttempt, reasonGiven } from '../policies/pickup-change.policy';
import { PickupHistory } from './pickup-history.service';
import { PickupService } from './pickup.service';

/**
 * The refurbisher of the lot (or the coordinator) calls a pickup off: the pickup is CANCELLED and
 * its lot CLAIMED again, so that a new pickup can be scheduled when a day is agreed. The lot stays
 * the refurbisher's (its load does not move); to give the lot up, the coordinator reassigns it.
 */
@Injectable()
export class PickupCancellationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly lots: LotTransitions,
    private readonly pickups: PickupService,
    private readonly history: PickupHistory,
    private readonly events: TransactionEvents,
  ) {}

  cancel(ctx: RequestContext, input: CancelPickupInput): Promise<Pickup> {
    const reason = reasonGiven(input.reason);
    return this.tx.run(ctx, async (_, manager) => {
      const repo = manager.getRepository(Pickup);
      const found = await repo.findOne({ where: { id: input.pickupId }, select: { id: true, lotId: true } });
      if (!found) throw new NotFoundError('Pickup', input.pickupId);
      const lot = await this.lots.lock(manager, found.lotId);
      if (!lot) throw new NotFoundError('Pickup', input.pickupId);
      ActAccess.assert(ctx, 'Pickup', 'cancel', { id: found.id, regionId: lot.regionId, refurbisherId: lot.refurbisherId }, 'Pickup');
      const pickup = await repo.findOneOrFail({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      PICKUP_MACHINE.assertTransition(pickup.status, PickupStatus.CANCELLED);
      const [latest] = await this.pickups.latestOfLots(manager, [lot.id]);
      assertCurrentAttempt(pickup, latest?.id ?? null, lot.reference);

      await repo.update({ id: pickup.id }, { status: PickupStatus.CANCELLED });
      await this.history.record(manager, ctx.user, [{ pickupId: pickup.id, kind: PickupChangeKind.CANCELLED, fromScheduledAt: pickup.scheduledAt, reason }]);
      if (lot.status === LotStatus.PICKUP_SCHEDULED) await this.lots.markPickupCancelled(manager, lot);
      await this.events.record(
        manager,
        new PickupsCancelled([{ pickupId: pickup.id, lotId: lot.id, refurbisherId: lot.refurbisherId, scheduledAt: pickup.scheduledAt }], reason),
      );
      return repo.findOneByOrFail({ id: pickup.id });
    });
  }
}
