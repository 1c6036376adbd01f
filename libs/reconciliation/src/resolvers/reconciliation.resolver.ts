import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DeviceCategory, RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { Organization, OrganizationService } from '@app/network';
import { StockCountScope } from '../dto/stock-count-scope';
import { SubmitStockCountInput } from '../dto/stock-count.inputs';
import { DiscrepancyDecision } from '../entities/discrepancy-decision';
import { Discrepancy } from '../entities/discrepancy.entity';
import { Reconciliation } from '../entities/reconciliation.entity';
import { DiscrepancyResolutionService } from '../services/discrepancy-resolution.service';
import { ReconciliationResolutionService } from '../services/reconciliation-resolution.service';
import { ReconciliationService } from '../services/reconciliation.service';
import { StockCountService } from '../services/stock-count.service';

@Resolver(() => Reconciliation)
export class ReconciliationResolver {
  constructor(
    private readonly reconciliationService: ReconciliationService,
    private readonly counts: StockCountService,
    private readonly resolution: ReconciliationResolutionService,
    private readonly discrepancyResolution: DiscrepancyResolutionService,
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

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Reconciliation, {
    description:
      'decide one discrepancy of an OPEN count: CONFIRM_MISSING declares its device MISSING, FOUND on an unexpected serial recovers a MISSING device; the count is RESOLVED when all are decided',
  })
  resolveDiscrepancy(
    @Ctx() ctx: RequestContext,
    @Args('discrepancyId', { type: () => ID }) discrepancyId: string,
    @Args('decision', { type: () => DiscrepancyDecision }) decision: DiscrepancyDecision,
  ): Promise<Reconciliation> {
    return this.discrepancyResolution.resolve(ctx, discrepancyId, decision);
  }

  @ResolveField(() => StockCountScope, { nullable: true, description: 'the part of the stock counted; null: all of it' })
  scope(@Parent() reconciliation: Reconciliation): StockCountScope | null {
    const s = reconciliation.scope;
    return s ? { categories: (s.categories as DeviceCategory[] | null) ?? null, location: s.location ?? null, deviceCount: s.deviceIds?.length ?? null } : null;
  }

  @ResolveField(() => [Discrepancy])
  discrepancies(@Ctx() ctx: RequestContext, @Parent() reconciliation: Reconciliation): Promise<Discrepancy[]> {
    return this.reconciliationService.discrepancies(ctx, reconciliation.id);
  }
}
