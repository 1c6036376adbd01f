import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DeviceCategory, RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { categorySupply, regionNeedsDemand, regionPeopleFigures } from '@app/orders';
import { NeedsDemand, NeedsSupply, PeopleSupported } from './region-dashboard-people.types';
import { RegionDashboard } from './region-dashboard.types';

/**
 * The dashboard's people: demand (needs) against supply, and the people equipped and accompanied.
 * Fields of RegionDashboard, whose query already checked that the caller runs the region; each
 * is computed only when asked for.
 */
@Resolver(() => RegionDashboard)
export class RegionDashboardPeopleResolver {
  constructor(private readonly tx: TransactionRunner) {}

  @ResolveField(() => [NeedsDemand], { description: 'open needs now, by beneficiary profile and category' })
  async needsDemand(@Ctx() ctx: RequestContext, @Parent() dashboard: RegionDashboard): Promise<NeedsDemand[]> {
    const rows = await regionNeedsDemand(this.tx.manager(ctx), dashboard.region.id);
    return rows.map((r) => ({ ...r, category: r.category as DeviceCategory }));
  }

  @ResolveField(() => [NeedsSupply], { description: 'for each category with open needs: waiting needs against stock, open orders and recent supply, now' })
  async needsSupply(@Ctx() ctx: RequestContext, @Parent() dashboard: RegionDashboard): Promise<NeedsSupply[]> {
    const manager = this.tx.manager(ctx);
    const demand = await regionNeedsDemand(manager, dashboard.region.id);
    const categories = [...new Set(demand.map((r) => r.category))].sort();
    const supply = await categorySupply(manager, dashboard.region.id, categories);
    return categories.map((category) => ({
      category: category as DeviceCategory,
      waiting: demand.filter((r) => r.category === category).reduce((sum, r) => sum + r.waiting, 0),
      availableNow: supply.get(category)!.availableNow,
      orderedUnfilled: supply.get(category)!.orderedUnfilled,
      stockedLast90Days: supply.get(category)!.stockedRecently,
    }));
  }

  @ResolveField(() => PeopleSupported, { description: 'people equipped and accompanied over the period' })
  people(@Ctx() ctx: RequestContext, @Parent() dashboard: RegionDashboard): Promise<PeopleSupported> {
    return regionPeopleFigures(this.tx.manager(ctx), dashboard.region.id, dashboard.from, dashboard.to);
  }
}
