import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { EligibilityBasesService } from './eligibility-bases.service';
import { EligibilityBasis } from './eligibility-basis';
import { WaitingList } from './need.types';
import { WaitingListService } from './waiting-list.service';

@Resolver(() => WaitingList)
export class WaitingListResolver {
  constructor(
    private readonly waiting: WaitingListService,
    private readonly bases: EligibilityBasesService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Query(() => WaitingList, {
    description: 'the region’s waiting needs in queue order, with positions and estimated waits; a partner sees its own rows and counts of the others',
  })
  waitingList(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('profile', { type: () => BeneficiaryProfile, nullable: true }) profile?: BeneficiaryProfile,
  ): Promise<WaitingList> {
    return this.waiting.waitingList(ctx, regionId, profile);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Query(() => [EligibilityBasis], { description: 'the bases of eligibility the region accepts for needs (every basis until its coordinator chooses)' })
  acceptedEligibilityBases(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<EligibilityBasis[]> {
    return this.bases.accepted(ctx, regionId);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => [EligibilityBasis], { description: 'replaces the region’s accepted bases; needs already recorded keep theirs' })
  setAcceptedEligibilityBases(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('bases', { type: () => [EligibilityBasis] }) bases: EligibilityBasis[],
  ): Promise<EligibilityBasis[]> {
    return this.bases.set(ctx, regionId, bases);
  }
}
