import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory } from '@app/common';
import { DeclineCooldown, DonationLedger } from '@app/donations';
import { RemainingCapacity } from '@app/network';
import { EntityManager } from 'typeorm';
import { donationOfferCap } from './donation-offer-share';
import { explainUnrouted, RoutingSink, RoutingSupply, UnroutedCandidate } from './solver';
import { toUnroutedReason, UnroutedDevices } from './dto/unrouted-devices.types';

/** A donation's unrouted devices of one category, where they wait and since when. */
export interface SupplyRow {
  donationId: string;
  category: DeviceCategory;
  quantity: number;
  lat: number;
  lon: number;
  createdMs: number;
}

/** Devices per (donation, refurbisher, category) in OFFERED lots: offered, not yet confirmed by a claim. */
export interface UnclaimedOffer {
  donationId: string;
  refurbisherId: string;
  category: DeviceCategory;
  quantity: number;
}

/** What one category's problem is built from: the routing run and the explanation of what stays unrouted read the same. */
export interface CategoryInputs {
  category: DeviceCategory;
  supplies: SupplyRow[];
  capacities: RemainingCapacity[];
  forbidden: ReadonlyArray<readonly [string, string]>;
  offered: UnclaimedOffer[];
}

/** The flows a run chose in a category (none between runs). */
export interface CategoryFlows {
  bySupplySink: ReadonlyMap<string, number>;
}

const pairKey = (supplyId: string, sinkId: string): string => `${supplyId}|${sinkId}`;

/**
 * The inputs of the routing problem, read once and shared by the routing run (under its locks) and
 * by `Donation.unrouted` (without): supplies, the refurbishers' remaining capacity with their pause
 * and deactivation, the refusals still in their cooldown, and the donations' unclaimed offers.
 */
