import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { SubmitStockCountInput } from '../dto/stock-count.inputs';
import { Discrepancy } from '../entities/discrepancy.entity';
import { Reconciliation } from '../entities/reconciliation.entity';
import { ReconciliationResolutionService } from '../services/reconciliation-resolution.service';
import { ReconciliationService } from '../services/reconciliation.service';
import { StockCountService } from '../services/stock-count.service';

@Resolver(() => Reconciliation)
export class ReconciliationResolver {
  constructor(
    private readonly reconciliationService: ReconciliationService,
    private readonly counts: StockCountService,
    private readonly resolution: ReconciliationResolutionService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Query(() => [Reconciliation], { description: 'stock counts, newest first: a refurbisher its own, staff their region (ADMIN: all)' })
  reconciliations(@Ctx() ctx: RequestContext, @Args('refurbisherId', { type: () => ID, nullable: true }) refurbisherId?: string): Promise<Reconciliation[]> {
    return this.reconciliationService.list(ctx, { refurbisherId });
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.REFURBISHER)
  @Mutation(() => Reconciliation)
  submitStockCount(@Ctx() ctx: RequestContext, @Args('input') input: SubmitStockCountInput): Promise<Reconciliation> {
    return this.counts.submit(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Reconciliation, {
    description:
      'review an OPEN stock count: the devices it did not find that are still IN_STOCK or RESERVED there become MISSING (their reservations are released)',
  })
  resolveReconciliation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Reconciliation> {
    return this.resolution.resolve(ctx, id);
  }

  @ResolveField(() => Organization)
  async refurbisher(@Ctx() ctx: RequestContext, @Parent() reconciliation: Reconciliation): Promise<Organization> {
    return AccessPolicy.readableOrRefuse(await this.organizationService.load(ctx, reconciliation.refurbisherId));
  }

  @ResolveField(() => [Discrepancy])
  discrepancies(@Ctx() ctx: RequestContext, @Parent() reconciliation: Reconciliation): Promise<Discrepancy[]> {
    return this.reconciliationService.discrepancies(ctx, reconciliation.id);
  }
}
