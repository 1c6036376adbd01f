import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { selectedFields } from '@app/network';
import { RegionDashboardService } from './region-dashboard.service';
import { RegionDashboard } from './region-dashboard.types';

@Resolver(() => RegionDashboard)
export class RegionDashboardResolver {
  constructor(private readonly dashboards: RegionDashboardService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => RegionDashboard)
  regionDashboard(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<RegionDashboard> {
    return this.dashboards.dashboard(ctx, regionId, from, to, info && selectedFields(info));
  }
}
