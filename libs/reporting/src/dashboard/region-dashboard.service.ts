import { Inject, Injectable } from '@nestjs/common';
import { BadInputError, DeviceCategory, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { preparedQuery, TransactionRunner } from '@app/database';
import { AccessPolicy } from '@app/auth';
import { OrganizationKind, Organization, Region, RegionService } from '@app/network';
import { Grade, StockLevel } from '@app/refurbishing';
import { CO2E_FACTORS, Co2eFactor } from '../impact/co2e-factors';
import { LeadTimeKind } from '../flows/lead-time';
import { DASHBOARD_FIGURES, DashboardFigure, regionDashboardSql, RegionDashboardRow } from './region-dashboard.query';
import { RegionDashboard } from './region-dashboard.types';
import { StuckWorkService } from '../stuck/stuck-work.service';

/** The figure (a column of the dashboard's statement) each field of RegionDashboard shows. */
const FIELD_FIGURES: Record<string, DashboardFigure> = {
  devicesDeclared: 'totals',
  devicesCollected: 'totals',
  devicesRefurbished: 'totals',
  devicesDelivered: 'totals',
  devicesRecycled: 'totals',
  fillRate: 'totals',
  openDemand: 'openDemand',
  co2eAvoidedKg: 'reuse',
  weekly: 'weekly',
  leadTimes: 'medians',
  stock: 'stock',
  refurbishers: 'loads',
};

/** Ten years: a dashboard reads a row per day, so the span bounds its cost. */
const MAX_SPAN_MS = 3653 * 24 * 3600_000;

/**
 * A region's dashboard for its coordinator (or an administrator), read from the daily
 * counters in one statement of the figures asked for: never a scan of devices, however large
 * the region.
 */
@Injectable()
export class RegionDashboardService {
  /** The statement per set of figures asked for (at most 2^7, built on first use). */
  private readonly statements = new Map<string, string>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly regions: RegionService,
    private readonly stuckWork: StuckWorkService,
    @Inject(CO2E_FACTORS) private readonly factors: Record<DeviceCategory, Co2eFactor>,
  ) {}

  /**
   * With `fields` (the GraphQL fields asked for), only the figures they show are computed, in one
   * statement of their parts (regionDashboardSql, kept per set of figures); the region and the
   * refurbishers are read only when shown, the stuck work only when asked for. Without, everything.
   */
  async dashboard(ctx: RequestContext, regionId: string, from: Date, to: Date, fields?: ReadonlySet<string>): Promise<RegionDashboard> {
    if (!(from.getTime() < to.getTime()))
      throw new BadInputError('from must be before to: swap or correct the dates', { field: 'from' }, ErrorReason.PERIOD_REVERSED);
    if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
      throw new BadInputError('A dashboard covers at most ten years: shorten the period', { field: 'to', maxYears: 10 }, ErrorReason.PERIOD_TOO_LONG);
    }
    AccessPolicy.assertCanAdministerRegion(ctx, regionId);
    const asks = (field: string) => !fields || fields.has(field);
    const figures = new Set(DASHBOARD_FIGURES.filter((figure) => Object.entries(FIELD_FIGURES).some(([field, of]) => of === figure && asks(field))));
    const withRegion = asks('region');
    const manager = this.tx.manager(ctx);
    // side by side: the figures (sent first, the longest), the region, and the refurbishers the
    // stock and loads name, read while the database computes the figures
    const [rows, region, refurbishers, stuck] = await Promise.all([
      figures.size || !withRegion ? preparedQuery<RegionDashboardRow>(manager, this.statement(figures), [regionId, from, to]) : null,
      withRegion ? this.regions.get(ctx, regionId) : null,
      figures.has('stock') || figures.has('loads') ? manager.getRepository(Organization).find({ where: { regionId, kind: OrganizationKind.REFURBISHER } }) : [],
      asks('stuck') ? this.stuckWork.counts(ctx, regionId) : null,
    ]);
    const row = rows?.[0];
    if (row && !row.region_exists) throw new NotFoundError('Region', regionId);
    const refurbisher = new Map(refurbishers.map((o) => [o.id, o]));
    // the other fields of RegionDashboard (needs, people, repairs, ...) read only the region's id and the period
    const dashboard: Partial<RegionDashboard> = { region: region ?? Object.assign(new Region(), { id: regionId }), from, to };
    if (row?.totals) {
      const { totals } = row;
      Object.assign(dashboard, {
        devicesDeclared: totals.declared,
        devicesCollected: totals.collected,
        devicesRefurbished: totals.refurbished,
        devicesDelivered: totals.delivered,
        devicesRecycled: totals.recycled,
        fillRate: totals.ordered ? totals.allocated / totals.ordered : 0,
      });
    }
    if (row?.open_demand !== undefined) dashboard.openDemand = row.open_demand;
    if (row?.reuse) {
      dashboard.co2eAvoidedKg = row.reuse.reduce((sum, r) => sum + r.refurbished * (this.factors[r.category as DeviceCategory]?.kgPerDevice ?? 0), 0);
    }
    if (row?.stock) {
      // a refurbisher created between the reads is shown next time
      dashboard.stock = row.stock.flatMap((s) => {
        const organization = refurbisher.get(s.refurbisher_id);
        if (!organization) return [];
        const level = { refurbisherId: s.refurbisher_id, refurbisher: organization, regionId, category: s.category as DeviceCategory, grade: s.grade as Grade };
        return [Object.assign(new StockLevel(), level, { available: s.available, reserved: s.reserved })];
      });
    }
    if (row?.loads) {
      dashboard.refurbishers = row.loads.flatMap((l) => {
        const organization = refurbisher.get(l.refurbisher_id);
        if (!organization) return [];
        const utilization = l.weekly_capacity ? l.load / l.weekly_capacity : 0;
        return [
          { refurbisherId: l.refurbisher_id, refurbisher: organization, weeklyCapacity: l.weekly_capacity, load: l.load, utilization, inStock: l.in_stock },
        ];
      });
    }
    if (row && 'medians' in row) {
      const medians = row.medians ?? {};
      dashboard.leadTimes = {
        declarationToPickupDays: medians[LeadTimeKind.DECLARATION_TO_PICKUP] ?? null,
        pickupToStockDays: medians[LeadTimeKind.PICKUP_TO_STOCK] ?? null,
        orderToDeliveryDays: medians[LeadTimeKind.ORDER_TO_DELIVERY] ?? null,
      };
    }
    if (row?.weekly) dashboard.weekly = row.weekly.map((w) => ({ ...w, weekStart: new Date(w.week_start) }));
    if (stuck) dashboard.stuck = stuck;
    // a figure left out was not asked for: GraphQL reads only the fields of the query
    return dashboard as RegionDashboard;
  }

  private statement(figures: ReadonlySet<DashboardFigure>): string {
    const key = [...figures].join(',');
    let sql = this.statements.get(key);
    if (!sql) {
      sql = regionDashboardSql(figures);
      this.statements.set(key, sql);
    }
    return sql;
  }
}
