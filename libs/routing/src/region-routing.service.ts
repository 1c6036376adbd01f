import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccessPolicy } from '@app/auth';
import { lockRegionRouting, Lot, LotPlacement } from '@app/donations';
import { RefurbisherLoad } from '@app/network';
import { EntityManager } from 'typeorm';
import { UnroutedDevices } from './dto/unrouted-devices.types';
import { RoutingInputs } from './routing-inputs';
import { RoutingSolverRunner } from './routing-solver.runner';

export interface RegionRoutingResult {
  routedQuantity: number;
  unroutedQuantity: number;
  totalDeviceKm: number;
  /** the lots this run created or grew */
  lots: Lot[];
  /** what stays unrouted, per donation and category, and why */
  unrouted: UnroutedDevices[];
}

/**
 * Routes every unrouted device of a region (DESIGN.md "Routing"): one exact transportation
 * problem per category, then the devices of each (donation, refurbisher) pair with flow go into
 * the pair's open lot (grown) or a new OFFERED lot. Runs in one transaction under the region
 * routing lock (cancellation takes it too), so two routers never offer the same devices and no
 * router offers a cancelled donation. One donation holds at most ROUTING_DONATION_OFFER_SHARE_PERCENT
 * of a refurbisher's weekly capacity in unclaimed offers: an arc capacity, so the solve stays exact.
 * Paused and deactivated refurbishers get nothing; a refusal bars its pair for DECLINE_COOLDOWN_DAYS.
 */
@Injectable()
export class RegionRoutingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly placement: LotPlacement,
    private readonly loads: RefurbisherLoad,
    private readonly inputs: RoutingInputs,
    private readonly solver: RoutingSolverRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  routeRegion(ctx: RequestContext, regionId: string): Promise<RegionRoutingResult> {
    AccessPolicy.assertCanAdministerRegion(ctx, regionId);
    return this.tx.run(ctx, async (_, manager) => {
      // Cancellation takes this lock too: the donations read below stay routable until we commit.
      await lockRegionRouting(manager, regionId);
      const supplies = await this.inputs.supplies(manager, await this.routableDonations(manager, regionId));
      if (!supplies.length) return { routedQuantity: 0, unroutedQuantity: 0, totalDeviceKm: 0, lots: [], unrouted: [] };
      const donationIds = [...new Set(supplies.map((s) => s.donationId))];
      // Lot rows, then counters (key order), then the donations' rows when their status is written:
      // the order of claim, decline, expiry and receiving too, so none deadlocks a router. The open
      // lots locked here are the ones this run may grow; a claim waits for us.
      const open = await this.placement.lockOpen(manager, donationIds);
      const capacities = await this.loads.lockRemainingOfRegion(manager, regionId);
      const forbidden = await this.inputs.forbidden(manager, donationIds);
      const offered = await this.inputs.unclaimedOffers(manager, donationIds);

      // (donation, refurbisher) -> its items and distance
      const pairs = new Map<string, { donationId: string; refurbisherId: string; distanceKm: number; items: Map<DeviceCategory, number> }>();
      const unrouted: UnroutedDevices[] = [];
      let routed = 0;
      let left = 0;
      let totalDeviceKm = 0;
      for (const category of RoutingInputs.byCategory(supplies, capacities, forbidden, offered)) {
        const problem = this.inputs.problem(category);
        const solution = await this.solver.solve({ ...problem, forbidden });
        routed += solution.routedQuantity;
        left += solution.unroutedQuantity;
        totalDeviceKm += solution.totalDeviceKm;
        const bySupplySink = new Map<string, number>();
        for (const flow of solution.flows) {
          const key = `${flow.supplyId}|${flow.sinkId}`;
          bySupplySink.set(key, (bySupplySink.get(key) ?? 0) + flow.quantity);
          const pair = pairs.get(key) ?? { donationId: flow.supplyId, refurbisherId: flow.sinkId, distanceKm: flow.distanceKm, items: new Map() };
          pair.items.set(category.category, (pair.items.get(category.category) ?? 0) + flow.quantity);
          pairs.set(key, pair);
        }
        if (solution.unroutedQuantity > 0) unrouted.push(...this.inputs.explain(category, { bySupplySink }));
      }

      const offerExpiresAt = new Date(Date.now() + this.config.offerTtlHours * 3600_000);
      const placed = await this.placement.place(
        manager,
        [...pairs.values()].map((pair) => ({
          donationId: pair.donationId,
          refurbisherId: pair.refurbisherId,
          regionId,
          distanceKm: pair.distanceKm,
          offerExpiresAt,
          items: [...pair.items].map(([category, quantity]) => ({ category, quantity })),
        })),
        open,
      );
      return { routedQuantity: routed, unroutedQuantity: left, totalDeviceKm, lots: placed.lots, unrouted };
    });
  }

  private async routableDonations(manager: EntityManager, regionId: string): Promise<string[]> {
    const donations: Array<{ id: string }> = await manager.query(
      `SELECT id FROM donation WHERE region_id = $1 AND cancelled_at IS NULL AND status = 'DECLARED'`,
      [regionId],
    );
    return donations.map((d) => d.id);
  }
}
