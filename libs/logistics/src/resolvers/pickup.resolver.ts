import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { Lot } from '@app/donations';
import { CancelPickupInput, CompletePickupInput, ReschedulePickupInput, SchedulePickupInput } from '../dto/pickup.inputs';
import { PickupChange } from '../entities/pickup-change.entity';
import { Pickup } from '../entities/pickup.entity';
import { PickupCancellationService } from '../services/pickup-cancellation.service';
import { PickupCompletionService } from '../services/pickup-completion.service';
import { PickupHistory } from '../services/pickup-history.service';
import { PickupReschedulingService } from '../services/pickup-rescheduling.service';
import { PickupSchedulingService } from '../services/pickup-scheduling.service';
import { PickupService } from '../services/pickup.service';

@Resolver(() => Pickup)
export class PickupResolver {
  constructor(
    private readonly scheduling: PickupSchedulingService,
    private readonly completion: PickupCompletionService,
    private readonly pickupService: PickupService,
    private readonly rescheduling: PickupReschedulingService,
    private readonly cancellation: PickupCancellationService,
    private readonly pickupHistory: PickupHistory,
  ) {}

  @Allow(Role.REFURBISHER)
  @Mutation(() => Pickup)
  schedulePickup(@Ctx() ctx: RequestContext, @Args('input') input: SchedulePickupInput): Promise<Pickup> {
    return this.scheduling.schedule(ctx, input);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => Pickup)
  completePickup(@Ctx() ctx: RequestContext, @Args('input') input: CompletePickupInput): Promise<Pickup> {
    return this.completion.complete(ctx, input);
  }

  @Allow(Role.REFURBISHER, Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => Pickup, { description: 'moves a SCHEDULED or MISSED pickup to another date; it stays (or becomes) SCHEDULED and is reminded of afresh' })
  reschedulePickup(@Ctx() ctx: RequestContext, @Args('input') input: ReschedulePickupInput): Promise<Pickup> {
    return this.rescheduling.reschedule(ctx, input);
  }

  @Allow(Role.REFURBISHER, Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => Pickup, { description: 'calls a SCHEDULED or MISSED pickup off; its lot is CLAIMED again, ready for a new pickup' })
  cancelPickup(@Ctx() ctx: RequestContext, @Args('input') input: CancelPickupInput): Promise<Pickup> {
    return this.cancellation.cancel(ctx, input);
  }

  @ResolveField(() => [PickupChange], { description: 'every change of this pickup, oldest first: scheduled, rescheduled, cancelled, missed, completed' })
  history(@Ctx() ctx: RequestContext, @Parent() pickup: Pickup): Promise<PickupChange[]> {
    return this.pickupHistory.of(ctx, pickup.id);
  }

  @ResolveField(() => Lot)
  async lot(@Ctx() ctx: RequestContext, @Parent() pickup: Pickup): Promise<Lot> {
    return AccessPolicy.readableOrRefuse(await this.pickupService.lotOf(ctx, pickup.lotId));
  }
}
