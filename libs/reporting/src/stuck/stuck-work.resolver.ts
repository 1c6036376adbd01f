import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { StuckWorkService } from './stuck-work.service';
import { StuckWorkItem } from './stuck-work.types';

@Resolver()
export class StuckWorkResolver {
  constructor(private readonly stuck: StuckWorkService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [StuckWorkItem], { description: 'what stopped moving in the region, oldest first within each kind, with the object to act on' })
  stuckWork(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<StuckWorkItem[]> {
    return this.stuck.list(ctx, regionId);
  }
}
