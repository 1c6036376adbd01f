const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A scheduled pickup not completed this long after its time is MISSED. */
export const MISSED_AFTER_HOURS = 24;

/** The UTC calendar day after `now`, as [from, to). Reminders go out for pickups in it. */
export function tomorrowUtc(now: Date): { from: Date; to: Date } {
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  return { from: new Date(from), to: new Date(from + DAY_MS) };
}

/** Pickups scheduled strictly before this instant are overdue enough to be MISSED. */
export function missedCutoff(now: Date): Date {
  return new Date(now.getTime() - MISSED_AFTER_HOURS * HOUR_MS);
}
