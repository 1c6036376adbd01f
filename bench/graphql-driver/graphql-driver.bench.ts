/**
 * GraphQL driver benchmark: Fastify + Mercurius against Express + Apollo Server 5, both behind
 * NestJS 11 with the same code-first resolver and object types, on one listing query.
 *
 *   npm run bench:graphql
 *
 * Each server runs in its own child process (this file, forked with the driver name as argument):
 * autocannon in the parent would otherwise share one event loop with the server it measures.
 * No database: the resolver returns in-memory objects, so the figure is the driver's cost
 * (HTTP, parsing, execution, serialisation), not PostgreSQL's.
 */
import 'reflect-metadata';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Field, Float, GraphQLModule, ID, Int, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ChildProcess, fork } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';

// ---------------------------------------------------------------------------------------------
// Schema, shaped like our organization listing (see libs/network), defined here so that the
// benchmark loads neither TypeORM nor the domain.

enum OrganizationKind {
  DONOR = 'DONOR',
  REFURBISHER = 'REFURBISHER',
  PARTNER = 'PARTNER',
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

enum DeviceCategory {
  LAPTOP = 'LAPTOP',
  DESKTOP = 'DESKTOP',
  MONITOR = 'MONITOR',
  TABLET = 'TABLET',
  SMARTPHONE = 'SMARTPHONE',
}
registerEnumType(DeviceCategory, { name: 'DeviceCategory' });

@ObjectType()
class GeoPoint {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lon!: number;
}

@ObjectType()
class Address {
  @Field(() => String, { nullable: true }) street!: string | null;
  @Field() postalCode!: string;
  @Field() city!: string;
  @Field(() => GeoPoint) location!: GeoPoint;
}

@ObjectType()
class CategoryCapacity {
  @Field(() => DeviceCategory) category!: DeviceCategory;
  @Field(() => Int) weeklyCapacity!: number;
  @Field(() => Int) load!: number;
}

@ObjectType()
class Organization {
  @Field(() => ID) id!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) siret!: string | null;
  @Field(() => Address) address!: Address;
  @Field(() => Float, { nullable: true }) serviceRadiusKm!: number | null;
}

const ORGANIZATION_COUNT = 50;
const KINDS = Object.values(OrganizationKind);
const CATEGORIES = Object.values(DeviceCategory);

// Deterministic data (no Math.random) so both servers answer byte-for-byte the same thing.
const ORGANIZATIONS: Organization[] = Array.from({ length: ORGANIZATION_COUNT }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  kind: KINDS[i % KINDS.length],
  name: `Organization ${i}`,
  siret: i % 3 === 0 ? null : String(73282932000074 + i * 97),
  address: {
    street: `${i + 1} rue de la République`,
    postalCode: String(69001 + (i % 9)),
    city: ['Lyon', 'Villeurbanne', 'Vénissieux', 'Bron', 'Caluire-et-Cuire'][i % 5],
    location: { lat: 45.75 + i * 0.001, lon: 4.85 - i * 0.001 },
  },
  serviceRadiusKm: i % 2 === 0 ? 25 + i : null,
}));

const CAPACITIES = new Map<string, CategoryCapacity[]>(
  ORGANIZATIONS.map((org, i) => [
    org.id,
    CATEGORIES.slice(0, 1 + (i % 4)).map((category, c) => ({ category, weeklyCapacity: 10 * (c + 1), load: (i + c) % 7 })),
  ]),
);

// capacities is a field resolver, as the relation is in the real API: it makes both drivers go
// through Nest's per-field resolver wrapping, which a plain object graph would skip.
@Resolver(() => Organization)
class OrganizationResolver {
  @Query(() => [Organization])
  organizations(): Organization[] {
    return ORGANIZATIONS;
  }

  @ResolveField(() => [CategoryCapacity])
  capacities(@Parent() organization: Organization): CategoryCapacity[] {
    return CAPACITIES.get(organization.id) ?? [];
  }
}

type DriverName = 'mercurius' | 'apollo';

