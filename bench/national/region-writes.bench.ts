import '../support/production-env';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedRegion } from '../dashboard/seed-region';
import { BENCH_ADMIN, graphqlClient, loginAs, startBenchApi } from '../support/bench-api';
import { fmt, LoadAverageWatch, machineLine } from '../support/bench-stats';
import { StatementProfile } from '../support/statement-profile';
import { cloneDatabase, dropDatabase, recreateDatabase } from '../support/scratch-database';
import { apportion, declareBacklog, FRENCH_REGIONS, NATION, openDemand, placeAroundCity } from './national-seed';
import { RegionSolves } from './region-solves';

/**
 * The national bench's largest region alone, for what routing and matching write: Île-de-France
 * at its national size (its share of 200,000 donations a year of 5 devices, its refurbishers and
 * partners, four weeks of routing backlog, every partner's open order), seeded as
 * national-seed.ts does, then routed and matched through the production services on a fresh
 * copy, ROUNDS times. Run on two commits against the same seed to compare them.
 *
 *   NODE_ENV=production TS_NODE_TRANSPILE_ONLY=true npx ts-node -r tsconfig-paths/register bench/national/region-writes.bench.ts
 *   (seeds bench_region_writes_seed; BENCH_REUSE=1 keeps it for the next run)
 *   ROUNDS=3, BENCH_DATABASE_URL, REDIS_URL (default db 11)
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_region_writes';
const SEED_URL = DATABASE_URL.replace(/\/([^/]*)$/, '/$1_seed');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/11';
const REUSE = process.env.BENCH_REUSE === '1';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REGION = FRENCH_REGIONS[0]!;

async function seeded(): Promise<string | undefined> {
  const probe = new DataSource({ type: 'postgres', url: SEED_URL });
  try {
    await probe.initialize();
    const [row] = (await probe.query(`SELECT id FROM region WHERE code = $1`, [REGION.code])) as Array<{ id: string }>;
    return row?.id;
  } catch {
    return undefined;
  } finally {
    if (probe.isInitialized) await probe.destroy();
  }
}

async function seed(): Promise<string> {
  await recreateDatabase(SEED_URL);
  const api = await startBenchApi(SEED_URL, REDIS_URL);
  try {
    const gql = graphqlClient(api.url);
    const admin = await loginAs(gql, BENCH_ADMIN.email);
    const weights = FRENCH_REGIONS.map((r) => r.people);
    const donations = apportion(NATION.donationsPerYear, weights, 0)[0]!;
    const id = (
      await gql(`mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }`, { input: { code: REGION.code, name: REGION.name } }, admin)
    ).createRegion.id as string;
    const db = api.app.get(DataSource);
    await seedRegion(db, id, {
      donors: Math.max(10, Math.round(donations / 10)),
      donations,
      newDonations: 0,
      refurbishers: apportion(NATION.refurbishers, weights, 3)[0]!,
      partners: apportion(NATION.partners, weights, 20)[0]!,
      devicesPerDonation: NATION.devicesPerDonation,
      days: 365,
      tag: REGION.tag,
    });
    await placeAroundCity(db, id, REGION);
    await declareBacklog(db, id, REGION, Math.round((donations * NATION.backlogWeeks) / 52));
    await openDemand(db, id, REGION.tag);
    await db.query('VACUUM ANALYZE');
    return id;
  } finally {
    await api.app.close();
  }
}

async function main(): Promise<void> {
  console.log(`Region writes bench — ${machineLine()}`);
  const load = new LoadAverageWatch();
  const started = Date.now();
  const regionId = (REUSE ? await seeded() : undefined) ?? (await seed());
  console.log(`seed ready in ${fmt((Date.now() - started) / 1000)} s`);
  const profile = new StatementProfile();
  console.log('\n| round | routing ms | solver ms | lots | routing statements | matching ms | solver ms | reserved | matching statements |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      await cloneDatabase(SEED_URL, DATABASE_URL);
      const api = await startBenchApi(DATABASE_URL, REDIS_URL);
      try {
        const solves = new RegionSolves(api.app);
        await solves.warmUp();
        profile.start();
        const routed = await solves.route(regionId);
        const routingSql = profile.stop(5);
        profile.start();
        const matched = await solves.match(regionId);
        const matchingSql = profile.stop(5);
        console.log(
          `| ${round} | ${fmt(routed.ms, 0)} | ${fmt(routed.solverMs, 0)} | ${fmt(routed.lots, 0)} | ${routingSql[0]} | ${fmt(matched.ms, 0)} | ${fmt(matched.solverMs, 0)} | ${fmt(matched.allocated, 0)} | ${matchingSql[0]} |`,
        );
        if (round === ROUNDS) console.log(`\nrouting SQL:\n${routingSql.join('\n')}\nmatching SQL:\n${matchingSql.join('\n')}`);
      } finally {
        await api.app.close();
        await dropDatabase(DATABASE_URL);
      }
    }
  } finally {
    if (!REUSE) await dropDatabase(SEED_URL);
  }
  console.log(`\nload average during the run ${load.stop()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
