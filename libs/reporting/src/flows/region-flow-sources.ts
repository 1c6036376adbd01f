import { LeadTimeKind, leadTimeBucketSql } from './lead-time';
import { reportDaySql } from './report-calendar';

/**
 * What each dashboard counter counts, written once as SQL over the tables the domains write.
 * The same definitions serve twice: filtered to the rows a command just wrote, they are the
 * increments RegionFlowLedger adds in that command's transaction; over a whole region, they are
 * the recount RegionFlowRebuild compares the counters with. So the counters cannot mean
 * something other than the recount, by construction.
 *
 * Each function takes a WHERE fragment over the aliases it documents and returns a SELECT of
 * (region_id, day[, category | kind, bucket_hours], counters...), grouped.
 */

export const FLOW_COUNTERS = ['declared', 'collected', 'refurbished', 'delivered', 'recycled', 'ordered', 'allocated'] as const;
export type FlowCounter = (typeof FLOW_COUNTERS)[number];

/**
 * A device reached stock for the first time in its life: a released reservation (RESERVED →
 * IN_STOCK) is not a refurbishment, and neither is a re-grade after returnToWorkshop or a loan
 * given back (RECEIVED → … → IN_STOCK again): one device is refurbished once, as the donor
 * report's refurbished_at (its first event into IN_STOCK) says. Ids order a device's events
 * (append-only), so the live increment and the recount agree even on equal timestamps.
 */
const REFURBISHED = `ce.to_status = 'IN_STOCK' AND ce.from_status IN ('RECEIVED', 'WIPED')
  AND NOT EXISTS (SELECT 1 FROM custody_event prior WHERE prior.device_id = ce.device_id AND prior.to_status = 'IN_STOCK' AND prior.id < ce.id)`;
/**
 * A device handed to a person for the first time: what avoids a new device's making, as the donor
 * report's devicesReused counts it. A device lent, given back and delivered again is one more
 * delivery (the `delivered` flow) but not a second device reused.
 */
const FIRST_DELIVERY = `ce.to_status = 'DELIVERED'
  AND NOT EXISTS (SELECT 1 FROM custody_event prior WHERE prior.device_id = ce.device_id AND prior.to_status = 'DELIVERED' AND prior.id < ce.id)`;
const DEVICE_FLOW_EVENT = `((${REFURBISHED}) OR ce.to_status IN ('DELIVERED', 'RECYCLED'))`;

export interface FlowSource {
  counters: FlowCounter[];
  sql: string;
}

/** Aliases: ce (custody_event), d (device). */
export const deviceFlows = (where: string): FlowSource => ({
  counters: ['refurbished', 'delivered', 'recycled'],
  sql: `SELECT d.region_id, ${reportDaySql('ce.at')} AS day,
               count(*) FILTER (WHERE ${REFURBISHED})::int AS refurbished,
               count(*) FILTER (WHERE ce.to_status = 'DELIVERED')::int AS delivered,
               count(*) FILTER (WHERE ce.to_status = 'RECYCLED')::int AS recycled
          FROM custody_event ce JOIN device d ON d.id = ce.device_id
         WHERE ${DEVICE_FLOW_EVENT} AND ${where}
         GROUP BY 1, 2`,
});

/** Aliases: d (donation). Cancelled donations are the caller's to leave out (or subtract). */
export const donationFlows = (where: string): FlowSource => ({
  counters: ['declared'],
  sql: `SELECT d.region_id, ${reportDaySql('d.created_at')} AS day, sum(dl.quantity)::int AS declared
          FROM donation d JOIN donation_line dl ON dl.donation_id = d.id
         WHERE ${where}
         GROUP BY 1, 2`,
});

/** Aliases: p (pickup), l (lot). */
export const pickupFlows = (where: string): FlowSource => ({
  counters: ['collected'],
  sql: `SELECT l.region_id, ${reportDaySql('p.completed_at')} AS day, sum(p.collected_quantity)::int AS collected
          FROM pickup p JOIN lot l ON l.id = p.lot_id
         WHERE p.status = 'COMPLETED' AND ${where}
         GROUP BY 1, 2`,
});

/** Aliases: o (partner_order). Cancelled orders are the caller's to leave out (or subtract). */
export const orderFlows = (where: string): FlowSource => ({
  counters: ['ordered', 'allocated'],
  sql: `SELECT o.region_id, ${reportDaySql('o.created_at')} AS day, sum(l.quantity)::int AS ordered, sum(l.allocated_quantity)::int AS allocated
          FROM partner_order o JOIN order_line l ON l.order_id = o.id
         WHERE ${where}
         GROUP BY 1, 2`,
});

/**
 * Aliases: ce, d, as deviceFlows. Devices reused (first delivered) per category, what the CO2e
 * avoided multiplies: region_daily_reuse's column keeps its old name, `refurbished`, which the
 * dashboard's query reads (see RegionDailyReuse).
 */
export const deviceReuse = (where: string): string =>
  `SELECT d.region_id, ${reportDaySql('ce.at')} AS day, d.category, count(*)::int AS refurbished
     FROM custody_event ce JOIN device d ON d.id = ce.device_id
    WHERE ${FIRST_DELIVERY} AND ${where}
    GROUP BY 1, 2, 3`;

/**
 * Aliases: ce, d, as deviceFlows; p is the lot's completed pickup, o the delivered device's order.
 * A delivery's order is the one its device was last reserved for before it: the live link when
 * the event is written, and still the same link in a recount after a loan return or a warranty
 * swap released it (the live link then is another order's, or none).
 */
export const deviceLeadTimes = (where: string): string =>
  `SELECT d.region_id, ${reportDaySql('ce.at')} AS day, '${LeadTimeKind.PICKUP_TO_STOCK}'::varchar AS kind,
          ${leadTimeBucketSql('ce.at - p.completed_at')} AS bucket_hours, count(*)::int AS samples
     FROM custody_event ce JOIN device d ON d.id = ce.device_id
     JOIN pickup p ON p.lot_id = d.lot_id AND p.status = 'COMPLETED'
    WHERE ${REFURBISHED} AND ${where}
    GROUP BY 1, 2, 3, 4
   UNION ALL
   SELECT d.region_id, ${reportDaySql('ce.at')}, '${LeadTimeKind.ORDER_TO_DELIVERY}', ${leadTimeBucketSql('ce.at - o.created_at')}, count(*)::int
     FROM custody_event ce JOIN device d ON d.id = ce.device_id
     JOIN LATERAL (SELECT x.order_id FROM order_line_device x
                    WHERE x.device_id = ce.device_id AND x.reserved_at <= ce.at
                    ORDER BY x.reserved_at DESC, x.id DESC LIMIT 1) x ON true
     JOIN partner_order o ON o.id = x.order_id
    WHERE ce.to_status = 'DELIVERED' AND ${where}
    GROUP BY 1, 2, 3, 4`;

/** Aliases: p (pickup), l (lot). */
export const pickupLeadTimes = (where: string): string =>
  `SELECT l.region_id, ${reportDaySql('p.completed_at')} AS day, '${LeadTimeKind.DECLARATION_TO_PICKUP}'::varchar AS kind,
          ${leadTimeBucketSql('p.completed_at - don.created_at')} AS bucket_hours, count(*)::int AS samples
     FROM pickup p JOIN lot l ON l.id = p.lot_id JOIN donation don ON don.id = l.donation_id
    WHERE p.status = 'COMPLETED' AND ${where}
    GROUP BY 1, 2, 3, 4`;
