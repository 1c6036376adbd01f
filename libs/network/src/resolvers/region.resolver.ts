import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, ALL_ROLES, Ctx } from '@app/auth';
import { CreateRegionInput } from '../dto/network.inputs';
import { Region } from '../entities/region.entity';
import { RegionService } from '../services/region.service';

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly regionService: RegionService) {}

  @Allow(...ALL_ROLES)
  @Query(() => [Region])
  regions(@Ctx() ctx: RequestContext): Promise<Region[]> {
    return this.regionService.list(ctx);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => Region)
  createRegion(@Ctx() ctx: RequestContext, @Args('input') input: CreateRegionInput): Promise<Region> {
    return this.regionService.create(ctx, input);
  }
}
