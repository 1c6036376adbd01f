import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Donation } from '@app/donations';
import { LotIntakeService } from '../services/lot-intake.service';

/** Donation fields of intake: what its received lots counted against what they declared. */
@Resolver(() => Donation)
export class DonationIntakeResolver {
  constructor(private readonly intakes: LotIntakeService) {}

  @ResolveField(() => Int, { description: 'devices registered by the refurbishers, over all received lots' })
  async receivedQuantity(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<number> {
    return (await this.intakes.ofDonation(ctx, donation.id)).receivedQuantity;
  }

  @ResolveField(() => Int, { nullable: true, description: 'over the received lots, received minus declared; null until a lot is received' })
  async countDifference(@Ctx() ctx: RequestContext, @Parent() donation: Donation): Promise<number | null> {
    return (await this.intakes.ofDonation(ctx, donation.id)).countDifference;
  }
}
