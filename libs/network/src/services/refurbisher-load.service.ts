import { Injectable, Logger } from '@nestjs/common';
import { DeviceCategory } from '@app/common';
import { EntityManager } from 'typeorm';

export interface LoadChange {
  refurbisherId: string;
  category: DeviceCategory;
  /** devices added to (positive) or taken from (negative) the load */
  quantity: number;
}

/** Devices a refurbisher's live lots hold in one category: what its counter should say. */
export interface LoadHeld {
  refurbisherId: string;
  category: DeviceCategory;
  quantity: number;
}

/** What a refurbisher can still take in one category, where it is and how far it goes. */
export interface RemainingCapacity {
  refurbisherId: string;
  category: DeviceCategory;
  /** weekly capacity minus load */
  remaining: number;
  weeklyCapacity: number;
  lat: number;
  lon: number;
  radiusKm: number;
  /** routing offers it nothing before this time (null: taking devices) */
  intakePausedUntil: Date | null;
  /** it left the network: routing offers it nothing, its counters still move with its lots */
  deactivated: boolean;
}

/** A counter the recount found wrong, and what it set it to. */
export interface LoadDrift {
  refurbisherId: string;
  category: DeviceCategory;
  loadBefore: number;
  loadAfter: number;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The refurbishers' load counters (`refurbisher_capacity.load`), network's table: the libs whose
 * lots enter or leave the load (donations, routing) move and recount them through here, in their
 * own transaction. Counters are always locked in (organization_id, category) order, the order of
 * docs/concurrency.md, so no two commands deadlock on them.
 */
@Injectable()
export class RefurbisherLoad {
  private readonly logger = new Logger(RefurbisherLoad.name);

  /**
   * Moves load counters by signed amounts, one UPDATE per (refurbisher, category), always in that
   * key order: two commands that move several counters then lock them in the same order and never
   * deadlock each other. A counter is never clamped: one that goes below zero says a lot left the
   * load twice (a bug), so it is logged loudly and left for the recount to set right.
   */
  async adjust(manager: EntityManager, changes: ReadonlyArray<LoadChange>): Promise<void> {
    const byCounter = new Map<string, LoadChange>();
    for (const change of changes) {
      const key = `${change.refurbisherId}|${change.category}`;
      const sum = byCounter.get(key);
      byCounter.set(key, { ...change, quantity: (sum?.quantity ?? 0) + change.quantity });
    }
    const ordered = [...byCounter.values()]
      .filter((c) => c.quantity !== 0)
      .sort((a, b) => compareKeys(a.refurbisherId, b.refurbisherId) || compareKeys(a.category, b.category));
    if (!ordered.length) return;
    // one statement however many counters (a region's routing moves a hundred): locked first in key
    // order by the CTE, as one UPDATE each would have, then moved
    const [rows]: [Array<{ organization_id: string; category: DeviceCategory; load: number; moved: number }>, number] = await manager.query(
      `WITH locked AS (
         SELECT c.organization_id, c.category FROM refurbisher_capacity c
           JOIN unnest($1::uuid[], $2::device_category[]) AS k(organization_id, category) USING (organization_id, category)
          ORDER BY c.organization_id, c.category::text COLLATE "C" FOR UPDATE OF c
       )
       UPDATE refurbisher_capacity c SET load = c.load + v.moved
         FROM unnest($1::uuid[], $2::device_category[], $3::int[]) AS v(organization_id, category, moved) JOIN locked USING (organization_id, category)
        WHERE c.organization_id = v.organization_id AND c.category = v.category
       RETURNING c.organization_id, c.category, c.load, v.moved`,
      [ordered.map((c) => c.refurbisherId), ordered.map((c) => c.category), ordered.map((c) => c.quantity)],
    );
    for (const row of rows.filter((r) => r.load < 0)) {
      this.logger.error(
        `load counter of refurbisher ${row.organization_id} ${row.category} went to ${row.load} (moved by ${row.moved}); the recount will set it right`,
      );
    }
  }

