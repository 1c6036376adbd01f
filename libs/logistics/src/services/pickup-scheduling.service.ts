import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { Donation, LotTransitions } from '@app/donations';
import { SchedulePickupInput } from '../dto/pickup.inputs';
import { PickupChangeKind } from '../entities/pickup-change-kind';
import { PickupStatus } from '../entities/pickup-status';
import { Pickup } from '../entities/pickup.entity';
import { assertSchedulingDate, lotStepOnSchedule } from '../policies/pickup-scheduling.policy';
import { PickupHistory } from './pickup-history.service';
import { PickupService } from './pickup.service';

/**
 * The refurbisher that claimed a lot sets the day it comes for it. The lot's row is locked
 * (FOR UPDATE) for the whole command, so two concurrent schedules are serialized: the second
 * sees the first's pickup and is refused. The partial unique index on live pickups backs this up.
 */
@Injectable()
export class PickupSchedulingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly lots: LotTransitions,
    private readonly pickups: PickupService,
    private readonly history: PickupHistory,
    private readonly outbox: OutboxService,
  ) {}

  schedule(ctx: RequestContext, input: SchedulePickupInput): Promise<Pickup> {
    const now = new Date();
    return this.tx.run(ctx, async (_, manager) => {
      const lot = await this.lots.lock(manager, input.lotId);
      if (!lot) throw new NotFoundError('Lot', input.lotId);
      ActAccess.assert(ctx, 'Lot', 'schedulePickup', lot, 'Lot');
      const [latest] = await this.pickups.latestOfLots(manager, [lot.id]);
      const step = lotStepOnSchedule(lot, latest?.status ?? null);
      const donation = await manager.getRepository(Donation).findOneOrFail({ where: { id: lot.donationId }, select: { id: true, availableFrom: true } });
      assertSchedulingDate(input.scheduledAt, donation.availableFrom, now);

      const repo = manager.getRepository(Pickup);
      const pickup = await repo.save(
        repo.create({
          lotId: lot.id,
          scheduledAt: input.scheduledAt,
          status: PickupStatus.SCHEDULED,
          collectedQuantity: null,
          shortfall: null,
          completedAt: null,
          remindedAt: null,
        }),
      );
      await this.history.record(manager, ctx.user, [{ pickupId: pickup.id, kind: PickupChangeKind.SCHEDULED, toScheduledAt: pickup.scheduledAt }]);
      if (step === 'ADVANCE') await this.lots.markPickupScheduled(manager, lot);
      await this.outbox.enqueue(
        manager,
        notificationRequest(NotificationEvent.PICKUP_SCHEDULED, { pickupId: pickup.id, scheduledAt: pickup.scheduledAt.toISOString() }),
      );
      return pickup;
    });
  }
}
