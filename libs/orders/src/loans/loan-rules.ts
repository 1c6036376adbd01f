/**
 * The rules of a loan's dates, as plain functions. A due date is in the future and at most
 * MAX_LOAN_YEARS away: a loan with no real end is a gift, and a typo (2206 for 2026) must not
 * hide a device for ever. An extension only moves the date later.
 */
export const MAX_LOAN_YEARS = 3;

export type DueDateProblem = 'MISSING' | 'NOT_A_LOAN' | 'PAST' | 'TOO_FAR' | 'NOT_LATER';

export function latestDueDate(now: Date): Date {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_LOAN_YEARS);
  return latest;
}

/** What is wrong with this due date for a new loan (or an extension of one due at `current`), or null. */
export function dueDateProblem(dueDate: Date | null | undefined, now: Date, current?: Date): DueDateProblem | null {
  if (!dueDate) return 'MISSING';
  if (dueDate.getTime() <= now.getTime()) return 'PAST';
  if (dueDate.getTime() > latestDueDate(now).getTime()) return 'TOO_FAR';
  if (current && dueDate.getTime() <= current.getTime()) return 'NOT_LATER';
  return null;
}

/** Past its due date and still with the person (neither returned, converted nor replaced). */
export function isOverdue(loan: { status: string; dueDate: Date }, now: Date): boolean {
  return loan.status === 'ACTIVE' && loan.dueDate.getTime() < now.getTime();
}
