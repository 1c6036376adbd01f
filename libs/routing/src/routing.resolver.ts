import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { RoutingResult } from '@app/donations';
import { RegionRoutingService } from './region-routing.service';

@Resolver()
export class RoutingResolver {
  constructor(private readonly routing: RegionRoutingService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => RoutingResult, { description: 'route every unrouted device of the region now (it also runs by itself in the background)' })
  routeDonations(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<RoutingResult> {
    return this.routing.routeRegion(ctx, regionId);
  }
}
