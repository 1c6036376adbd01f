import { formatDate } from '../../format';

/**
 * The waiting list's estimate as a social worker can repeat it to the person: a rough duration,
 * never a false precision (the API's figure is a projection of the last 90 days), and "inconnue"
 * when nothing reached stock lately rather than a made-up number.
 */
export function formatEstimatedWait(days: number | null | undefined): string {
  if (days == null) return 'inconnue';
  if (days <= 0) return 'un appareil est disponible';
  if (days < 7) return days === 1 ? 'environ 1 jour' : `environ ${days} jours`;
  if (days < 60) {
    const weeks = Math.round(days / 7);
    return weeks === 1 ? 'environ 1 semaine' : `environ ${weeks} semaines`;
  }
  return `environ ${Math.round(days / 30)} mois`;
}

/** A date field's day (yyyy-mm-dd) as the end of that day in the browser's time: a due date is met all day long. */
export function endOfDayIso(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

/** A day typed in a date field, said as the console says dates (its noon: the same day in Paris whatever the browser's zone). */
export function formatTypedDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00`).toISOString());
}
