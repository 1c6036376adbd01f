import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { EntityManager } from 'typeorm';
import { CategorySupply, SUPPLY_WINDOW_DAYS } from './waiting-list.policy';

/**
 * The region's supply and demand of these categories now, in one statement: devices that reached
 * stock over the window (STOCKED movements of the region's refurbishers, through their
 * (refurbisher_id, at) index; a device counted once however often it was stocked again), devices
 * free in stock (the stock_level counters), and units of open order lines still without a device
 * (the unfilled-lines index).
 */
export async function categorySupply(manager: EntityManager, regionId: string, categories: readonly string[]): Promise<Map<string, CategorySupply>> {
  if (!categories.length) return new Map();
  const rows: Array<{ category: string; stocked_recently: number; available_now: number; ordered_unfilled: number }> = await manager.query(
    `SELECT c.category::text AS category,
            (SELECT count(DISTINCT m.device_id) FROM stock_movement m
              WHERE m.refurbisher_id IN (SELECT r.id FROM organization r WHERE r.region_id = $1 AND r.kind = 'REFURBISHER')
                AND m.kind = 'STOCKED' AND m.category = c.category AND m.at >= now() - make_interval(days => $3))::int AS stocked_recently,
            (SELECT COALESCE(sum(s.available), 0) FROM stock_level s WHERE s.region_id = $1 AND s.category = c.category)::int AS available_now,
            (SELECT COALESCE(sum(l.quantity - l.allocated_quantity), 0) FROM order_line l JOIN partner_order o ON o.id = l.order_id
              WHERE l.region_id = $1 AND l.allocated_quantity < l.quantity AND o.status = 'OPEN' AND l.category = c.category)::int AS ordered_unfilled
       FROM unnest($2::device_category[]) AS c(category)`,
    [regionId, [...new Set(categories)], SUPPLY_WINDOW_DAYS],
  );
  return new Map(rows.map((r) => [r.category, { stockedRecently: r.stocked_recently, availableNow: r.available_now, orderedUnfilled: r.ordered_unfilled }]));
}

export interface NeedsDemandRow {
  profile: BeneficiaryProfile;
  category: string;
  waiting: number;
  ordered: number;
}

/** The region's open needs now, by profile and category: counts only. */
export async function regionNeedsDemand(manager: EntityManager, regionId: string): Promise<NeedsDemandRow[]> {
  const rows: Array<{ profile: BeneficiaryProfile; category: string; waiting: number; ordered: number }> = await manager.query(
    `SELECT profile, category::text AS category,
            count(*) FILTER (WHERE status = 'WAITING')::int AS waiting,
            count(*) FILTER (WHERE status = 'ORDERED')::int AS ordered
       FROM need WHERE region_id = $1 AND status IN ('WAITING', 'ORDERED')
      GROUP BY profile, category ORDER BY profile, category`,
    [regionId],
  );
  return rows;
}

export interface RegionPeopleFigures {
  peopleEquipped: number;
  peopleAccompanied: number;
  peopleEquippedAndAccompanied: number;
  accompanimentSessions: number;
  accompanimentMinutes: number;
  needsRecorded: number;
  needsServed: number;
}

/**
 * People of a region over [from, to), counted and never listed. A person is a (partner,
 * reference) pair: equipped when a device was delivered to them in the period (a device delivered
 * without a reference counts as one person, as the donor report does); accompanied when a session
 * was held with them in the period; equipped and accompanied when equipped in the period and
 * accompanied at any time. Deliveries are counted as countPeopleEquipped counts them: a loan given
 * back still equipped its person, and each delivery is joined to its own reference (a device lent
 * again carries two).
 */
export async function regionPeopleFigures(manager: EntityManager, regionId: string, from: Date, to: Date): Promise<RegionPeopleFigures> {
  const [row] = await manager.query(
    `WITH delivered AS (
       SELECT br.partner_id, br.reference
         FROM order_line_device x
         JOIN order_line l ON l.id = x.order_line_id
         LEFT JOIN beneficiary_reference br ON br.device_id = x.device_id AND br.order_line_id = x.order_line_id
        WHERE l.region_id = $1 AND (x.released_at IS NULL OR x.release_reason = 'RETURNED') AND x.delivered_at >= $2 AND x.delivered_at < $3
     ), sessions AS (
       SELECT partner_id, beneficiary_ref, duration_minutes FROM accompaniment WHERE region_id = $1 AND date >= $2 AND date < $3
     )
     SELECT (SELECT count(DISTINCT (partner_id, reference)) + count(*) FILTER (WHERE reference IS NULL) FROM delivered)::int AS people_equipped,
            (SELECT count(DISTINCT (partner_id, beneficiary_ref)) FROM sessions)::int AS people_accompanied,
            (SELECT count(DISTINCT (d.partner_id, d.reference)) FROM delivered d
              WHERE d.reference IS NOT NULL
                AND EXISTS (SELECT 1 FROM accompaniment a WHERE a.partner_id = d.partner_id AND a.beneficiary_ref = d.reference))::int AS equipped_and_accompanied,
            (SELECT count(*) FROM sessions)::int AS sessions,
            (SELECT COALESCE(sum(duration_minutes), 0) FROM sessions)::int AS minutes,
            (SELECT count(*) FROM need WHERE region_id = $1 AND created_at >= $2 AND created_at < $3)::int AS needs_recorded,
            (SELECT count(*) FROM need WHERE region_id = $1 AND status = 'SERVED' AND served_at >= $2 AND served_at < $3)::int AS needs_served`,
    [regionId, from, to],
  );
  return {
    peopleEquipped: row.people_equipped,
    peopleAccompanied: row.people_accompanied,
    peopleEquippedAndAccompanied: row.equipped_and_accompanied,
    accompanimentSessions: row.sessions,
    accompanimentMinutes: row.minutes,
    needsRecorded: row.needs_recorded,
    needsServed: row.needs_served,
  };
}
