import '../support/production-env';
import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { OPERATIONS, Role } from '../api/operations';
import { MixRequest, MixResult, runMix } from '../support/autocannon-mix';
import { BENCH_ADMIN, BENCH_JWT_SECRET, forkBenchServer, Gql, graphqlClient, loginAs, startBenchApi, stopBenchServer } from '../support/bench-api';
import { fmt, LoadAverageWatch, machineLine, percentile } from '../support/bench-stats';
import { cloneDatabase, dropDatabase, recreateDatabase } from '../support/scratch-database';
import { LoadSeed, seedLoad } from './load-seed';

/**
 * Load against the floor: a realistic mix of many users at 50, 100 and 200 concurrent
 * connections (autocannon), p50/p95/p99, throughput and errors (transport, non-2xx, GraphQL
 * `errors`).
 *  - Reads, by coordinators, workshops and partners (organizations, lots, orders, stockLevels,
 *    regionDashboard, ten users per role), against the API (production mode, its own process)
 *    and the floor (bench/api/floor-server.ts: bare Fastify + Mercurius + pg, the same SQL and
 *    HS256 check, its own process) in interleaved rounds (API, floor, floor, API) on one database.
 *  - Writes, against the API only (the floor answers reads): declareDonation, claimLot,
 *    receiveLot (intake of 3 laptops), submitOrder, in turn on every connection; each round on a
 *    fresh copy of the seed (CREATE DATABASE … TEMPLATE) and a fresh API process, so no round
 *    inherits another's rows, queues or caches.
 *
 *   npm run bench:load   (seeds postgres://…/reuse_bench_load_seed, copies it to reuse_bench_load for
 *                         the reads and reuse_bench_load_writes per write round; all dropped at the end)
 *   BENCH_SECONDS=5      length of one measured round
 *   BENCH_CONNECTIONS=50,100,200
 *   BENCH_DATABASE_URL, REDIS_URL (default db 12)
 *
 * Goal: on the read mix ≥ 0.7× the floor's throughput, API p95 < 100 ms at 100 connections, 0 errors.
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/reuse_bench_load';
const SEED_URL = DATABASE_URL.replace(/\/([^/]*)$/, '/$1_seed');
const WRITES_URL = DATABASE_URL.replace(/\/([^/]*)$/, '/$1_writes');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/12';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '50,100,200').split(',').map(Number);
const GOAL = { ratio: 0.7, p95Ms: 100, atConnections: 100 };

/** how often each read comes in the mix: workshops and partners look at their lists more than the coordinator at the region */
const READ_WEIGHTS: Record<string, number> = { organizations: 2, lots: 3, orders: 3, stockLevels: 1, regionDashboard: 1 };

async function serve(databaseUrl: string): Promise<void> {
  const api = await startBenchApi(databaseUrl, REDIS_URL);
  process.once('message', () => void api.app.close().then(() => process.exit(0)));
  process.send!(api.url);
}

type Tokens = Record<Role, string[]>;

async function tokensOf(gql: Gql, seed: LoadSeed): Promise<Tokens> {
  const tokens = {} as Tokens;
  for (const [role, emails] of Object.entries(seed.emails) as Array<[Role, string[]]>) tokens[role] = await Promise.all(emails.map((e) => loginAs(gql, e)));
  return tokens;
}

/** each user of a role in turn */
function rotate(tokens: string[]): () => string {
  let i = 0;
  return () => tokens[i++ % tokens.length]!;
}

