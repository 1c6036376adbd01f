import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { loanFigures, repairFigures } from '@app/orders';
import { LoanFigures, RepairTicketFigures } from './region-dashboard-repairs.types';
import { RegionDashboard } from './region-dashboard.types';

/**
 * The dashboard's after-delivery work: repair tickets and their turnaround over the period, loans
 * now. Fields of RegionDashboard, whose query already checked that the caller runs the region;
 * each is computed only when asked for.
 */
@Resolver(() => RegionDashboard)
export class RegionDashboardRepairsResolver {
  constructor(private readonly tx: TransactionRunner) {}

  @ResolveField(() => RepairTicketFigures, { description: 'repair tickets of the period and their turnaround, and those open now' })
  repairTickets(@Ctx() ctx: RequestContext, @Parent() dashboard: RegionDashboard): Promise<RepairTicketFigures> {
    return repairFigures(this.tx.manager(ctx), dashboard.region.id, dashboard.from, dashboard.to);
  }

  @ResolveField(() => LoanFigures, { description: 'devices on loan now, and how many are overdue' })
  loans(@Ctx() ctx: RequestContext, @Parent() dashboard: RegionDashboard): Promise<LoanFigures> {
    return loanFigures(this.tx.manager(ctx), dashboard.region.id);
  }
}