@Injectable()
export class RoutingInputs {
  constructor(
    private readonly ledger: DonationLedger,
    private readonly cooldown: DeclineCooldown,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async supplies(manager: EntityManager, donationIds: readonly string[]): Promise<SupplyRow[]> {
    const unrouted = await this.ledger.unrouted(manager, donationIds);
    if (!unrouted.length) return [];
    const places: Array<{ id: string; lat: number; lon: number; created_ms: string }> = await manager.query(
      `SELECT id, pickup_address_location_lat AS lat, pickup_address_location_lon AS lon, (extract(epoch from created_at) * 1000)::bigint AS created_ms
         FROM donation WHERE id = ANY($1::uuid[])`,
      [[...new Set(unrouted.map((u) => u.donationId))]],
    );
    const byId = new Map(places.map((p) => [p.id, p]));
    return unrouted.map((u) => {
      const place = byId.get(u.donationId)!;
      return { donationId: u.donationId, category: u.category, quantity: u.quantity, lat: place.lat, lon: place.lon, createdMs: Number(place.created_ms) };
    });
  }

  async forbidden(manager: EntityManager, donationIds: readonly string[]): Promise<Array<readonly [string, string]>> {
    return (await this.cooldown.active(manager, donationIds)).map((r) => [r.donationId, r.refurbisherId] as const);
  }

  async unclaimedOffers(manager: EntityManager, donationIds: readonly string[]): Promise<UnclaimedOffer[]> {
    if (!donationIds.length) return [];
    const rows: Array<{ donation_id: string; refurbisher_id: string; category: DeviceCategory; quantity: number }> = await manager.query(
      `SELECT l.donation_id, l.refurbisher_id, li.category, SUM(li.quantity)::int AS quantity
         FROM lot l JOIN lot_item li ON li.lot_id = l.id
        WHERE l.donation_id = ANY($1::uuid[]) AND l.status = 'OFFERED'
        GROUP BY l.donation_id, l.refurbisher_id, li.category`,
      [[...new Set(donationIds)]],
    );
    return rows.map((r) => ({ donationId: r.donation_id, refurbisherId: r.refurbisher_id, category: r.category, quantity: r.quantity }));
  }

  /** One category's inputs from what was read for all. */
  static byCategory(
    supplies: SupplyRow[],
    capacities: RemainingCapacity[],
    forbidden: ReadonlyArray<readonly [string, string]>,
    offered: UnclaimedOffer[],
  ): CategoryInputs[] {
    return [...new Set(supplies.map((s) => s.category))].map((category) => ({
      category,
      supplies: supplies.filter((s) => s.category === category),
      capacities: capacities.filter((c) => c.category === category),
      forbidden,
      offered: offered.filter((o) => o.category === category),
    }));
  }

  /** The solver's problem: refurbishers that take devices now (active, not paused, with room), each donation within its offer share. */
  problem(inputs: CategoryInputs): { supplies: RoutingSupply[]; sinks: RoutingSink[]; pairCapacities: Array<readonly [string, string, number]> } {
    const taking = inputs.capacities.filter((c) => !c.deactivated && !c.intakePausedUntil && c.remaining > 0);
    const caps = new Map(taking.map((c) => [c.refurbisherId, this.offerCap(c)]));
    return {
      supplies: inputs.supplies.map((s) => ({ id: s.donationId, lat: s.lat, lon: s.lon, quantity: s.quantity, age: s.createdMs })),
      sinks: taking.map((c) => ({
        id: c.refurbisherId,
        lat: c.lat,
        lon: c.lon,
        radiusKm: c.radiusKm,
        capacity: c.remaining,
        maxPerSupply: caps.get(c.refurbisherId)!,
      })),
      // what a donation already holds in unclaimed offers there counts against its share
      pairCapacities: inputs.offered
        .filter((o) => caps.has(o.refurbisherId))
        .map((o) => [o.donationId, o.refurbisherId, Math.max(0, caps.get(o.refurbisherId)! - o.quantity)] as const),
    };
  }

  /**
   * Why what the flows leave of each supply stays unrouted, from the same inputs: candidates are
   * the active refurbishers that take the category (paused ones flagged), their room after the
   * flows, each pair's room under the offer share after the flows.
   */
  explain(inputs: CategoryInputs, flows: CategoryFlows = { bySupplySink: new Map() }): UnroutedDevices[] {
    const flowOf = (supplyId: string, sinkId: string) => flows.bySupplySink.get(pairKey(supplyId, sinkId)) ?? 0;
    const active = inputs.capacities.filter((c) => !c.deactivated && c.weeklyCapacity > 0);
    const candidates: UnroutedCandidate[] = active.map((c) => {
      let used = 0;
      for (const s of inputs.supplies) used += flowOf(s.donationId, c.refurbisherId);
      return { id: c.refurbisherId, lat: c.lat, lon: c.lon, radiusKm: c.radiusKm, paused: !!c.intakePausedUntil, remaining: c.remaining - used };
    });
    const offered = new Map(inputs.offered.map((o) => [pairKey(o.donationId, o.refurbisherId), o.quantity]));
    const left = inputs.supplies.map((s) => {
      let routed = 0;
      for (const c of active) routed += flowOf(s.donationId, c.refurbisherId);
      return { id: s.donationId, lat: s.lat, lon: s.lon, quantity: s.quantity - routed };
    });
    const pairRoom = left
      .filter((s) => s.quantity > 0)
      .flatMap((s) =>
        active.map(
          (c) => [s.id, c.refurbisherId, this.offerCap(c) - (offered.get(pairKey(s.id, c.refurbisherId)) ?? 0) - flowOf(s.id, c.refurbisherId)] as const,
        ),
      );
    return explainUnrouted(left, candidates, inputs.forbidden, pairRoom).map((e) => ({
      donationId: e.supplyId,
      category: inputs.category,
      quantity: e.quantity,
      reason: toUnroutedReason(e.reason),
    }));
  }

  private offerCap(capacity: RemainingCapacity): number {
    return donationOfferCap(capacity.weeklyCapacity, this.config.routingDonationOfferSharePercent);
  }
}
