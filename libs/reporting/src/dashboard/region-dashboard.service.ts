import { Inject, Injectable } from '@nestjs/common';
import { BadInputError, DeviceCategory, ErrorReason, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccessPolicy } from '@app/auth';
import { OrganizationKind, Organization, RegionService } from '@app/network';
import { Grade, StockLevel } from '@app/refurbishing';
import { CO2E_FACTORS, Co2eFactor } from '../impact/co2e-factors';
import { LeadTimeKind } from '../flows/lead-time';
import { REGION_DASHBOARD_SQL, RegionDashboardRow } from './region-dashboard.query';
import { RegionDashboard } from './region-dashboard.types';
import { StuckWorkService } from '../stuck/stuck-work.service';

/** Ten years: a dashboard reads a row per day, so the span bounds its cost. */
const MAX_SPAN_MS = 3653 * 24 * 3600_000;

/**
 * A region's dashboard for its coordinator (or an administrator), read from the daily
 * counters in one statement: never a scan of devices, however large the region.
 */
@Injectable()
export class RegionDashboardService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly regions: RegionService,
    private readonly stuckWork: StuckWorkService,
    @Inject(CO2E_FACTORS) private readonly factors: Record<DeviceCategory, Co2eFactor>,
  ) {}

  async dashboard(ctx: RequestContext, regionId: string, from: Date, to: Date): Promise<RegionDashboard> {
    if (!(from.getTime() < to.getTime()))
      throw new BadInputError('from must be before to: swap or correct the dates', { field: 'from' }, ErrorReason.PERIOD_REVERSED);
    if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
      throw new BadInputError('A dashboard covers at most ten years: shorten the period', { field: 'to', maxYears: 10 }, ErrorReason.PERIOD_TOO_LONG);
    }
    AccessPolicy.assertCanAdministerRegion(ctx, regionId);
    const manager = this.tx.manager(ctx);
    // side by side: the figures (sent first, the longest), the region, and the refurbishers the
    // stock and loads name, read while the database computes the figures
    const [[row], region, refurbishers, stuck] = await Promise.all([
      manager.query(REGION_DASHBOARD_SQL, [regionId, from, to]) as Promise<RegionDashboardRow[]>,
      this.regions.get(ctx, regionId),
      manager.getRepository(Organization).find({ where: { regionId, kind: OrganizationKind.REFURBISHER } }),
      this.stuckWork.counts(ctx, regionId),
    ]);
    const refurbisher = new Map(refurbishers.map((o) => [o.id, o]));
    const { totals } = row;
    const medians = row.medians ?? {};
    return {
      region,
      from,
      to,
      devicesDeclared: totals.declared,
      devicesCollected: totals.collected,
      devicesRefurbished: totals.refurbished,
      devicesDelivered: totals.delivered,
      devicesRecycled: totals.recycled,
      openDemand: row.open_demand,
      fillRate: totals.ordered ? totals.allocated / totals.ordered : 0,
      co2eAvoidedKg: row.reuse.reduce((sum, r) => sum + r.refurbished * (this.factors[r.category as DeviceCategory]?.kgPerDevice ?? 0), 0),
      // a refurbisher created between the reads is shown next time
      stock: row.stock.flatMap((s) => {
        const organization = refurbisher.get(s.refurbisher_id);
        if (!organization) return [];
        const level = { refurbisherId: s.refurbisher_id, refurbisher: organization, regionId, category: s.category as DeviceCategory, grade: s.grade as Grade };
        return [Object.assign(new StockLevel(), level, { available: s.available, reserved: s.reserved })];
      }),
      refurbishers: row.loads.flatMap((l) => {
        const organization = refurbisher.get(l.refurbisher_id);
        if (!organization) return [];
        const utilization = l.weekly_capacity ? l.load / l.weekly_capacity : 0;
        return [
          { refurbisherId: l.refurbisher_id, refurbisher: organization, weeklyCapacity: l.weekly_capacity, load: l.load, utilization, inStock: l.in_stock },
        ];
      }),
      leadTimes: {
        declarationToPickupDays: medians[LeadTimeKind.DECLARATION_TO_PICKUP] ?? null,
        pickupToStockDays: medians[LeadTimeKind.PICKUP_TO_STOCK] ?? null,
        orderToDeliveryDays: medians[LeadTimeKind.ORDER_TO_DELIVERY] ?? null,
      },
      weekly: row.weekly.map((w) => ({ ...w, weekStart: new Date(w.week_start) })),
      stuck,
    };
  }
}
