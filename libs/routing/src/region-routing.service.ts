import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AccessPolicy } from '@app/auth';
import { DonationLedger, lockRegionRouting, Lot, LotTransitions } from '@app/donations';
import { RefurbisherLoad } from '@app/network';
import { EntityManager } from 'typeorm';
import { donationOfferCap } from './donation-offer-share';
import { RoutingSolverRunner } from './routing-solver.runner';
import { RoutingSink, RoutingSupply } from './solver';

export interface RegionRoutingResult {
  routedQuantity: number;
  unroutedQuantity: number;
  totalDeviceKm: number;
  lots: Lot[];
}

interface SupplyRow {
  donation_id: string;
  category: DeviceCategory;
  quantity: number;
  lat: number;
  lon: number;
  created_ms: string;
}

/**
 * Routes every unrouted device of a region (DESIGN.md "Routing"): one exact transportation
 * problem per category, then one OFFERED lot per (donation, refurbisher) with flow. Runs in one
 * transaction under the region routing lock (cancellation takes it too), so two routers never
 * offer the same devices and no router offers a cancelled donation. One donation holds at most
 * ROUTING_DONATION_OFFER_SHARE_PERCENT of a refurbisher's weekly capacity in unclaimed offers: an arc capacity,
 * so the solve stays exact.
 */
@Injectable()
export class RegionRoutingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: DonationLedger,
    private readonly lots: LotTransitions,
    private readonly loads: RefurbisherLoad,
    private readonly solver: RoutingSolverRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  routeRegion(ctx: RequestContext, regionId: string): Promise<RegionRoutingResult> {
    AccessPolicy.assertCanAdministerRegion(ctx, regionId);
    return this.tx.run(ctx, async (_, manager) => {
      // Cancellation takes this lock too: the donations read below stay routable until we commit.
      await lockRegionRouting(manager, regionId);
      const supplies = await this.unroutedSupplies(manager, regionId);
      if (!supplies.length) return { routedQuantity: 0, unroutedQuantity: 0, totalDeviceKm: 0, lots: [] };
      // Counters (key order) before the donations' rows, which are locked only when their status
      // is written: the order of decline, expiry and receiving too, so none deadlocks a router.
      const sinks = await this.loads.lockRemainingOfRegion(manager, regionId);
      const refusals: Array<{ donation_id: string; refurbisher_id: string }> = await manager.query(
        `SELECT donation_id, refurbisher_id FROM lot_refusal WHERE donation_id = ANY($1::uuid[])`,
        [[...new Set(supplies.map((s) => s.donation_id))]],
      );
      const forbidden = refusals.map((r) => [r.donation_id, r.refurbisher_id] as const);
      const offered = await this.unclaimedOffers(manager, [...new Set(supplies.map((s) => s.donation_id))]);

      // (donation, refurbisher) -> its items and distance
      const pairs = new Map<string, { donationId: string; refurbisherId: string; distanceKm: number; items: Map<DeviceCategory, number> }>();
      let routed = 0;
      let unrouted = 0;
      for (const category of new Set(supplies.map((s) => s.category))) {
        const problemSupplies: RoutingSupply[] = supplies
          .filter((s) => s.category === category)
          .map((s) => ({ id: s.donation_id, lat: s.lat, lon: s.lon, quantity: s.quantity, age: Number(s.created_ms) }));
        const categorySinks = sinks.filter((s) => s.category === category && s.remaining > 0);
        const problemSinks: RoutingSink[] = categorySinks.map((s) => ({
          id: s.refurbisherId,
          lat: s.lat,
          lon: s.lon,
          radiusKm: s.radiusKm,
          capacity: s.remaining,
          maxPerSupply: donationOfferCap(s.weeklyCapacity, this.config.routingDonationOfferSharePercent),
        }));
        // what a donation already holds in unclaimed offers there counts against its share
        const capByRefurbisher = new Map(
          categorySinks.map((s) => [s.refurbisherId, donationOfferCap(s.weeklyCapacity, this.config.routingDonationOfferSharePercent)]),
        );
        const pairCapacities = offered
          .filter((o) => o.category === category && capByRefurbisher.has(o.refurbisher_id))
          .map((o) => [o.donation_id, o.refurbisher_id, Math.max(0, capByRefurbisher.get(o.refurbisher_id)! - o.quantity)] as const);
        const solution = await this.solver.solve({ supplies: problemSupplies, sinks: problemSinks, forbidden, pairCapacities });
        routed += solution.routedQuantity;
        unrouted += solution.unroutedQuantity;
        for (const flow of solution.flows) {
          const key = `${flow.supplyId}|${flow.sinkId}`;
          const pair = pairs.get(key) ?? { donationId: flow.supplyId, refurbisherId: flow.sinkId, distanceKm: flow.distanceKm, items: new Map() };
          pair.items.set(category, (pair.items.get(category) ?? 0) + flow.quantity);
          pairs.set(key, pair);
        }
      }

      const offerExpiresAt = new Date(Date.now() + this.config.offerTtlHours * 3600_000);
      const lots = await this.lots.offer(
        manager,
        [...pairs.values()].map((pair) => ({
          donationId: pair.donationId,
          refurbisherId: pair.refurbisherId,
          regionId,
          distanceKm: pair.distanceKm,
          offerExpiresAt,
          items: [...pair.items].map(([category, quantity]) => ({ category, quantity })),
        })),
      );
      const totalDeviceKm = lots.reduce((s, l) => s + l.quantity * l.distanceKm, 0);
      return { routedQuantity: routed, unroutedQuantity: unrouted, totalDeviceKm, lots };
    });
  }

  private async unroutedSupplies(manager: EntityManager, regionId: string): Promise<SupplyRow[]> {
    const donations: Array<{ id: string }> = await manager.query(
      `SELECT id FROM donation WHERE region_id = $1 AND cancelled_at IS NULL AND status = 'DECLARED'`,
      [regionId],
    );
    const unrouted = await this.ledger.unrouted(
      manager,
      donations.map((d) => d.id),
    );
    if (!unrouted.length) return [];
    const places: Array<{ id: string; lat: number; lon: number; created_ms: string }> = await manager.query(
      `SELECT id, pickup_address_location_lat AS lat, pickup_address_location_lon AS lon, (extract(epoch from created_at) * 1000)::bigint AS created_ms
         FROM donation WHERE id = ANY($1::uuid[])`,
      [[...new Set(unrouted.map((u) => u.donationId))]],
    );
    const byId = new Map(places.map((p) => [p.id, p]));
    return unrouted.map((u) => {
      const place = byId.get(u.donationId)!;
      return { donation_id: u.donationId, category: u.category, quantity: u.quantity, lat: place.lat, lon: place.lon, created_ms: place.created_ms };
    });
  }

  /** Devices per (donation, refurbisher, category) in OFFERED lots: offered, not yet confirmed by a claim. */
  private unclaimedOffers(
    manager: EntityManager,
    donationIds: string[],
  ): Promise<Array<{ donation_id: string; refurbisher_id: string; category: DeviceCategory; quantity: number }>> {
    return manager.query(
      `SELECT l.donation_id, l.refurbisher_id, li.category, SUM(li.quantity)::int AS quantity
         FROM lot l JOIN lot_item li ON li.lot_id = l.id
        WHERE l.donation_id = ANY($1::uuid[]) AND l.status = 'OFFERED'
        GROUP BY l.donation_id, l.refurbisher_id, li.category`,
      [donationIds],
    );
  }
}