function readMix(seed: LoadSeed, tokens: Tokens): MixRequest[] {
  const mix: MixRequest[] = [];
  for (const op of OPERATIONS.filter((o) => o.kind === 'read')) {
    const body = JSON.stringify({ query: op.query, variables: op.variables({ regionId: seed.regionId }) });
    const token = rotate(tokens[op.as]);
    for (let i = 0; i < (READ_WEIGHTS[op.name] ?? 1); i++) mix.push({ name: op.name, next: () => ({ body, token: token() }) });
  }
  // spread so that a connection's consecutive requests are of different kinds
  return mix
    .map((request, i) => ({ request, key: (i * 7) % mix.length }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.request);
}

/** A fresh write mix: every claim and intake takes a lot of its own (the lots of the seed, in order). */
function writeMix(seed: LoadSeed, tokens: Tokens, round: string): MixRequest[] {
  const declare = OPERATIONS.find((o) => o.name === 'declareDonation')!;
  const donor = rotate(tokens.donor);
  const partner = rotate(tokens.partner);
  let claims = 0;
  let intakes = 0;
  let orders = 0;
  const gqlBody = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  return [
    { name: 'declareDonation', next: () => ({ body: gqlBody(declare.query, declare.variables({ regionId: seed.regionId })), token: donor() }) },
    {
      name: 'claimLot',
      next: () => {
        const lot = seed.offered[claims++];
        return lot && { body: gqlBody(`mutation($id: ID!) { claimLot(lotId: $id) { id status } }`, { id: lot.lotId }), token: tokens.refurbisher[lot.user]! };
      },
    },
    {
      name: 'receiveLot',
      next: () => {
        const lot = seed.collected[intakes++];
        const devices = [1, 2, 3].map((k) => ({
          serialNumber: `LD${round}-${intakes}-${k}`,
          category: 'LAPTOP',
          specs: { ramGb: 8, storageGb: 256, ssd: true },
        }));
        return (
          lot && {
            body: gqlBody(`mutation($input: ReceiveLotInput!) { receiveLot(input: $input) { id status } }`, { input: { lotId: lot.lotId, devices } }),
            token: tokens.refurbisher[lot.user]!,
          }
        );
      },
    },
    {
      name: 'submitOrder',
      next: () => {
        orders++;
        const lines = [{ category: orders % 3 ? 'LAPTOP' : 'DESKTOP', quantity: 1 + (orders % 3), profile: 'PUPIL' }];
        return { body: gqlBody(`mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status } }`, { input: { lines } }), token: partner() };
      },
    },
  ];
}

interface Stat {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  samples: string[];
}
function summarize(rounds: MixResult[]): Stat {
  const latencies = rounds.flatMap((r) => r.latencies);
  return {
    rps: rounds.reduce((s, r) => s + r.requests, 0) / rounds.reduce((s, r) => s + r.seconds, 0),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: rounds.reduce((s, r) => s + r.errors, 0),
    samples: rounds.flatMap((r) => r.errorSamples).slice(0, 3),
  };
}
const latencyCell = (s: Stat) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)}`;

/** Each read answered the same by both (the first user of its role), or the comparison means nothing. */
async function sameAnswers(api: Gql, floor: Gql, seed: LoadSeed, tokens: Tokens): Promise<void> {
  for (const op of OPERATIONS.filter((o) => o.kind === 'read')) {
    const variables = op.variables({ regionId: seed.regionId });
    const a = JSON.stringify(await api(op.query, variables, tokens[op.as][0]));
    const f = JSON.stringify(await floor(op.query, variables, tokens[op.as][0]));
    if (a !== f) throw new Error(`${op.name}: the API and the floor answer differently:\nAPI   ${a.slice(0, 400)}\nfloor ${f.slice(0, 400)}`);
  }
}

async function reads(seed: LoadSeed): Promise<{ lines: string[]; ok: boolean }> {
  const api = await forkBenchServer(__filename, ['serve', DATABASE_URL]);
  const floor = await forkBenchServer(join(__dirname, '../api/floor-server.ts'), [], { BENCH_DATABASE_URL: DATABASE_URL, BENCH_JWT_SECRET });
  const lines: string[] = [];
  let ok = true;
  try {
    const tokens = await tokensOf(graphqlClient(api.url), seed);
    await sameAnswers(graphqlClient(api.url), graphqlClient(floor.url), seed, tokens);
    const mix = readMix(seed, tokens);
    for (const connections of CONNECTIONS) {
      const load = new LoadAverageWatch();
      await runMix(api.url, mix, connections, 1);
      await runMix(floor.url, mix, connections, 1);
      const apiRounds = [await runMix(api.url, mix, connections, SECONDS)];
      const floorRounds = [await runMix(floor.url, mix, connections, SECONDS), await runMix(floor.url, mix, connections, SECONDS)];
      apiRounds.push(await runMix(api.url, mix, connections, SECONDS));
      const a = summarize(apiRounds);
      const f = summarize(floorRounds);
      const ratio = a.rps / f.rps;
      const met = ratio >= GOAL.ratio && a.errors === 0 && f.errors === 0 && (connections !== GOAL.atConnections || a.p95 < GOAL.p95Ms);
      ok &&= met;
      const line = `| reads | ${connections} | ${fmt(a.rps, 0)} | ${latencyCell(a)} | ${a.errors} | ${fmt(f.rps, 0)} | ${latencyCell(f)} | ${f.errors} | **${fmt(ratio, 2)}×** | ${load.stop()} | ${met ? 'yes' : 'NO'} |`;
      console.log(line);
      for (const sample of [...a.samples, ...f.samples]) console.log(`    error: ${sample}`);
      lines.push(line);
    }
  } finally {
    await stopBenchServer(api.child);
    await stopBenchServer(floor.child);
  }
  return { lines, ok };
}

async function writes(seed: LoadSeed): Promise<{ lines: string[]; ok: boolean }> {
  const lines: string[] = [];
  let ok = true;
  for (const connections of CONNECTIONS) {
    await cloneDatabase(SEED_URL, WRITES_URL);
    let child: ChildProcess | undefined;
    try {
      const api = await forkBenchServer(__filename, ['serve', WRITES_URL]);
      child = api.child;
      const tokens = await tokensOf(graphqlClient(api.url), seed);
      const load = new LoadAverageWatch();
      const mix = writeMix(seed, tokens, String(connections));
      const result = await runMix(api.url, mix, connections, SECONDS);
      const s = summarize([result]);
      const counts = Object.entries(result.byName)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
      ok &&= s.errors === 0;
      const line = `| writes (${counts}) | ${connections} | ${fmt(s.rps, 0)} | ${latencyCell(s)} | ${s.errors} | – | – | – | – | ${load.stop()} | ${s.errors === 0 ? 'yes' : 'NO'} |`;
      console.log(line);
      for (const sample of s.samples) console.log(`    error: ${sample}`);
      lines.push(line);
    } finally {
      if (child) await stopBenchServer(child);
    }
  }
  return { lines, ok };
}

async function main(): Promise<void> {
  console.log(`Load bench — ${machineLine()}, ${SECONDS} s rounds`);
  const whole = new LoadAverageWatch();
  await recreateDatabase(SEED_URL);
  const seeding = await startBenchApi(SEED_URL, REDIS_URL);
  let seed: LoadSeed;
  try {
    const gql = graphqlClient(seeding.url);
    seed = await seedLoad(seeding.app, gql, await loginAs(gql, BENCH_ADMIN.email));
  } finally {
    await seeding.app.close();
  }
  console.log(`seeded: ${seed.offered.length} lots to claim, ${seed.collected.length} to receive, ten users per role`);
  const header = [
    `| mix | connections | API req/s | API p50 / p95 / p99 ms | API errors | floor req/s | floor p50 / p95 / p99 ms | floor errors | API / floor | load average | goal met |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|`,
  ];
  console.log(header.join('\n'));
  try {
    await cloneDatabase(SEED_URL, DATABASE_URL);
    const r = await reads(seed);
    const w = await writes(seed);
    console.log(`\n${[...header, ...r.lines, ...w.lines].join('\n')}\n`);
    console.log(`load average during the run: ${whole.stop()}`);
    console.log(
      `Goal — read mix ≥ ${GOAL.ratio}× the floor, API p95 < ${GOAL.p95Ms} ms at ${GOAL.atConnections} connections, 0 errors: ${r.ok ? 'met' : 'NOT met'}; writes without errors: ${w.ok ? 'yes' : 'NO'}`,
    );
    process.exitCode = r.ok && w.ok ? 0 : 1;
  } finally {
    for (const url of [DATABASE_URL, WRITES_URL, SEED_URL]) await dropDatabase(url);
  }
}

(process.argv[2] === 'serve' ? serve(process.argv[3]!) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
