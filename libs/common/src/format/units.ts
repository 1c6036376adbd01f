import { parisDateTime } from './paris-time';
/**
 * Numbers and units as people read them in French sentences: a distance to the tenth of a
 * kilometre with a decimal comma ("12,3 km"), a duration in the unit people count it in
 * ("30 secondes", "45 min", "48 h", "3 jours"). Pure: the refusal messages and the routing warnings use them.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** "12,3 km": rounded to 0.1 km, no ",0" on a whole number, a space before the unit. */
export function formatDistanceKm(km: number): string {
  if (!Number.isFinite(km)) return '? km';
  const tenths = Math.round(km * 10);
  const whole = Math.trunc(Math.abs(tenths) / 10);
  const fraction = Math.abs(tenths) % 10;
  const sign = tenths < 0 ? '-' : '';
  return `${sign}${whole}${fraction ? `,${fraction}` : ''} km`;
}

/**
 * A duration in milliseconds as people say it: seconds under a minute, minutes under an hour,
 * hours up to two days ("48 h" is how a deadline is given), days beyond. Rounded, never "0".
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(Number.isFinite(ms) ? ms : 0);
  if (abs < 60_000) {
    const s = Math.max(1, Math.round(abs / 1000));
    return s === 1 ? '1 seconde' : `${s} secondes`;
  }
  if (abs < HOUR_MS) return `${Math.max(1, Math.round(abs / 60_000))} min`;
  if (abs <= 2 * DAY_MS) return `${Math.max(1, Math.round(abs / HOUR_MS))} h`;
  const days = Math.round(abs / DAY_MS);
  return `${days} jours`;
}

/** When something happens, seen from `now`: "dans 2 jours", "il y a 3 h". */
export function formatDelay(until: Date | string | number, now: Date = new Date()): string {
  const at = until instanceof Date ? until.getTime() : new Date(until).getTime();
  if (Number.isNaN(at)) return 'à une date inconnue';
  const ms = at - now.getTime();
  return ms >= 0 ? `dans ${formatDuration(ms)}` : `il y a ${formatDuration(ms)}`;
}

/** A date and time from a refusal's details (a Date or an ISO string), as people in France read it: "vendredi 4 décembre 2026 à 19 h 00". */
export function formatFrenchDateTime(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return 'une date inconnue';
  return parisDateTime(date);
}
