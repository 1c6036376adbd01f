import { parisIsoDay as day, slug } from '@app/common';

/**
 * A moment in the period's last day as a reader in France names it, `to` being excluded. A
 * period given in UTC days (to = 2027-01-01T00:00Z) ends on 31 December, although that instant
 * is already 1 January in Paris: `to` at a UTC midnight steps back to noon UTC the day before.
 */
export function lastDayOf(to: Date): Date {
  const utcMidnight = to.getUTCHours() === 0 && to.getUTCMinutes() === 0 && to.getUTCSeconds() === 0 && to.getUTCMilliseconds() === 0;
  return new Date(to.getTime() - (utcMidnight ? 12 * 3600_000 : 1));
}

/** The period's first and last days. */
function periodDays(from: Date, to: Date): string {
  return `${day(from)}-au-${day(lastDayOf(to))}`;
}

/** attestation-reemploi-metropole-de-lyon-2026-01-01-au-2026-06-30.pdf */
export function attestationFileName(donorName: string, from: Date, to: Date): string {
  return `attestation-reemploi-${slug(donorName, 'donateur')}-${periodDays(from, to)}.pdf`;
}

/** equipements-donnes-metropole-de-lyon-2026-01-01-au-2026-06-30.csv */
export function devicesCsvFileName(donorName: string, from: Date, to: Date): string {
  return `equipements-donnes-${slug(donorName, 'donateur')}-${periodDays(from, to)}.csv`;
}

export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
