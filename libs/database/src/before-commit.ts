import { EntityManager } from 'typeorm';

type Hook = () => Promise<void>;

const open = new WeakMap<EntityManager, Map<string, Hook>>();

/**
 * Work a transaction does last, just before it commits: counters that many commands share
 * (the dashboard's daily rows) are locked at the very end, in one sorted statement, so a
 * transaction that holds them never waits for another lock and two such transactions cannot
 * deadlock. Only transactions opened by TransactionRunner have the hook; elsewhere it
 * returns false and the caller does the work at once.
 */
export function deferUntilCommit(manager: EntityManager, key: string, hook: Hook): boolean {
  const hooks = open.get(manager);
  if (!hooks) return false;
  if (!hooks.has(key)) hooks.set(key, hook);
  return true;
}

/** Called by TransactionRunner around a transaction it opens. */
export async function withCommitHooks<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const hooks = new Map<string, Hook>();
  open.set(manager, hooks);
  try {
    const result = await work();
    for (const hook of hooks.values()) await hook();
    return result;
  } finally {
    open.delete(manager);
  }
}
