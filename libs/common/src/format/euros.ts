/**
 * Money as the program holds it (integer cents, never floats) and as people in France read it:
 * "180,00 €", "1 250,50 €" (a narrow no-break space between thousands, a no-break space before
 * the sign, as Intl's fr-FR writes them). Pure: documents, e-mails and refusals use it.
 */

/** Refuses what is not a whole number of cents within the range sums stay exact in. */
export function assertCents(cents: number, what = 'amount'): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${what} must be a whole number of cents, got ${cents}`);
  return cents;
}

/** The sum of whole cents, exact (a float sum of euros would drift: 0.1 + 0.2). */
export function sumCents(amounts: readonly number[]): number {
  return amounts.reduce((total, cents) => assertCents(total + assertCents(cents)), 0);
}

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** "180,00 €": euros and cents from whole cents, by integer arithmetic (no rounding of a float). */
export function formatEuros(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100)
    .toString()
    .replace(GROUPS, '\u202f');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${sign}${euros},${rest}\u00a0€`;
}
