import { RequestContext } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import { deferUntilCommit } from '../before-commit';
import { TransactionRunner } from '../transaction-runner';
import { DomainEvent } from './domain-event';
import { EventPhase } from './event-phase';
import { TransactionEvents } from './transaction-events';

class ThingsDone extends DomainEvent {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

class OtherThingDone extends DomainEvent {}

/**
 * A stand-in for PostgreSQL's transactions: each transaction gets its own manager whose writes
 * are kept aside and become visible only if the work returns; a throw drops them, as ROLLBACK.
 */
class FakeDatabase {
  readonly committed: string[] = [];
  readonly managers: EntityManager[] = [];
  readonly dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      const pending: string[] = [];
      const manager = { query: async (sql: string) => void pending.push(sql) } as unknown as EntityManager;
      this.managers.push(manager);
      const result = await work(manager);
      this.committed.push(...pending);
      return result;
    },
  } as unknown as DataSource;
}

function setUp() {
  const db = new FakeDatabase();
  const tx = new TransactionRunner(db.dataSource);
  const events = new TransactionEvents();
  const ctx = new RequestContext({ userId: 'u', email: 'u@example.org', role: 'ADMIN' as never, organizationId: null, regionId: null });
  return { db, tx, events, ctx };
}

describe('TransactionEvents', () => {
  it('runs every subscriber on the recording transaction: owners, then projections, each phase by name, and deferred writes last in key order', async () => {
    const { db, tx, events, ctx } = setUp();
    const seen: Array<[string, EntityManager]> = [];
    // registered out of order on purpose: the order must not depend on who started first
    events.subscribe(ThingsDone, 'reporting.counters', EventPhase.PROJECTION, async (manager, e) => {
      seen.push(['reporting.counters', manager]);
      deferUntilCommit(manager, 'z-counters', () => manager.query(`counters ${e.ids.join(',')}`));
    });
    events.subscribe(ThingsDone, 'b-owner', EventPhase.OWNER, async (manager, e) => {
      seen.push(['b-owner', manager]);
      await manager.query(`b-owner ${e.ids.join(',')}`);
    });
    events.subscribe(ThingsDone, 'a-owner', EventPhase.OWNER, async (manager) => {
      seen.push(['a-owner', manager]);
      deferUntilCommit(manager, 'a-first', () => manager.query('a-first'));
      await manager.query('a-owner');
    });
    events.subscribe(OtherThingDone, 'elsewhere', EventPhase.OWNER, async (manager) => void seen.push(['elsewhere', manager]));

    expect(events.subscribersOf(ThingsDone)).toEqual(['a-owner', 'b-owner', 'reporting.counters']);
    await tx.run(ctx, async (_, manager) => {
      await manager.query('command writes');
      await events.record(manager, new ThingsDone(['1', '2']));
      await manager.query('command goes on');
    });

    expect(seen.map(([name]) => name)).toEqual(['a-owner', 'b-owner', 'reporting.counters']);
    expect(seen.every(([, manager]) => manager === db.managers[0])).toBe(true);
    // subscribers run where the event is recorded; the deferred writes after the command, by key
    expect(db.committed).toEqual(['command writes', 'a-owner', 'b-owner 1,2', 'command goes on', 'a-first', 'counters 1,2']);
  });

  it('a command that fails after recording publishes nothing: its subscribers wrote in its transaction, and deferred work never runs', async () => {
    const { db, tx, events, ctx } = setUp();
    const deferred = jest.fn(async () => undefined);
    events.subscribe(ThingsDone, 'owner', EventPhase.OWNER, async (manager) => {
      await manager.query('owner wrote');
      deferUntilCommit(manager, 'counters', deferred);
    });
    await expect(
      tx.run(ctx, async (_, manager) => {
        await events.record(manager, new ThingsDone(['1']));
        throw new Error('refused after the event');
      }),
    ).rejects.toThrow('refused after the event');
    expect(db.committed).toEqual([]);
    expect(deferred).not.toHaveBeenCalled();

    // the next transaction starts clean: nothing left over from the rolled-back one
    await tx.run(ctx, async (_, manager) => void (await manager.query('next')));
    expect(db.committed).toEqual(['next']);
    expect(deferred).not.toHaveBeenCalled();
  });

  it('nested use cases share the outer transaction and its commit hooks', async () => {
    const { db, tx, events, ctx } = setUp();
    events.subscribe(ThingsDone, 'counters', EventPhase.PROJECTION, async (manager, e) => {
      deferUntilCommit(manager, 'counters', () => manager.query('flush once'));
      await manager.query(`read ${e.ids.join(',')}`);
    });
    await tx.run(ctx, async (outer, manager) => {
      await events.record(manager, new ThingsDone(['1']));
      await tx.run(outer, async (_, inner) => events.record(inner, new ThingsDone(['2'])));
    });
    expect(db.managers).toHaveLength(1);
    expect(db.committed).toEqual(['read 1', 'read 2', 'flush once']);
  });

  it('a hook that defers more work still gets it done before the commit', async () => {
    const { db, tx, ctx } = setUp();
    await tx.run(ctx, async (_, manager) => {
      deferUntilCommit(manager, 'b', async () => {
        await manager.query('b');
        // a key already run is no longer deferred: the caller is told to write at once
        expect(deferUntilCommit(manager, 'b', async () => undefined)).toBe(false);
        deferUntilCommit(manager, 'a', () => manager.query('a, added by b'));
      });
    });
    expect(db.committed).toEqual(['b', 'a, added by b']);
  });

  it('outside a transaction of ours, subscribers still run and deferring says no', async () => {
    const events = new TransactionEvents();
    const writes: string[] = [];
    const manager = { query: async (sql: string) => void writes.push(sql) } as unknown as EntityManager;
    events.subscribe(ThingsDone, 'counters', EventPhase.PROJECTION, async (m) => {
      if (!deferUntilCommit(m, 'counters', () => m.query('later'))) await m.query('now');
    });
    await events.record(manager, new ThingsDone([]));
    expect(writes).toEqual(['now']);
  });

  it('one subscriber per name and event', () => {
    const events = new TransactionEvents();
    events.subscribe(ThingsDone, 'x', EventPhase.OWNER, async () => undefined);
    expect(() => events.subscribe(ThingsDone, 'x', EventPhase.PROJECTION, async () => undefined)).toThrow('x already subscribes to ThingsDone');
    expect(events.subscribersOf(OtherThingDone)).toEqual([]);
  });
});