@Module({})
class BenchModule {
  static forDriver(driver: DriverName): DynamicModule {
    // Each driver with Nest's defaults, as we would ship it: both cache parsed and validated
    // documents (Mercurius `cache`, Apollo's document store), neither caches responses.
    const graphql =
      driver === 'mercurius'
        ? GraphQLModule.forRoot<MercuriusDriverConfig>({ driver: MercuriusDriver, autoSchemaFile: true, graphiql: false })
        : GraphQLModule.forRoot<ApolloDriverConfig>({
            driver: ApolloDriver,
            autoSchemaFile: true,
            // no landing page (Nest installs the Playground one outside production)
            playground: false,
            // Mercurius always allows introspection; in production Apollo would add a rule
            // forbidding it. Same on both sides (and validation is cached anyway).
            introspection: true,
          });
    return { module: BenchModule, imports: [graphql], providers: [OrganizationResolver] };
  }
}

// ---------------------------------------------------------------------------------------------
// Child: one server.

async function serve(driver: DriverName): Promise<void> {
  const module = BenchModule.forDriver(driver);
  const app: INestApplication =
    driver === 'mercurius' ? await NestFactory.create(module, new FastifyAdapter(), { logger: false }) : await NestFactory.create(module, { logger: false }); // ExpressAdapter is Nest's default
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.send?.({ port });
  process.on('message', async (message: 'cpu' | 'close') => {
    if (message === 'cpu') {
      process.send?.({ cpu: process.cpuUsage() });
    } else {
      await app.close();
      process.exit(0);
    }
  });
  // the parent died: do not outlive it
  process.once('disconnect', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Parent: start both, verify, warm up, load, report.

const QUERY = `query Organizations {
  organizations {
    id kind name siret serviceRadiusKm
    address { street postalCode city location { lat lon } }
    capacities { category weeklyCapacity load }
  }
}`;
const BODY = JSON.stringify({ query: QUERY, operationName: 'Organizations' });

// In the query's field order, which is the order GraphQL answers in.
const EXPECTED = {
  data: {
    organizations: ORGANIZATIONS.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      siret: o.siret,
      serviceRadiusKm: o.serviceRadiusKm,
      address: o.address,
      capacities: CAPACITIES.get(o.id),
    })),
  },
};

const CONNECTIONS = 10;
const WARMUP_SECONDS = 3;
const LOAD_SECONDS = 10;
// ABBA: each driver runs once early and once late, so drift on this 2-core machine
// (thermal, other processes, GC of the parent) weighs on both alike.
const ORDER: DriverName[] = ['mercurius', 'apollo', 'apollo', 'mercurius'];

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}
interface AutocannonOptions {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
  expectBody?: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

interface Server {
  driver: DriverName;
  url: string;
  child: ChildProcess;
  /** the exact body verified once, then required of every response under load */
  body: string;
}

function startServer(driver: DriverName): Promise<Omit<Server, 'body'>> {
  // NODE_ENV=production: measure the servers as they run in production
  const env: NodeJS.ProcessEnv = { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', NODE_ENV: 'production' };
  // would turn on Apollo usage reporting, i.e. network calls during the run
  delete env.APOLLO_KEY;
  delete env.APOLLO_GRAPH_REF;
  const child = fork(__filename, [driver], {
    execArgv: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
    env,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${driver} did not start in 30 s`)), 30_000);
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      resolve({ driver, child, url: `http://127.0.0.1:${message.port}/graphql` });
    });
    child.once('exit', (code) => reject(new Error(`${driver} exited with ${code} before listening`)));
  });
}

async function verify(server: Omit<Server, 'body'>): Promise<Server> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
  const body = await response.text();
  if (response.status !== 200 || !isDeepStrictEqual(JSON.parse(body), EXPECTED)) {
    throw new Error(`${server.driver} answered ${response.status} ${body.slice(0, 300)}`);
  }
  return { ...server, body };
}

/** CPU time the server process has used so far, in ms (user + system). */
function serverCpuMs(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', ({ cpu }: { cpu: NodeJS.CpuUsage }) => resolve((cpu.user + cpu.system) / 1000));
    server.child.send('cpu');
  });
}

