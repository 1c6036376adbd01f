import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionEvents, TransactionRunner } from '@app/database';
import { Donation, LotStatus, LotTransitions } from '@app/donations';
import { ReschedulePickupInput } from '../dto/pickup.inputs';
import { PickupChangeKind } from '../entities/pickup-change-kind';
import { PICKUP_MACHINE, PickupStatus } from '../entities/pickup-status';
import { Pickup } from '../entities/pickup.entity';
import { PickupsRescheduled } from '../events/pickups-rescheduled.event';
import { assertCurrentAttempt, reasonGiven } from '../policies/pickup-change.policy';
import { assertSchedulingDate } from '../policies/pickup-scheduling.policy';
import { PickupHistory } from './pickup-history.service';
import { PickupService } from './pickup.service';

/**
 * The refurbisher of the lot (or the coordinator) moves a pickup to another day. It stays the
 * same SCHEDULED pickup with a new date; a MISSED one becomes SCHEDULED again. Its reminder is
 * reset so that the daily sweep reminds of the new date, and the change is written in its history.
 * Lock order as every pickup command: the lot's row, then the pickup's.
 */
@Injectable()
export class PickupReschedulingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly lots: LotTransitions,
    private readonly pickups: PickupService,
    private readonly history: PickupHistory,
    private readonly events: TransactionEvents,
  ) {}

  reschedule(ctx: RequestContext, input: ReschedulePickupInput): Promise<Pickup> {
    const now = new Date();
    const reason = reasonGiven(input.reason);
    return this.tx.run(ctx, async (_, manager) => {
      const repo = manager.getRepository(Pickup);
      const found = await repo.findOne({ where: { id: input.pickupId }, select: { id: true, lotId: true } });
      if (!found) throw new NotFoundError('Pickup', input.pickupId);
      const lot = await this.lots.lock(manager, found.lotId);
      if (!lot) throw new NotFoundError('Pickup', input.pickupId);
      ActAccess.assert(ctx, 'Pickup', 'reschedule', { id: found.id, regionId: lot.regionId, refurbisherId: lot.refurbisherId }, 'Pickup');
      const pickup = await repo.findOneOrFail({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      PICKUP_MACHINE.assertTransition(pickup.status, PickupStatus.SCHEDULED);
      if (lot.status !== LotStatus.PICKUP_SCHEDULED) {
        throw new ConflictError(
          `Lot ${lot.reference} is ${lot.status}: its pickup cannot be moved any more`,
          { lotId: lot.id, status: lot.status },
          ErrorReason.PICKUP_NOT_MOVABLE,
        );
      }
      const [latest] = await this.pickups.latestOfLots(manager, [lot.id]);
      assertCurrentAttempt(pickup, latest?.id ?? null, lot.reference);
      const donation = await manager.getRepository(Donation).findOneOrFail({ where: { id: lot.donationId }, select: { id: true, availableFrom: true } });
      assertSchedulingDate(input.scheduledAt, donation.availableFrom, now);
      if (pickup.status === PickupStatus.SCHEDULED && pickup.scheduledAt.getTime() === input.scheduledAt.getTime()) {
        throw new BadInputError(
          `The pickup is already scheduled at ${pickup.scheduledAt.toISOString()}: give another date`,
          { field: 'scheduledAt', scheduledAt: pickup.scheduledAt.toISOString() },
          ErrorReason.PICKUP_SAME_DATE,
        );
      }

      const from = pickup.scheduledAt;
      await repo.update({ id: pickup.id }, { scheduledAt: input.scheduledAt, status: PickupStatus.SCHEDULED, remindedAt: null });
      await this.history.record(manager, ctx.user, [
        { pickupId: pickup.id, kind: PickupChangeKind.RESCHEDULED, fromScheduledAt: from, toScheduledAt: input.scheduledAt, reason },
      ]);
      await this.events.record(manager, new PickupsRescheduled([{ pickupId: pickup.id, lotId: lot.id, from, to: input.scheduledAt }]));
      return repo.findOneByOrFail({ id: pickup.id });
    });
  }
}
