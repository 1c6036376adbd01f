import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Lot } from '@app/donations';
import { Pickup } from '../entities/pickup.entity';
import { PickupService } from '../services/pickup.service';

/** Lot.pickup, served from here so that donations does not depend on logistics. */
@Resolver(() => Lot)
export class LotPickupResolver {
  constructor(private readonly pickupService: PickupService) {}

  @ResolveField(() => Pickup, { nullable: true, description: 'the live pickup, or the latest attempt (missed ones stay as history)' })
  pickup(@Ctx() ctx: RequestContext, @Parent() lot: Lot): Promise<Pickup | null> {
    return this.pickupService.ofLot(ctx, lot.id);
  }
}
