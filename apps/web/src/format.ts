const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined): string => (iso ? dateOnly.format(new Date(iso)) : '—');
export const formatNumber = (value: number | null | undefined): string => (value == null ? '—' : number.format(value));
export const formatPercent = (value: number | null | undefined): string => (value == null ? '—' : percent.format(value));

/** A duration in seconds as people read it: '0 s', '42 s', '3 min 05 s', '2 h 10 min'. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A `datetime-local` field's value (local time, as typed) to the instant the API expects. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** An instant to what a `datetime-local` field shows, in the browser's time. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/**
 * Whole cents as people in France read them, "180,00 €", "1 250,50 €" (the spaces Intl's fr-FR
 * writes), by integer arithmetic: a float of euros would round. A dash for what is not there.
 */
export function formatEuros(cents: number | null | undefined): string {
  if (cents == null || !Number.isSafeInteger(cents)) return '—';
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100)
    .toString()
    .replace(THOUSANDS, '\u202f');
  return `${cents < 0 ? '-' : ''}${euros},${String(abs % 100).padStart(2, '0')}\u00a0€`;
}

/** Ten million euros: more than any price or valuation the network writes, and exact in cents. */
const MAX_EUROS_DIGITS = 8;

/**
 * Euros as people type them ("180", "180,50", "180,5", "1 250,50 €", "180.50") to whole cents,
 * read from the string (never through a float: "0,29" is 29 cents, not 28.999…). Null when it is
 * not an amount: a negative, a third decimal, letters, nothing.
 */
export function parseEuros(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const euros = match[1].replace(/^0+(?=\d)/, '');
  if (euros.length > MAX_EUROS_DIGITS) return null;
  return Number(euros) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Cents back to what a euro field shows ("180", "180,50"), so an edited price reads as typed. */
export function centsToEurosInput(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}