  /**
   * Weekly capacity minus load, per refurbisher of the region that serves an area, and category;
   * the counters locked for the caller's transaction (routing offers against them, then moves them).
   * Paused and deactivated refurbishers are listed, flagged: routing offers them nothing, and says so
   * when that leaves devices unrouted.
   */
  async lockRemainingOfRegion(manager: EntityManager, regionId: string): Promise<RemainingCapacity[]> {
    return this.remaining(manager, regionId, true);
  }

  /** The same, read without locking: for explaining what stays unrouted between routing runs. */
  readRemainingOfRegion(manager: EntityManager, regionId: string): Promise<RemainingCapacity[]> {
    return this.remaining(manager, regionId, false);
  }

  private async remaining(manager: EntityManager, regionId: string, lock: boolean): Promise<RemainingCapacity[]> {
    const rows: Array<{
      organization_id: string;
      category: DeviceCategory;
      remaining: number;
      weekly_capacity: number;
      lat: number;
      lon: number;
      radius_km: number;
      intake_paused_until: Date | null;
      deactivated: boolean;
    }> = await manager.query(
      `SELECT rc.organization_id, rc.category, (rc.weekly_capacity - rc.load)::int AS remaining, rc.weekly_capacity,
              o.address_location_lat AS lat, o.address_location_lon AS lon, o.service_radius_km AS radius_km,
              CASE WHEN o.intake_paused_until > now() THEN o.intake_paused_until END AS intake_paused_until,
              o.deactivated_at IS NOT NULL AS deactivated
         FROM refurbisher_capacity rc JOIN organization o ON o.id = rc.organization_id
        WHERE o.region_id = $1 AND o.kind = 'REFURBISHER' AND o.service_radius_km IS NOT NULL
        ORDER BY rc.organization_id, rc.category::text COLLATE "C"${lock ? '\n        FOR UPDATE OF rc' : ''}`,
      [regionId],
    );
    return rows.map((r) => ({
      refurbisherId: r.organization_id,
      category: r.category,
      remaining: r.remaining,
      weeklyCapacity: r.weekly_capacity,
      lat: r.lat,
      lon: r.lon,
      radiusKm: r.radius_km,
      intakePausedUntil: r.intake_paused_until ? new Date(r.intake_paused_until) : null,
      deactivated: r.deactivated,
    }));
  }

  /**
   * Sets a region's counters to what its refurbishers' lots hold, and returns those it changed
   * (in key order). The count is exact under concurrency because the counters are locked first
   * (one statement) and `countHeld` runs next, with a snapshot taken after the locks are held: a
   * command that changed a lot but not yet its counter cannot commit before we do (it needs the
   * counter's lock), so its lot change is invisible to the count and its counter change lands
   * after ours. The lots are not network's: the caller counts them.
   */
  async recountRegion(manager: EntityManager, regionId: string, countHeld: (refurbisherIds: string[]) => Promise<LoadHeld[]>): Promise<LoadDrift[]> {
    const counters: Array<{ organization_id: string; category: DeviceCategory; load: number }> = await manager.query(
      `SELECT rc.organization_id, rc.category, rc.load FROM refurbisher_capacity rc JOIN organization o ON o.id = rc.organization_id
        WHERE o.region_id = $1
        ORDER BY rc.organization_id, rc.category::text COLLATE "C"
        FOR UPDATE OF rc`,
      [regionId],
    );
    if (!counters.length) return [];
    const held = new Map((await countHeld([...new Set(counters.map((c) => c.organization_id))])).map((h) => [`${h.refurbisherId}|${h.category}`, h.quantity]));
    const drifts = counters
      .map((c) => ({
        refurbisherId: c.organization_id,
        category: c.category,
        loadBefore: c.load,
        loadAfter: held.get(`${c.organization_id}|${c.category}`) ?? 0,
      }))
      .filter((d) => d.loadBefore !== d.loadAfter);
    for (const d of drifts) {
      await manager.query(`UPDATE refurbisher_capacity SET load = $3 WHERE organization_id = $1 AND category = $2`, [d.refurbisherId, d.category, d.loadAfter]);
    }
    return drifts;
  }
}
