import { EntityManager } from 'typeorm';

export interface RepairFigures {
  opened: number;
  resolved: number;
  repaired: number;
  replaced: number;
  closed: number;
  openNow: number;
  underWarranty: number;
  /** median of resolvedAt − openedAt over the tickets resolved in the period; null when none */
  medianTurnaroundHours: number | null;
}

export interface LoanFigures {
  active: number;
  overdue: number;
}

/**
 * A region's repair tickets over [from, to): opened, resolved (by outcome), their median
 * turnaround, and the tickets open now. Read through the (region, opened_at) and (region,
 * resolved_at) indexes: the tickets of the period, never the devices.
 */
export async function repairFigures(manager: EntityManager, regionId: string, from: Date, to: Date): Promise<RepairFigures> {
  const [row] = await manager.query(
    `SELECT
       (SELECT count(*)::int FROM repair_ticket WHERE region_id = $1 AND opened_at >= $2 AND opened_at < $3) AS opened,
       (SELECT count(*)::int FROM repair_ticket WHERE region_id = $1 AND opened_at >= $2 AND opened_at < $3 AND under_warranty) AS under_warranty,
       (SELECT count(*)::int FROM repair_ticket WHERE region_id = $1 AND status = 'OPEN') AS open_now,
       r.resolved, r.repaired, r.replaced, r.closed, r.median_hours
       FROM (SELECT count(*)::int AS resolved,
                    count(*) FILTER (WHERE outcome = 'REPAIRED')::int AS repaired,
                    count(*) FILTER (WHERE outcome = 'REPLACED')::int AS replaced,
                    count(*) FILTER (WHERE outcome = 'CLOSED')::int AS closed,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - opened_at) / 3600) AS median_hours
               FROM repair_ticket WHERE region_id = $1 AND resolved_at >= $2 AND resolved_at < $3) r`,
    [regionId, from, to],
  );
  return {
    opened: row.opened,
    resolved: row.resolved,
    repaired: row.repaired,
    replaced: row.replaced,
    closed: row.closed,
    openNow: row.open_now,
    underWarranty: row.under_warranty,
    medianTurnaroundHours: row.median_hours === null ? null : Math.round(Number(row.median_hours) * 10) / 10,
  };
}

/** A region's loans now: with their person, and of those, past their due date. */
export async function loanFigures(manager: EntityManager, regionId: string): Promise<LoanFigures> {
  const [row] = await manager.query(
    `SELECT count(*)::int AS active, count(*) FILTER (WHERE due_date < now())::int AS overdue FROM loan WHERE region_id = $1 AND status = 'ACTIVE'`,
    [regionId],
  );
  return { active: row.active, overdue: row.overdue };
}
