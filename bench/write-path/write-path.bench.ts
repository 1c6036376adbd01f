import '../support/production-env';
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthService, User } from '@app/auth';
import { DeviceCategory, Role, withSiretCheckDigit } from '@app/common';
import { DonationService, LotOfferService } from '@app/donations';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { createApiApplication } from '../../apps/api/src/bootstrap';
import { recreateDatabase } from '../support/scratch-database';
import { BenchDeclaration, useCommandsBefore } from './commands-before';

/**
 * Write path bench: `declareDonation` and `claimLot` through GraphQL (Fastify inject: JWT,
 * guards, Mercurius, the command, its transaction), N of each per round, the current commands
 * and the baseline (commands-before.ts: the same commands before they answered from what they
 * wrote) in alternating rounds in one process on one database. Per mutation: SQL round trips
 * (every query through TypeORM's PostgreSQL query runner, BEGIN and COMMIT included),
 * process.cpuUsage (user + system; the in-process client's share is the same for both) and wall time.
 *
 *   npm run bench:write-path   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/reuse_bench_write_path,
 *                              is dropped and recreated; REDIS_URL as the app's; BENCH_N mutations per round, default 200)
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/reuse_bench_write_path';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/14';
const N = Number(process.env.BENCH_N ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const WARMUP = 50;

const DECLARE = `mutation($input: DeclareDonationInput!) { declareDonation(input: $input) { id reference status quantity } }`;
const CLAIM = `mutation($lotId: ID!) { claimLot(lotId: $lotId) { id status } }`;

const fmt = (n: number, digits = 2): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};
const median = (values: readonly number[]): number => percentile(values, 0.5);

interface Seeded {
  regionId: string;
  refurbisherId: string;
  donorToken: string;
  refurbisherToken: string;
}

/** One region, a donor and a refurbisher with a user each; tokens as login would issue them. */
async function seed(app: NestFastifyApplication): Promise<Seeded> {
  const db = app.get(DataSource);
  const [region] = await db.query(`INSERT INTO region (code, name) VALUES ('BWP', 'Bench write path') RETURNING id`);
  const org = async (kind: string, n: number): Promise<string> => {
    const [row] = await db.query(
      `INSERT INTO organization (kind, name, siret, region_id, address_postal_code, address_city, address_location_lat, address_location_lon, service_radius_km)
       VALUES ($1, $2, $3, $4, '69002', 'Lyon', 45.75, 4.83, 200) RETURNING id`,
      [kind, `Bench ${kind}`, withSiretCheckDigit(`8${String(n).padStart(12, '0')}`), region.id],
    );
    return row.id as string;
  };
  const user = async (email: string, role: Role, organizationId: string): Promise<string> => {
    const [row] = await db.query(`INSERT INTO "user" (email, password_hash, role, organization_id) VALUES ($1, 'x', $2, $3) RETURNING id`, [
      email,
      role,
      organizationId,
    ]);
    return app.get(AuthService).issueToken({ id: row.id as string, role } as User);
  };
  const donorId = await org('DONOR', 1);
  const refurbisherId = await org('REFURBISHER', 2);
  return {
    regionId: region.id as string,
    refurbisherId,
    donorToken: await user('donor@bench.test', Role.DONOR, donorId),
    refurbisherToken: await user('refurbisher@bench.test', Role.REFURBISHER, refurbisherId),
  };
}

