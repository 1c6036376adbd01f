import { bucketMiddleSql, LeadTimeKind } from '../flows/lead-time';
import { dayStartSql, REPORT_TIME_ZONE } from '../flows/report-calendar';

/**
 * The figures of a region's dashboard, from the daily counters and the stock and capacity
 * counters only: their cost follows the days of the period (a row per day; lead-time histograms
 * per whole month, per day at the period's ragged ends), never the number of devices.
 * $1 region, $2 from, $3 to (exclusive).
 *
 * Each group of figures is a column of one statement, with the parts of the WITH it reads: a
 * query asking for some groups sends one statement with only theirs (regionDashboardSql).
 */
export type DashboardFigure = 'totals' | 'openDemand' | 'weekly' | 'reuse' | 'medians' | 'stock' | 'loads';

export const DASHBOARD_FIGURES: readonly DashboardFigure[] = ['totals', 'openDemand', 'weekly', 'reuse', 'medians', 'stock', 'loads'];

type Part = 'period' | 'flow' | 'totals' | 'weeks' | 'week_sums' | 'weekly' | 'reuse' | 'histogram' | 'cumulative' | 'medians' | 'stock' | 'loads';

/** The parts of the WITH, in the order they must come (each after those it reads). */
const PARTS: Record<Part, string> = {
  period: `period AS (
  -- the whole months inside the period, [full_from, full_to), read from the monthly histograms
  SELECT first_day, last_day,
         (CASE WHEN first_day = date_trunc('month', first_day)::date THEN first_day ELSE (date_trunc('month', first_day) + interval '1 month')::date END) AS full_from,
         date_trunc('month', last_day + 1)::date AS full_to
    FROM days
)`,
  flow: `flow AS (
  SELECT f.* FROM region_daily_flow f, period p WHERE f.region_id = $1 AND f.day BETWEEN p.first_day AND p.last_day
)`,
  totals: `totals AS (
  SELECT coalesce(sum(declared), 0)::int AS declared, coalesce(sum(collected), 0)::int AS collected,
         coalesce(sum(refurbished), 0)::int AS refurbished, coalesce(sum(delivered), 0)::int AS delivered,
         coalesce(sum(recycled), 0)::int AS recycled, coalesce(sum(ordered), 0)::int AS ordered,
         coalesce(sum(allocated), 0)::int AS allocated
    FROM flow
)`,
  weeks: `weeks AS (
  SELECT w::date AS week FROM period p, generate_series(date_trunc('week', p.first_day), p.last_day, interval '1 week') AS w
)`,
  week_sums: `week_sums AS (
  SELECT date_trunc('week', day)::date AS week, sum(declared)::int AS declared, sum(collected)::int AS collected,
         sum(refurbished)::int AS refurbished, sum(delivered)::int AS delivered, sum(recycled)::int AS recycled
    FROM flow GROUP BY 1
)`,
  weekly: `weekly AS (
  SELECT ${dayStartSql('w.week')} AS week_start, coalesce(s.declared, 0) AS declared, coalesce(s.collected, 0) AS collected,
         coalesce(s.refurbished, 0) AS refurbished, coalesce(s.delivered, 0) AS delivered, coalesce(s.recycled, 0) AS recycled
    FROM weeks w LEFT JOIN week_sums s ON s.week = w.week
)`,
  reuse: `reuse AS (
  SELECT r.category, sum(r.refurbished)::int AS refurbished
    FROM region_daily_reuse r, period p WHERE r.region_id = $1 AND r.day BETWEEN p.first_day AND p.last_day
   GROUP BY r.category
)`,
  histogram: `histogram AS (
  SELECT kind, bucket_hours, sum(samples) AS samples FROM (
    SELECT m.kind, m.bucket_hours, m.samples
      FROM region_monthly_lead_time m, period p WHERE m.region_id = $1 AND m.month >= p.full_from AND m.month < p.full_to
    UNION ALL
    SELECT h.kind, h.bucket_hours, h.samples
      FROM region_daily_lead_time h, period p
     WHERE h.region_id = $1 AND ((h.day >= p.first_day AND h.day < least(p.full_from, p.last_day + 1)) OR (h.day >= greatest(p.full_to, p.full_from) AND h.day <= p.last_day))
  ) u GROUP BY kind, bucket_hours
)`,
  cumulative: `cumulative AS (
  SELECT kind, ${bucketMiddleSql('bucket_hours')} AS middle,
         (sum(samples) OVER (PARTITION BY kind ORDER BY bucket_hours))::bigint AS seen, (sum(samples) OVER (PARTITION BY kind))::bigint AS total
    FROM histogram
)`,
  medians: `medians AS (
  -- percentile_cont(0.5): the mean of the two middle samples (integer positions), each at its bucket's middle
  SELECT kind, (min(middle) FILTER (WHERE seen >= (total + 1) / 2) + min(middle) FILTER (WHERE seen >= total / 2 + 1)) / 2 / 24.0 AS days
    FROM cumulative GROUP BY kind
)`,
  stock: `stock AS (
  SELECT refurbisher_id, category, grade, available, reserved FROM stock_level
   WHERE region_id = $1 AND (available > 0 OR reserved > 0)
)`,
  loads: `loads AS (
  SELECT o.id AS refurbisher_id,
         coalesce((SELECT sum(c.weekly_capacity) FROM refurbisher_capacity c WHERE c.organization_id = o.id), 0)::int AS weekly_capacity,
         coalesce((SELECT sum(c.load) FROM refurbisher_capacity c WHERE c.organization_id = o.id), 0)::int AS load,
         coalesce((SELECT sum(s.available + s.reserved) FROM stock s WHERE s.refurbisher_id = o.id), 0)::int AS in_stock
    FROM organization o WHERE o.region_id = $1 AND o.kind = 'REFURBISHER'
)`,
};

