import { ConfigError } from '@app/common';
import { DEFAULT_MATCHING_DEBOUNCE_MS } from '@app/jobs';

/** The settings of orders and matching, read from the environment once and validated at start. */
export interface OrdersConfig {
  /** match-region runs once per window after orders and stock changes (MATCHING_DEBOUNCE_MS) */
  matchingDebounceMs: number;
  /** a reservation not shipped within this many days goes back to stock (RESERVATION_TTL_DAYS) */
  reservationTtlDays: number;
}

export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');

function readInt(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

export function loadOrdersConfig(env: Record<string, string | undefined> = process.env): OrdersConfig {
  const problems: string[] = [];
  const config: OrdersConfig = {
    matchingDebounceMs: readInt(env, 'MATCHING_DEBOUNCE_MS', DEFAULT_MATCHING_DEBOUNCE_MS, 0, 3_600_000, problems),
    reservationTtlDays: readInt(env, 'RESERVATION_TTL_DAYS', 14, 1, 365, problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
