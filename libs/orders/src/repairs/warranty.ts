/**
 * A refurbisher's warranty, in whole months from delivery (0: none). The end keeps the day of
 * the month where it can, and falls back to the month's last day (31 January + 1 month = 28 or
 * 29 February), as a person reading "12 months" expects.
 */
export const MAX_WARRANTY_MONTHS = 60;

export function warrantyEnd(deliveredAt: Date, months: number): Date {
  const end = new Date(deliveredAt.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** Under warranty when the ticket is opened before the warranty's end. */
export function isUnderWarranty(warrantyUntil: Date | null, openedAt: Date): boolean {
  return warrantyUntil !== null && openedAt.getTime() < warrantyUntil.getTime();
}

/** Hours between opening and resolution, one decimal: what the dashboard's turnaround is made of. */
export function turnaroundHours(openedAt: Date, resolvedAt: Date | null): number | null {
  if (!resolvedAt) return null;
  return Math.round((resolvedAt.getTime() - openedAt.getTime()) / 360_000) / 10;
}
