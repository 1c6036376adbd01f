import '../support/production-env';
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, fork } from 'node:child_process';
import { Agent } from 'node:http';
import { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { postGraphQL } from '../support/graphql-post';
import { recreateDatabase } from '../support/scratch-database';

/**
 * Per-request CPU of the API on its hottest read: `{ organizations { id name kind } }` as a
 * coordinator of a region of a few dozen organizations, through the whole production request path
 * (Fastify hooks, logging, JWT, guard, Mercurius, TypeORM, pg).
 *
 *   npm run bench:request-path   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/reuse_bench_request_path,
 *                                 is dropped and recreated; REDIS_URL as the app's)
 *   BENCH_REQUESTS=2000          requests per round (5 rounds after 2,000 to warm up; the median is kept)
 *   BENCH_CPU_PROF=dir           the API process writes a V8 CPU profile there
 *
 * The API runs in a child process of its own (production mode, the same configuration as the
 * tests but for the request limit, off so that one client may send thousands of requests); this
 * process is its only client, on one kept-alive node:http connection, one request at a time. The
 * child reports process.cpuUsage() before and after each round: the figure is the API's user +
 * system CPU per request, whatever the machine's other load does to wall time.
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/reuse_bench_request_path';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const ROUNDS = 5;
const WARMUP = 2000;
const ORGANIZATIONS = 40;
const ADMIN = { email: 'bench-admin@reuse.test', password: 'bench-password-0123' };
const COORDINATOR = 'coordination@bench.test';
const QUERY = JSON.stringify({ query: '{ organizations { id name kind } }' });

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function startApi(): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createApiApplication({
    withWorker: false,
    config: {
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      jwtSecret: 'bench-secret-bench-secret-bench-secret-0123',
      seedDemo: false,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      logLevel: 'info',
      rateLimitPerMinute: 0,
    },
  });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql` };
}

type CpuReport = { user: number; system: number };

/** The API in a process of its own; it answers 'cpu' with its process.cpuUsage(). */
function forkApi(): Promise<{ child: ChildProcess; url: string; cpu: () => Promise<CpuReport> }> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const child = fork(__filename, ['serve'], { execArgv: [...profile, '-r', 'ts-node/register', '-r', 'tsconfig-paths/register'] });
    const cpu = () =>
      new Promise<CpuReport>((done) => {
        child.once('message', (m) => done(m as CpuReport));
        child.send('cpu');
      });
    child.once('message', (url) => resolve({ child, url: String(url), cpu }));
    child.once('exit', (code) => reject(new Error(`the API process exited (${code})`)));
  });
}

async function serve(): Promise<void> {
  const { app, url } = await startApi();
  process.on('message', (m) => {
    if (m === 'cpu') process.send!(process.cpuUsage());
    else void app.close().then(() => process.exit(0));
  });
  process.send!(url);
}

async function seed(
  gql: (query: string, variables: Record<string, unknown>, token?: string) => Promise<Record<string, any>>,
  adminToken: string,
): Promise<void> {
  const region = (await gql(`mutation { createRegion(input: { code: "BEN", name: "Bench" }) { id } }`, {}, adminToken)).createRegion.id as string;
  const create = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
  const address = { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } };
  const coordinatorOrg = (await gql(create, { input: { kind: 'COORDINATOR', name: 'Coordination Bench', regionId: region, address } }, adminToken))
    .createOrganization.id;
  await gql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email: COORDINATOR, password: ADMIN.password, role: 'COORDINATOR', organizationId: coordinatorOrg } },
    adminToken,
  );
  const kinds = ['DONOR', 'REFURBISHER', 'PARTNER'] as const;
  for (let i = 1; i < ORGANIZATIONS; i++) {
    const kind = kinds[i % kinds.length]!;
    const input = {
      kind,
      name: `${kind[0]}${kind.slice(1).toLowerCase()} ${String(i).padStart(2, '0')}`,
      regionId: region,
      address,
      ...(kind === 'REFURBISHER' ? { serviceRadiusKm: 80 } : {}),
    };
    await gql(create, { input }, adminToken);
  }
}

async function main(): Promise<void> {
  console.log(
    `Request path bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await recreateDatabase(DATABASE_URL);
  const seeder = await startApi();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let url = seeder.url;
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const body = JSON.parse(await postGraphQL(url, agent, JSON.stringify({ query, variables }), token)) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const login = async (email: string) =>
    (await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: ADMIN.password })).login
      .accessToken as string;
  await seed(gql, await login(ADMIN.email));
  const token = await login(COORDINATOR);
  await seeder.app.close();
  agent.destroy();

  const api = await forkApi();
  url = api.url;
  const client = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = JSON.parse(await postGraphQL(url, client, QUERY, token)) as { data?: { organizations: unknown[] }; errors?: unknown[] };
    if (first.errors || first.data?.organizations.length !== ORGANIZATIONS) throw new Error(`unexpected answer: ${JSON.stringify(first).slice(0, 300)}`);
    for (let i = 0; i < WARMUP; i++) await postGraphQL(url, client, QUERY, token);
    const perRequest: number[] = [];
    const wall: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = await api.cpu();
      const started = process.hrtime.bigint();
      for (let i = 0; i < REQUESTS; i++) await postGraphQL(url, client, QUERY, token);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e3;
      const after = await api.cpu();
      perRequest.push((after.user - before.user + after.system - before.system) / REQUESTS);
      wall.push(elapsed / REQUESTS);
    }
    console.log(
      `{ organizations { id name kind } } as a coordinator, ${ORGANIZATIONS} organizations, ${ROUNDS} rounds of ${REQUESTS} requests on one connection`,
    );
    console.log(
      `API CPU per request: ${fmt(median(perRequest))} µs (rounds: ${perRequest.map((v) => fmt(v)).join(', ')}); wall per request ${fmt(median(wall))} µs`,
    );
  } finally {
    client.destroy();
    api.child.send('close');
    await new Promise((done) => api.child.once('exit', done));
  }
}

if (process.argv[2] === 'serve') void serve();
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
