/** Failures older than this never count, however often a key has reached its limit. */
export const LOGIN_LOOKBACK_MS = 24 * 3600_000;

/** The per-account slowdown: first step and ceiling. */
const ACCOUNT_DELAY_STEP_MS = 100;
export const ACCOUNT_DELAY_MAX_MS = 5000;

/**
 * Seconds before a key (an address, or an account from one address) may try again, or 0.
 * `ageMs`: how long ago each of its failures of the last day happened, newest first.
 *
 * A key has `limit` failures per window. Each earlier round of `limit` failures in the last day
 * doubles the window they are counted over (15 min, then 30, 60, … up to a day), so a guesser
 * that waits out its block gets fewer and fewer tries, while a person who mistyped a few times
 * yesterday starts afresh.
 */
export function loginBlockSeconds(ageMs: readonly number[], limit: number, windowMs: number): number {
  if (ageMs.length < limit) return 0;
  const rounds = Math.floor((ageMs.length - 1) / limit);
  const span = Math.min(windowMs * 2 ** rounds, LOGIN_LOOKBACK_MS);
  const recent = ageMs.filter((age) => age < span);
  if (recent.length < limit) return 0;
  // blocked until the limit-th newest failure leaves the span: then fewer than `limit` remain
  return Math.max(1, Math.ceil((span - recent[limit - 1]!) / 1000));
}

/**
 * How long a try on an account waits before its password is checked, given the account's
 * failures in the window from everywhere. Past the ceiling each further failure doubles the wait,
 * up to a few seconds: distributed guessing is slowed, and the account's owner still gets in.
 */
export function accountDelayMs(accountFailures: number, ceiling: number): number {
  if (accountFailures < ceiling) return 0;
  const excess = Math.min(accountFailures - ceiling, 16);
  return Math.min(ACCOUNT_DELAY_STEP_MS * 2 ** excess, ACCOUNT_DELAY_MAX_MS);
}
