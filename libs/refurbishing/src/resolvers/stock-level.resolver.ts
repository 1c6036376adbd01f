import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { selectedFields } from '@app/network';
import { StockLevel } from '../entities/stock-level.entity';
import { StockLevelService } from '../services/stock-level.service';

@Resolver(() => StockLevel)
export class StockLevelResolver {
  constructor(private readonly stockLevelService: StockLevelService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Query(() => [StockLevel])
  stockLevels(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID, nullable: true }) regionId?: string,
    @Args('refurbisherId', { type: () => ID, nullable: true }) refurbisherId?: string,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<StockLevel[]> {
    const selection = info && { levels: selectedFields(info), refurbisher: selectedFields(info, 'refurbisher') };
    return this.stockLevelService.levels(ctx, { regionId, refurbisherId }, selection);
  }
}
