import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Donation } from '../entities/donation.entity';
import { DeclineLiftService } from '../services/decline-lift.service';

@Resolver()
export class DeclineResolver {
  constructor(private readonly declines: DeclineLiftService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Donation, {
    description: 'ends now the cooldown a decline (or a lapsed offer) put on this refurbisher for this donation; the region is routed again',
  })
  liftDecline(
    @Ctx() ctx: RequestContext,
    @Args('donationId', { type: () => ID }) donationId: string,
    @Args('refurbisherId', { type: () => ID }) refurbisherId: string,
  ): Promise<Donation> {
    return this.declines.lift(ctx, donationId, refurbisherId);
  }
}
