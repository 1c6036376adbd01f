import { Args, GraphQLISODateTime, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Organization } from '@app/network/entities/organization.entity';
import { OrganizationService } from '@app/network/services/organization.service';
import { RegionDashboardService } from './region-dashboard.service';
import { RefurbisherLoad, RegionDashboard } from './region-dashboard.types';

@Resolver(() => RegionDashboard)
export class RegionDashboardResolver {
  constructor(private readonly dashboards: RegionDashboardService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => RegionDashboard)
  regionDashboard(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
  ): Promise<RegionDashboard> {
    return this.dashboards.dashboard(ctx, regionId, from, to);
  }
}

@Resolver(() => RefurbisherLoad)
export class RefurbisherLoadResolver {
  constructor(private readonly organizations: OrganizationService) {}

  @ResolveField(() => Organization)
  refurbisher(@Ctx() ctx: RequestContext, @Parent() load: RefurbisherLoad): Promise<Organization | null> {
    return this.organizations.load(ctx, load.refurbisherId);
  }
}
