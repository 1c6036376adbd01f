import { EntityManager } from 'typeorm';

type Hook = () => Promise<void>;

interface CommitHooks {
  hooks: Map<string, Hook>;
  done: Set<string>;
}

const open = new WeakMap<EntityManager, CommitHooks>();

/**
 * Work a transaction does last, just before it commits: counters that many commands share
 * (the dashboard's daily rows) are locked at the very end, in one sorted statement, so a
 * transaction that holds them never waits for another lock and two such transactions cannot
 * deadlock. Only transactions opened by TransactionRunner have the hook; elsewhere (or once
 * that key's hook has already run) it returns false and the caller does the work at once.
 */
export function deferUntilCommit(manager: EntityManager, key: string, hook: Hook): boolean {
  const state = open.get(manager);
  if (!state || state.done.has(key)) return false;
  if (!state.hooks.has(key)) state.hooks.set(key, hook);
  return true;
}

/**
 * Called by TransactionRunner around a transaction it opens. The hooks run once the work is done,
 * in the order of their keys (not of whoever asked first), each once; one added by a running hook
 * runs too. Work that throws runs none: the transaction rolls back with nothing left to write.
 */
export async function withCommitHooks<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const state: CommitHooks = { hooks: new Map(), done: new Set() };
  open.set(manager, state);
  try {
    const result = await work();
    for (let key = nextKey(state); key !== undefined; key = nextKey(state)) {
      state.done.add(key);
      await state.hooks.get(key)!();
    }
    return result;
  } finally {
    open.delete(manager);
  }
}

function nextKey({ hooks, done }: CommitHooks): string | undefined {
  return [...hooks.keys()].filter((key) => !done.has(key)).sort()[0];
}
