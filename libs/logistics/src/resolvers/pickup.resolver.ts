import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { Lot } from '@app/donations';
import { CompletePickupInput, SchedulePickupInput } from '../dto/pickup.inputs';
import { Pickup } from '../entities/pickup.entity';
import { PickupCompletionService } from '../services/pickup-completion.service';
import { PickupSchedulingService } from '../services/pickup-scheduling.service';
import { PickupService } from '../services/pickup.service';

@Resolver(() => Pickup)
export class PickupResolver {
  constructor(
    private readonly scheduling: PickupSchedulingService,
    private readonly completion: PickupCompletionService,
    private readonly pickupService: PickupService,
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

  @ResolveField(() => Lot)
  async lot(@Ctx() ctx: RequestContext, @Parent() pickup: Pickup): Promise<Lot> {
    return AccessPolicy.readableOrRefuse(await this.pickupService.lotOf(ctx, pickup.lotId));
  }
}
