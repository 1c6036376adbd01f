import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { DonationAgreementService } from './donation-agreement.service';
import { DonationAgreement } from './donation-agreement.types';

@Resolver(() => DonationAgreement)
export class DonationAgreementResolver {
  constructor(private readonly agreements: DonationAgreementService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER)
  @Query(() => [DonationAgreement], {
    description: 'the donation agreements (conventions de don) of a donation, one per refurbisher that accepted a lot of it; a refurbisher gets its own',
  })
  donationAgreement(@Ctx() ctx: RequestContext, @Args('donationId', { type: () => ID }) donationId: string): Promise<DonationAgreement[]> {
    return this.agreements.list(ctx, donationId);
  }
}