interface Round extends AutocannonResult {
  /** server CPU per answered request: much less moved than req/s by other work on the machine */
  cpuMsPerRequest: number;
}

async function measure(server: Server, seconds: number): Promise<Round> {
  const cpuBefore = await serverCpuMs(server);
  const result = await load(server, seconds);
  const cpuMs = (await serverCpuMs(server)) - cpuBefore;
  return { ...result, cpuMsPerRequest: cpuMs / result.requests.total };
}

function load(server: Server, seconds: number): Promise<AutocannonResult> {
  return autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: CONNECTIONS,
    duration: seconds,
    // a response that differs from the verified one counts as a mismatch
    expectBody: server.body,
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
    server.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.child.send('close');
  });
}

const fixed = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

async function main(): Promise<void> {
  const started = Date.now();
  // one at a time: two Nest boots in parallel would only compete for the 2 cores
  const servers = new Map<DriverName, Server>();
  for (const driver of ['mercurius', 'apollo'] as const) servers.set(driver, await verify(await startServer(driver)));
  const mercurius = servers.get('mercurius')!;
  const apollo = servers.get('apollo')!;
  console.log(`verified: both answer ${ORGANIZATION_COUNT} organizations (${mercurius.body.length} / ${apollo.body.length} bytes)`);

  try {
    for (const server of servers.values()) await load(server, WARMUP_SECONDS); // JIT, caches, sockets

    const results: Record<DriverName, Round[]> = { mercurius: [], apollo: [] };
    console.log(`\n${CONNECTIONS} connections, ${LOAD_SECONDS} s per round, order ${ORDER.join(', ')}`);
    console.log('round  driver       req/s   p50 ms   p99 ms  CPU ms/req   errors  non2xx  mismatch');
    for (const [round, driver] of ORDER.entries()) {
      const r = await measure(servers.get(driver)!, LOAD_SECONDS);
      results[driver].push(r);
      console.log(
        `${String(round + 1).padStart(5)}  ${driver.padEnd(10)}${fixed(r.requests.average)} ${fixed(r.latency.p50, 2)} ${fixed(r.latency.p99, 2)} ${fixed(r.cpuMsPerRequest, 3).padStart(11)} ` +
          `${fixed(r.errors + r.timeouts)}${fixed(r.non2xx)}${fixed(r.mismatches, 0).padStart(10)}`,
      );
    }

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const summary = (driver: DriverName) => {
      const rs = results[driver];
      return {
        rps: mean(rs.map((r) => r.requests.average)),
        p50: mean(rs.map((r) => r.latency.p50)),
        p99: mean(rs.map((r) => r.latency.p99)),
        cpu: mean(rs.map((r) => r.cpuMsPerRequest)),
        failures: rs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx + r.mismatches, 0),
      };
    };
    const m = summary('mercurius');
    const a = summary('apollo');
    console.log('\nmean of rounds      req/s   p50 ms   p99 ms  CPU ms/req  failures');
    for (const [name, s] of [
      ['fastify+mercurius', m],
      ['express+apollo', a],
    ] as const) {
      console.log(`${name.padEnd(17)}${fixed(s.rps)} ${fixed(s.p50, 2)} ${fixed(s.p99, 2)} ${fixed(s.cpu, 3).padStart(11)}${fixed(s.failures)}`);
    }
    console.log(`\nthroughput ratio Mercurius / Apollo: ${(m.rps / a.rps).toFixed(2)}x`);
    console.log(`server CPU per request ratio Apollo / Mercurius: ${(a.cpu / m.cpu).toFixed(2)}x`);
    // other work on the machine lowers both absolute figures; the ABBA ratio is what to compare
    console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s, ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}`);
    if (m.failures + a.failures > 0) process.exitCode = 1; // a figure with failures is no figure
  } finally {
    await Promise.all([...servers.values()].map(stopServer));
  }
}

const role = process.argv[2];
if (role === 'mercurius' || role === 'apollo') {
  void serve(role);
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
