import '../support/production-env';
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RegionFlowRebuild } from '@app/reporting';
import { ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BENCH_ADMIN, BENCH_JWT_SECRET, forkBenchServer, startBenchApi } from '../support/bench-api';
import { recreateDatabase } from '../support/scratch-database';
import { OPERATIONS, Role } from './operations';
import { seedSmallRegion } from './seed';

/**
 * The per-request cost of the API against a floor: the same GraphQL operations answered by the
 * API (production mode, its own process: JWT guard, authorization, validation, TypeORM) and by
 * bench/api/floor-server.ts (Fastify + Mercurius + pg and nothing else: the same SQL, the same
 * HS256 check, its own process), both on one database, driven by autocannon in interleaved
 * rounds (API, floor, floor, API: a drifting machine hurts neither) at 1, 10 and 50 connections.
 *
 *   npm run bench:api         (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/reuse_bench_api,
 *                              is dropped and recreated; REDIS_URL as the app's, default db 13)
 *   BENCH_SECONDS=3           length of one round
 *   BENCH_ONLY=organizations  only the named operations (comma-separated)
 *   BENCH_CAPTURE=1           the API process prints every SQL text it sends (to keep the floor's SQL the API's)
 *   BENCH_CPU_PROF=dir        the API process writes a V8 CPU profile there
 *   BENCH_PROFILE_FLOOR=1     with BENCH_CPU_PROF, the floor's process too (to compare where each spends)
 *   BENCH_FLOOR_PREPARED=1    the floor sends its reads as named (prepared) statements, as the API sends its
 *                             kept ones: what is left is the cost of the API's layers alone
 *
 * Goal: ≥ 0.7× the floor's req/s on every read, ≥ 0.6× on writes, p95 < 50 ms at 10 connections, 0 errors.
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/reuse_bench_api';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = [1, 10, 50];
const ROUNDS = 2;

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

const startApi = () => startBenchApi(DATABASE_URL, REDIS_URL);

/** A server in a process of its own (the API, or the floor), which sends its URL once listening. */
const forkServer = (file: string, args: string[], profile: boolean) =>
  forkBenchServer(file, args, { RATE_LIMIT_PER_MINUTE: '0', BENCH_DATABASE_URL: DATABASE_URL, BENCH_JWT_SECRET }, profile);

async function serve(): Promise<void> {
  if (process.env.BENCH_CAPTURE === '1') {
    // every statement the API sends, as pg receives it
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      console.log(`SQL ${(typeof q === 'string' ? q : (q?.text ?? '')).replace(/\s+/g, ' ')}`);
      return query.apply(this, args);
    };
  }
  const { app, url } = await startApi();
  process.once('message', () => void app.close().then(() => process.exit(0)));
  process.send!(url);
}

