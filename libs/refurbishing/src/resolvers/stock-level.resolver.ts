import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { Organization } from '@app/network/entities/organization.entity';
import { OrganizationService } from '@app/network/services/organization.service';
import { StockLevel } from '../entities/stock-level.entity';
import { StockLevelService } from '../services/stock-level.service';

@Resolver(() => StockLevel)
export class StockLevelResolver {
  constructor(
    private readonly stockLevelService: StockLevelService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Query(() => [StockLevel])
  stockLevels(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID, nullable: true }) regionId?: string,
    @Args('refurbisherId', { type: () => ID, nullable: true }) refurbisherId?: string,
  ): Promise<StockLevel[]> {
    return this.stockLevelService.levels(ctx, { regionId, refurbisherId });
  }

  @ResolveField(() => Organization)
  refurbisher(@Ctx() ctx: RequestContext, @Parent() level: StockLevel): Promise<Organization | null> {
    return this.organizationService.load(ctx, level.refurbisherId);
  }
}
