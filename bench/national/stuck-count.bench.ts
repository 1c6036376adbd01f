import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedRegion } from '../dashboard/seed-region';
import { fmt, LoadAverageWatch, machineLine, percentile } from '../support/bench-stats';
import { cloneDatabase, dropDatabase } from '../support/scratch-database';
import { apportion, FRENCH_REGIONS, NATION } from './national-seed';

/**
 * The dashboard's RESERVATION_NOT_SHIPPED count (StuckWorkService) in a small region next to a
 * large one: a copy of region-writes.bench.ts's seed (Île-de-France at national size, run it
 * first with BENCH_REUSE=1), plus Centre-Val de Loire at its national size, then the count as it
 * was (from the nation's unshipped reservations, joined to the region's orders) and as it is
 * (from the region's OPEN and ALLOCATED orders), EXPLAIN ANALYZE'd CALLS times each, in turn.
 *
 *   TS_NODE_TRANSPILE_ONLY=true npx ts-node -r tsconfig-paths/register bench/national/stuck-count.bench.ts
 */
const SEED_URL = process.env.BENCH_SEED_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_region_writes_seed';
const DATABASE_URL = SEED_URL.replace(/_seed$/, '_stuck');
const CALLS = Number(process.env.BENCH_CALLS ?? 15);
const SMALL = FRENCH_REGIONS.find((r) => r.code === 'CVL')!;

const BEFORE = `SELECT count(*)::int FROM (SELECT x.id FROM order_line_device x JOIN partner_order o ON o.id = x.order_id
  WHERE x.released_at IS NULL AND x.shipped_at IS NULL AND x.reserved_at < $2 AND o.region_id = $1 LIMIT 101) b`;
const AFTER = `SELECT count(*)::int FROM (SELECT x.id FROM partner_order o JOIN order_line_device x ON x.order_id = o.id
  WHERE o.region_id = $1 AND o.status IN ('OPEN', 'ALLOCATED') AND x.released_at IS NULL AND x.shipped_at IS NULL AND x.reserved_at < $2 LIMIT 101) b`;

async function main(): Promise<void> {
  console.log(`Stuck-work count bench — ${machineLine()}`);
  const load = new LoadAverageWatch();
  await cloneDatabase(SEED_URL, DATABASE_URL);
  const db = new DataSource({ type: 'postgres', url: DATABASE_URL });
  await db.initialize();
  try {
    const [{ id: small }] = (await db.query(`INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id`, [SMALL.code, SMALL.name])) as Array<{ id: string }>;
    const weights = FRENCH_REGIONS.map((r) => r.people);
    const i = FRENCH_REGIONS.indexOf(SMALL);
    const donations = apportion(NATION.donationsPerYear, weights, 0)[i]!;
    await seedRegion(db, small, {
      donors: Math.max(10, Math.round(donations / 10)),
      donations,
      newDonations: 0,
      refurbishers: apportion(NATION.refurbishers, weights, 3)[i]!,
      partners: apportion(NATION.partners, weights, 20)[i]!,
      devicesPerDonation: NATION.devicesPerDonation,
      days: 365,
      tag: SMALL.tag,
    });
    await db.query('VACUUM ANALYZE');
    const regions = (await db.query(`SELECT id, code FROM region ORDER BY code`)) as Array<{ id: string; code: string }>;
    const since = new Date(Date.now() - 3 * 24 * 3600_000);
    console.log('\n| region | unshipped reservations (live) | before: p50 / p95 ms | after: p50 / p95 ms | same count |');
    console.log('|---|---:|---:|---:|---|');
    for (const region of regions) {
      const [{ n }] = (await db.query(
        `SELECT count(*)::int AS n FROM order_line_device x JOIN partner_order o ON o.id = x.order_id WHERE o.region_id = $1 AND x.released_at IS NULL AND x.shipped_at IS NULL`,
        [region.id],
      )) as Array<{ n: number }>;
      const times = { before: [] as number[], after: [] as number[] };
      const counts = { before: -1, after: -1 };
      for (let call = 0; call < CALLS; call++) {
        for (const which of ['before', 'after'] as const) {
          const plan = (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${which === 'before' ? BEFORE : AFTER}`, [region.id, since])) as Array<{
            'QUERY PLAN': Array<{ 'Execution Time': number }>;
          }>;
          times[which].push(plan[0]!['QUERY PLAN'][0]!['Execution Time']);
          counts[which] = ((await db.query(which === 'before' ? BEFORE : AFTER, [region.id, since])) as Array<{ count: number }>)[0]!.count;
        }
      }
      console.log(
        `| ${region.code} | ${fmt(n, 0)} | ${fmt(percentile(times.before, 0.5))} / ${fmt(percentile(times.before, 0.95))} | ${fmt(percentile(times.after, 0.5))} / ${fmt(percentile(times.after, 0.95))} | ${counts.before === counts.after ? `yes (${counts.after})` : `NO (${counts.before} vs ${counts.after})`} |`,
      );
    }
  } finally {
    await db.destroy();
    await dropDatabase(DATABASE_URL);
  }
  console.log(`\nload average during the run ${load.stop()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
