import '../support/production-env';
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { OutboxService } from '@app/jobs';
import { ORDERS_CONFIG, OrderLedger, OrdersConfig } from '@app/orders';
import { DeviceLedger } from '@app/refurbishing';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { recreateDatabase } from '../support/scratch-database';
import { ReconciliationResolutionService } from '../../libs/reconciliation/src/services/reconciliation-resolution.service';
import { resolvePerDevice } from './per-device-resolution';
import { COUNTED, RESERVED, SHELF, SHIPPED, outcome, seedCount } from './seed-count';

/**
 * Resolving a big stock count: 5,163 devices the count did not find become MISSING (163 of them
 * reserved on 20 orders, whose links are released), 100 shipped since are left alone. Timed
 * in the same run, on the same database, in alternating order, each on a freshly seeded count:
 *  - per device: the resolution as it was (devices hydrated, then DeviceLedger.apply: custody
 *    events and stock movements through TypeORM inserts, orders locked one by one), kept in
 *    per-device-resolution.ts as the baseline;
 *  - set-based: ReconciliationResolutionService.resolve as it is (DeviceLedger.applyMany).
 * Both must leave exactly the same outcome (devices, custody events, movements, counters,
 * links, orders, lots); the bench fails otherwise.
 *
 *   TS_NODE_TRANSPILE_ONLY=true ts-node -r tsconfig-paths/register bench/reconciliation/resolve.bench.ts
 *   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/reuse_bench_reconciliation, is
 *    dropped and recreated; REDIS_URL as the app's; BENCH_ROUNDS, default 3)
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/reuse_bench_reconciliation';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  await recreateDatabase(DATABASE_URL);
  const app: NestFastifyApplication = await createApiApplication({
    withWorker: false,
    config: {
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      jwtSecret: 'bench-secret-bench-secret-bench-secret-0123',
      seedDemo: false,
      adminEmail: 'bench-admin@reuse.test',
      adminPassword: 'bench-password-0123',
      logLevel: 'warn',
    },
  });
  await app.init();
  const db = app.get(DataSource);
  const setBased = app.get(ReconciliationResolutionService);
  const deps = {
    tx: app.get(TransactionRunner),
    devices: app.get(DeviceLedger),
    orders: app.get(OrderLedger),
    outbox: app.get(OutboxService),
    config: app.get<OrdersConfig>(ORDERS_CONFIG),
  };
  const ctx = RequestContext.system();
  console.log(
    `resolving a count: ${fmt(SHELF)} devices become MISSING (${RESERVED} reserved on 20 orders), ${SHIPPED} shipped left alone, ${COUNTED} counted; ${ROUNDS} rounds, ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const times = { perDevice: [] as number[], setBased: [] as number[] };
  let seq = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const a = await seedCount(db, `B${++seq}`);
    const b = await seedCount(db, `B${++seq}`);
    await db.query('ANALYZE');
    const runs: Array<[keyof typeof times, () => Promise<unknown>]> = [
      ['perDevice', () => resolvePerDevice(deps, ctx, a.reconciliationId)],
      ['setBased', () => setBased.resolve(ctx, b.reconciliationId)],
    ];
    if (round % 2) runs.reverse();
    for (const [name, run] of runs) {
      const started = process.hrtime.bigint();
      await run();
      times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const [oa, ob] = [await outcome(db, a.refurbisherId), await outcome(db, b.refurbisherId)];
    if (JSON.stringify(oa) !== JSON.stringify(ob)) throw new Error(`the two paths disagree: ${JSON.stringify(oa)} vs ${JSON.stringify(ob)}`);
    if (oa.missing !== SHELF || oa.released_links !== RESERVED) throw new Error(`unexpected outcome ${JSON.stringify(oa)}`);
    console.log(
      `round ${round + 1}: per device ${fmt(times.perDevice[round]!)} ms, set-based ${fmt(times.setBased[round]!)} ms (${fmt(times.perDevice[round]! / times.setBased[round]!, 1)}×); outcome identical ${JSON.stringify(oa)}`,
    );
  }
  const [pd, sb] = [median(times.perDevice), median(times.setBased)];
  console.log(`\nmedian: per device ${fmt(pd)} ms, set-based ${fmt(sb)} ms: ${fmt(pd / sb, 1)}× faster (the issue measured 6,800 ms for 5,163 devices)`);
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