async function gqlOnce(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

/** Seeds through the API where the domain has rules (region, users), in bulk SQL for the rest; returns the region and the four callers' emails. */
async function seed(app: NestFastifyApplication, url: string): Promise<string> {
  const gql = (q: string, v: Record<string, unknown>, t?: string) => gqlOnce(url, q, v, t);
  const login = async (email: string) =>
    (await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: BENCH_ADMIN.password })).login
      .accessToken as string;
  const adminToken = await login(BENCH_ADMIN.email);
  const regionId = (await gql(`mutation { createRegion(input: { code: "BAP", name: "Bench API" }) { id } }`, {}, adminToken)).createRegion.id as string;
  const coordinatorOrg = (
    await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      {
        input: {
          kind: 'COORDINATOR',
          name: 'Coordination Bench',
          regionId,
          address: { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
        },
      },
      adminToken,
    )
  ).createOrganization.id as string;
  const dataSource = app.get(DataSource);
  const started = Date.now();
  const seeded = await seedSmallRegion(dataSource, regionId);
  const first = async (kind: string, name: string) =>
    (
      (await dataSource.query(`SELECT id FROM organization WHERE region_id = $1 AND kind = $2 AND name = $3`, [regionId, kind, name])) as Array<{ id: string }>
    )[0]!.id;
  const users: Array<[Role, string, string]> = [
    ['coordinator', 'COORDINATOR', coordinatorOrg],
    ['refurbisher', 'REFURBISHER', await first('REFURBISHER', 'Atelier 1')],
    ['partner', 'PARTNER', await first('PARTNER', 'CCAS 1')],
    ['donor', 'DONOR', await first('DONOR', 'Entreprise 1')],
  ];
  for (const [who, role, organizationId] of users) {
    await gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: `${who}@bench-api.test`, password: BENCH_ADMIN.password, role, organizationId } },
      adminToken,
    );
  }
  await app.get(RegionFlowRebuild).correct(regionId);
  await dataSource.query('VACUUM ANALYZE');
  console.log(
    `seeded in ${fmt((Date.now() - started) / 1000)} s: ${seeded.devices.toLocaleString('en-US')} devices, ${seeded.donations.toLocaleString('en-US')} donations, ${seeded.orders.toLocaleString('en-US')} orders`,
  );
  return regionId;
}

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type AutocannonInstance = Promise<AutocannonResult> & { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;

interface Round {
  requests: number;
  seconds: number;
  errors: number;
  latencies: number[];
}

/** One autocannon round; errors are transport errors, non-2xx answers and GraphQL `errors`. */
async function round(url: string, token: string, payload: string, connections: number, seconds: number): Promise<Round> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: payload,
    requests: [
      {
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await instance;
  return { requests: result.requests.total, seconds: result.duration, errors: result.errors + result.timeouts + result.non2xx + graphqlErrors, latencies };
}

interface Stat {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}
function summarize(rounds: Round[]): Stat {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = rounds.reduce((s, r) => s + r.requests, 0);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  return {
    rps: requests / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: rounds.reduce((s, r) => s + r.errors, 0),
  };
}

async function main(): Promise<void> {
  const header = `API per-request cost bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? ''}, floor reads ${
    process.env.BENCH_FLOOR_PREPARED === '1' ? 'prepared' : 'unnamed (plain pg)'
  }`;
  console.log(header);
  await recreateDatabase(DATABASE_URL);
  const seeding = await startApi();
  let regionId: string;
  try {
    regionId = await seed(seeding.app, seeding.url);
  } finally {
    await seeding.app.close();
  }

  const children: ChildProcess[] = [];
  try {
    const api = await forkServer(__filename, ['serve'], true);
    children.push(api.child);

    const tokens = {} as Record<Role, string>;
    for (const who of ['coordinator', 'refurbisher', 'partner', 'donor'] as Role[]) {
      tokens[who] = (
        await gqlOnce(api.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
          e: `${who}@bench-api.test`,
          p: BENCH_ADMIN.password,
        })
      ).login.accessToken as string;
    }

    const only = process.env.BENCH_ONLY?.split(',');
    if (process.env.BENCH_CAPTURE === '1') {
      // each operation once (twice: the second is the steady state), its SQL printed by the API process
      for (const op of OPERATIONS.filter((o) => !only || only.includes(o.name))) {
        for (const pass of [1, 2]) {
          console.log(`--- ${op.name} (${pass})`);
          await gqlOnce(api.url, op.query, op.variables({ regionId }), tokens[op.as]);
          await new Promise((done) => setTimeout(done, 200));
        }
      }
      return;
    }
    const floor = await forkServer(join(__dirname, 'floor-server.ts'), [], process.env.BENCH_PROFILE_FLOOR === '1');
    children.push(floor.child);
    const lines: string[] = [];
    let ok = true;
    for (const op of OPERATIONS.filter((o) => !only || only.includes(o.name))) {
      const variables = op.variables({ regionId });
      const payload = JSON.stringify({ query: op.query, variables });
      const token = tokens[op.as];
      // both must answer the same (writes: the same shape), or the comparison means nothing
      const a = await gqlOnce(api.url, op.query, variables, token);
      const f = await gqlOnce(floor.url, op.query, variables, token);
      const same =
        op.kind === 'read' ? JSON.stringify(a) === JSON.stringify(f) : JSON.stringify(Object.keys(a[op.name])) === JSON.stringify(Object.keys(f[op.name]));
      if (!same)
        throw new Error(
          `${op.name}: the API and the floor answer differently:\nAPI   ${JSON.stringify(a).slice(0, 600)}\nfloor ${JSON.stringify(f).slice(0, 600)}`,
        );
      for (const connections of CONNECTIONS) {
        await round(api.url, token, payload, connections, 1);
        await round(floor.url, token, payload, connections, 1);
        const apiRounds: Round[] = [];
        const floorRounds: Round[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          if (i % 2 === 0) {
            apiRounds.push(await round(api.url, token, payload, connections, SECONDS));
            floorRounds.push(await round(floor.url, token, payload, connections, SECONDS));
          } else {
            floorRounds.push(await round(floor.url, token, payload, connections, SECONDS));
            apiRounds.push(await round(api.url, token, payload, connections, SECONDS));
          }
        }
        const s = summarize(apiRounds);
        const fl = summarize(floorRounds);
        const ratio = s.rps / fl.rps;
        const goal = op.kind === 'read' ? 0.7 : 0.6;
        const met = ratio >= goal && s.errors === 0 && fl.errors === 0 && (connections !== 10 || s.p95 < 50);
        ok &&= met;
        const line = `| ${op.name} | ${op.kind} | ${connections} | ${fmt(s.rps, 0)} | ${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)} | ${s.errors} | ${fmt(fl.rps, 0)} | ${fmt(fl.p50)} / ${fmt(fl.p95)} / ${fmt(fl.p99)} | ${fl.errors} | **${fmt(ratio, 2)}×** | ${met ? 'yes' : 'NO'} |`;
        console.log(line);
        lines.push(line);
      }
    }
    const table = [
      `| operation | kind | connections | API req/s | API p50 / p95 / p99 ms | API errors | floor req/s | floor p50 / p95 / p99 ms | floor errors | API / floor | goal met |`,
      `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|`,
      ...lines,
    ].join('\n');
    console.log('');
    console.log(table);
    console.log('');
    console.log(`Goal — ≥ 0.7× the floor on reads, ≥ 0.6× on writes, p95 < 50 ms at 10 connections, 0 errors: ${ok ? 'met' : 'NOT met'}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const child of children) await new Promise((done) => child.once('exit', done).send('stop'));
  }
}

(process.argv[2] === 'serve' ? serve() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