/** Offers of `donationIds` to the refurbisher, as routing would leave them (in SQL: routing is not what is measured). */
async function offerLots(db: DataSource, seeded: Seeded, donationIds: string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO lot (reference, donation_id, refurbisher_id, region_id, status, quantity, distance_km, offer_expires_at)
     SELECT 'LOT-B-' || nextval('lot_reference_seq'), d.id, $2, $3, 'OFFERED', 3, 1.5, now() + interval '2 days'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS d(id, n) ORDER BY d.n
     RETURNING id`,
    [donationIds, seeded.refurbisherId, seeded.regionId],
  );
  return rows.map((r) => r.id);
}

interface Sample {
  cpuMs: number;
  wallMs: number;
  roundTrips: number;
}

async function main(): Promise<void> {
  console.log(
    `Write path bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, NODE_ENV=${process.env.NODE_ENV}`,
  );
  await recreateDatabase(DATABASE_URL);
  const app: NestFastifyApplication = await createApiApplication({
    withWorker: false,
    config: {
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      queuePrefix: 'bench-write-path',
      jwtSecret: 'bench-secret-bench-secret-bench-secret-0123',
      seedDemo: false,
      adminEmail: null,
      adminPassword: null,
      logLevel: 'warn',
      rateLimitPerMinute: 0,
      // the relay stays out of the measured rounds: its rows wait in the outbox
      outboxPollMs: 3_600_000,
    },
  });
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const db = app.get(DataSource);
  const seeded = await seed(app);

  let roundTrips = 0;
  const runner = db.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  await runner.release();
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    roundTrips += 1;
    return query.apply(this, args);
  };

  const call = async (source: string, variables: Record<string, unknown>, token: string): Promise<{ data: Record<string, any>; sample: Sample }> => {
    const before = roundTrips;
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const res = await fastify.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query: source, variables }),
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    const body = JSON.parse(res.body) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return { data: body.data, sample: { cpuMs: (used.user + used.system) / 1000, wallMs, roundTrips: roundTrips - before } };
  };

  let n = 0;
  const declaration = (): BenchDeclaration => ({
    pickupAddress: { street: '10 quai Perrache', postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
    availableFrom: new Date('2026-12-01T08:00:00.000Z'),
    lines: [
      { category: DeviceCategory.LAPTOP, quantity: 1 + (++n % 7), brand: 'Dell', model: 'Latitude 5490', year: 2019, dataBearing: true },
      { category: DeviceCategory.MONITOR, quantity: 2, dataBearing: false },
      { category: DeviceCategory.SMARTPHONE, quantity: 1, dataBearing: true },
    ],
  });

  /** N declarations, then a lot offered on each and N claims: the samples of both. */
  const round = async (count: number): Promise<{ declare: Sample[]; claim: Sample[] }> => {
    const declare: Sample[] = [];
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { data, sample } = await call(DECLARE, { input: declaration() }, seeded.donorToken);
      ids.push(data.declareDonation.id);
      declare.push(sample);
    }
    const claim: Sample[] = [];
    for (const lotId of await offerLots(db, seeded, ids)) {
      const { data, sample } = await call(CLAIM, { lotId }, seeded.refurbisherToken);
      if (data.claimLot.status !== 'CLAIMED') throw new Error(`lot ${lotId}: ${data.claimLot.status}`);
      claim.push(sample);
    }
    return { declare, claim };
  };

  const useBefore = () => useCommandsBefore(app.get(DonationService), app.get(LotOfferService));
  // warm both versions up (JIT, statement paths, pools) before anything is kept
  await round(WARMUP);
  let restore = useBefore();
  await round(WARMUP);
  restore();

  const samples = { before: { declare: [] as Sample[], claim: [] as Sample[] }, after: { declare: [] as Sample[], claim: [] as Sample[] } };
  for (let r = 0; r < ROUNDS; r++) {
    // alternate which goes first, so neither always follows the other's garbage
    for (const version of r % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
      if (version === 'before') restore = useBefore();
      const { declare, claim } = await round(N);
      if (version === 'before') restore();
      samples[version].declare.push(...declare);
      samples[version].claim.push(...claim);
    }
  }

  const summary = (s: Sample[]) => ({
    roundTrips: s.reduce((a, x) => a + x.roundTrips, 0) / s.length,
    cpu: s.reduce((a, x) => a + x.cpuMs, 0) / s.length,
    p50: median(s.map((x) => x.wallMs)),
    p95: percentile(
      s.map((x) => x.wallMs),
      0.95,
    ),
  });
  console.log(`\n${ROUNDS} rounds × ${N} mutations of each, per version, alternating (load now ${loadavg()[0]!.toFixed(2)})`);
  console.log('| mutation | version | round trips | CPU ms / mutation | p50 ms | p95 ms |');
  console.log('|---|---|---|---|---|---|');
  for (const mutation of ['declare', 'claim'] as const) {
    const before = summary(samples.before[mutation]);
    const after = summary(samples.after[mutation]);
    for (const [version, s] of [
      ['before', before],
      ['after', after],
    ] as const) {
      console.log(`| ${mutation} | ${version} | ${fmt(s.roundTrips, 1)} | ${fmt(s.cpu)} | ${fmt(s.p50)} | ${fmt(s.p95)} |`);
    }
    console.log(
      `| ${mutation} | after/before | ${fmt(after.roundTrips / before.roundTrips)}× | ${fmt(after.cpu / before.cpu)}× | ${fmt(after.p50 / before.p50)}× | ${fmt(after.p95 / before.p95)}× |`,
    );
  }
  proto.query = query;
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
