import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { MatchingResult } from './dto/matching-result';
import { RegionMatchingService } from './region-matching.service';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: RegionMatchingService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => MatchingResult, { description: 'allocate available stock of the region to open orders now (it also runs by itself in the background)' })
  matchOrders(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<MatchingResult> {
    return this.matching.matchRegion(ctx, regionId);
  }
}
