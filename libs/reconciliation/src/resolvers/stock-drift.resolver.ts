import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { StockDrift } from '../entities/stock-drift.entity';
import { StockRebuildService } from '../services/stock-rebuild.service';

@Resolver(() => StockDrift)
export class StockDriftResolver {
  constructor(
    private readonly stock: StockRebuildService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => [StockDrift], {
    description:
      "rebuild a refurbisher's stock levels from its devices now (reconcile-stock also runs nightly and after each count); returns the counters corrected",
  })
  reconcileStock(@Ctx() ctx: RequestContext, @Args('refurbisherId', { type: () => ID }) refurbisherId: string): Promise<StockDrift[]> {
    return this.stock.rebuildFor(ctx, refurbisherId);
  }

  @ResolveField(() => Organization)
  async refurbisher(@Ctx() ctx: RequestContext, @Parent() drift: StockDrift): Promise<Organization> {
    return AccessPolicy.readableOrRefuse(await this.organizationService.load(ctx, drift.refurbisherId));
  }
}