/** Each figure's column, and the parts it reads (with the parts those read, in PARTS order). */
const FIGURES: Record<DashboardFigure, { column: string; parts: Part[] }> = {
  totals: { column: `(SELECT row_to_json(t) FROM totals t) AS totals`, parts: ['period', 'flow', 'totals'] },
  openDemand: { column: `(SELECT coalesce(sum(ordered - allocated), 0)::int FROM region_daily_flow WHERE region_id = $1) AS open_demand`, parts: [] },
  weekly: {
    column: `(SELECT coalesce(json_agg(w ORDER BY w.week_start), '[]') FROM weekly w) AS weekly`,
    parts: ['period', 'flow', 'weeks', 'week_sums', 'weekly'],
  },
  reuse: { column: `(SELECT coalesce(json_agg(r), '[]') FROM reuse r) AS reuse`, parts: ['period', 'reuse'] },
  medians: { column: `(SELECT json_object_agg(kind, days) FROM medians) AS medians`, parts: ['period', 'histogram', 'cumulative', 'medians'] },
  stock: { column: `(SELECT coalesce(json_agg(s ORDER BY s.refurbisher_id, s.category, s.grade), '[]') FROM stock s) AS stock`, parts: ['stock'] },
  loads: { column: `(SELECT coalesce(json_agg(l ORDER BY l.refurbisher_id), '[]') FROM loads l) AS loads`, parts: ['stock', 'loads'] },
};

/**
 * The statement of the given figures. The period's days come first whatever is asked: they give
 * $2 and $3 their type, which a statement reading only the counters of now would leave unknown.
 * Whether the region exists is read beside them (a dashboard of no region is NOT_FOUND).
 */
export function regionDashboardSql(figures: ReadonlySet<DashboardFigure>): string {
  const asked = DASHBOARD_FIGURES.filter((figure) => figures.has(figure));
  const needed = new Set(asked.flatMap((figure) => FIGURES[figure].parts));
  const parts = (Object.keys(PARTS) as Part[]).filter((part) => needed.has(part)).map((part) => PARTS[part]);
  const days = `days AS (
  SELECT ($2::timestamptz AT TIME ZONE '${REPORT_TIME_ZONE}')::date AS first_day,
         (($3::timestamptz - interval '1 millisecond') AT TIME ZONE '${REPORT_TIME_ZONE}')::date AS last_day
)`;
  const columns = [`EXISTS (SELECT 1 FROM region WHERE id = $1) AS region_exists`, ...asked.map((figure) => FIGURES[figure].column)];
  return `
WITH ${[days, ...parts].join(', ')}
SELECT ${columns.join(',\n       ')}
  FROM days`;
}

/** A row of regionDashboardSql: the figures asked for are there, the others absent. */
export interface RegionDashboardRow {
  region_exists: boolean;
  totals?: Record<'declared' | 'collected' | 'refurbished' | 'delivered' | 'recycled' | 'ordered' | 'allocated', number>;
  open_demand?: number;
  weekly?: Array<{ week_start: string; declared: number; collected: number; refurbished: number; delivered: number; recycled: number }>;
  reuse?: Array<{ category: string; refurbished: number }>;
  medians?: Partial<Record<LeadTimeKind, number>> | null;
  stock?: Array<{ refurbisher_id: string; category: string; grade: string; available: number; reserved: number }>;
  loads?: Array<{ refurbisher_id: string; weekly_capacity: number; load: number; in_stock: number }>;
}
