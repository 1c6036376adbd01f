import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { RequestContext } from '@app/common';
import { ExpireOffersJob } from '@app/donations/jobs/expire-offers.job';
import { QueueName, QueueRegistry } from '@app/jobs';
import { PickupRemindersJob } from '@app/logistics/jobs/pickup-reminders.job';
import { RouteRegionJob } from '@app/routing/jobs/route-region.job';
import { JobType } from 'bullmq';
import request from 'supertest';
import { DeclareDonationInput, JobsDeclareDocument, JobsMyRoleDocument, JobsOverviewDocument, JobsRedisAndOutboxDocument } from './generated/graphql';
import { compiledEntry } from './support/compiled-build';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { RedisProxy } from './support/redis-proxy';
import { TestApp } from './support/test-app';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './support/test-database';
import { waitFor } from './support/wait-for';

const DECLARE = JobsDeclareDocument;
const input = (quantity: number): DeclareDonationInput => ({
  pickupAddress: { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
  availableFrom: '2026-12-01T08:00:00.000Z',
  lines: [{ category: 'LAPTOP', quantity }],
});
// the default job lock: a short one lets a job that a busy machine delays look stalled (the killed-worker test sets its own)
const jobConfig = (prefix: string) => ({ queuePrefix: prefix, routingDebounceMs: 0, outboxPollMs: 50 });
/** Long enough that a burst always falls in one window; the test ends the window itself (promote). */
const BURST_DEBOUNCE_MS = 3000;

async function lotsPerDonation(t: TestApp): Promise<number[]> {
  const rows = await t.dataSource.query(`SELECT d.id, count(l.id)::int AS n FROM donation d LEFT JOIN lot l ON l.donation_id = d.id GROUP BY d.id`);
  return rows.map((r: { n: number }) => r.n);
}

describe('background jobs through the outbox', () => {
  describe('with a worker in the API process', () => {
    let t: TestApp;
    let net: NetworkFixture;

    beforeAll(async () => {
      t = await TestApp.start({ ...jobConfig(`t${Date.now()}a`), routingDebounceMs: BURST_DEBOUNCE_MS }, { withWorker: true });
      await t.reset();
      net = await seedNetwork(t);
    });
    afterAll(() => t.close());

    it('a declaration is routed by itself: outbox row, relay, BullMQ, route-region', async () => {
      const d = (await t.runOk(DECLARE, { input: input(4) }, net.ara.tokens.donor)).declareDonation;
      await waitFor('the donation to be routed', async () => (await t.dataSource.query(`SELECT 1 FROM lot WHERE donation_id = $1`, [d.id])).length > 0);
      const [row] = await t.dataSource.query(`SELECT sent_at FROM outbox_message WHERE payload->>'regionId' = $1`, [net.ara.id]);
      expect(row.sent_at).not.toBeNull();
      expect(await lotsPerDonation(t)).toEqual([1]);
    });

    it('every job is idempotent: running it again changes nothing', async () => {
      await t.dataSource.query(
        `INSERT INTO donation (reference, donor_id, region_id, pickup_address_postal_code, pickup_address_city, pickup_address_location_lat, pickup_address_location_lon, available_from)
        VALUES ('DON-TEST-1', $1, $2, '69002', 'Lyon', 45.75, 4.83, now())`,
        [net.ara.donor, net.ara.id],
      );
      await t.dataSource.query(
        `INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing) SELECT id, 0, 'LAPTOP', 3, true FROM donation WHERE reference = 'DON-TEST-1'`,
      );
      const route = t.app.get(RouteRegionJob);
      const first = await route.handle({ regionId: net.ara.id });
      const second = await route.handle({ regionId: net.ara.id });
      expect(first.routedQuantity + second.routedQuantity).toBeLessThanOrEqual(3);
      expect(second).toEqual({ routedQuantity: 0, lots: 0 });
      await t.dataSource.query(`UPDATE lot SET offer_expires_at = now() - interval '1 second'`);
      const expire = t.app.get(ExpireOffersJob);
      const expired = await expire.handle();
      expect(expired.lotIds.length).toBeGreaterThan(0);
      expect(await expire.handle()).toEqual({ lotIds: [], regionIds: [] });
      const reminders = t.app.get(PickupRemindersJob);
      await reminders.handle();
      expect(await reminders.handle()).toEqual({ reminded: 0, missed: 0 });
    });

    it('a burst of declarations in one debounce window makes one routing job, which routes them all', async () => {
      const queue = t.app.get(QueueRegistry).get(QueueName.ROUTING);
      const routeRegionJobs = async (...states: JobType[]) =>
        (await queue.getJobs(states.length ? states : ['completed', 'active', 'waiting', 'delayed', 'failed'])).filter((j) => j.name === 'route-region');
      // what earlier tests asked for (expired offers are routed again) runs first, out of the way
      await waitFor(
        'earlier requests to reach BullMQ',
        async () => (await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE sent_at IS NULL`)).length === 0,
        10_000,
        20,
      );
      await t.promoteDelayedJobs();
      await waitFor('earlier routing jobs to finish', async () => (await routeRegionJobs('active', 'waiting', 'delayed')).length === 0, 10_000, 20);
      const earlier = new Set((await routeRegionJobs()).map((j) => j.id));
      const lotQuantity = async (): Promise<number> => (await t.dataSource.query(`SELECT coalesce(sum(quantity), 0)::int AS n FROM lot`))[0].n;
      const routedBefore = await lotQuantity();
      await t.dataSource.query(`DELETE FROM outbox_message WHERE sent_at IS NOT NULL`);

      const ids = await Promise.all([1, 2, 3].map(async (q) => (await t.runOk(DECLARE, { input: input(q) }, net.ara.tokens.donor)).declareDonation.id));
      const requests: Array<{ debounce_key: string }> = await t.dataSource.query(`SELECT debounce_key FROM outbox_message WHERE name = 'route-region'`);
      expect(requests).toEqual([1, 2, 3].map(() => ({ debounce_key: `route-region-${net.ara.id}` })));
      // all three reach BullMQ while the first waits out its window: one job
      await waitFor(
        'the requests to reach BullMQ',
        async () => (await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE sent_at IS NULL`)).length === 0,
        10_000,
        20,
      );
      const burst = (await routeRegionJobs()).filter((j) => !earlier.has(j.id));
      expect(burst).toHaveLength(1);

      // end the window now rather than wait for it
      await t.promoteDelayedJobs();
      for (const id of ids)
        await waitFor(
          'the burst to be routed',
          async () => (await t.dataSource.query(`SELECT 1 FROM lot WHERE donation_id = $1`, [id])).length > 0,
          10_000,
          20,
        );
      const run = await waitFor(
        'the job to complete',
        async () => {
          const job = await queue.getJob(burst[0]!.id!);
          return job && (await job.isCompleted()) ? job : null;
        },
        10_000,
        20,
      );
      expect(run.returnvalue).toEqual(expect.objectContaining({ routedQuantity: (await lotQuantity()) - routedBefore }));
      expect((await routeRegionJobs()).filter((j) => !earlier.has(j.id))).toHaveLength(1);
    });

    it('after a restore from a backup the outbox hands out its ids again, and their jobs still run', async () => {
      const unsent = async () => (await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE sent_at IS NULL`)).length;
      await waitFor('earlier requests to reach BullMQ', async () => (await unsent()) === 0, 10_000, 20);
      // the rows written after the backup are lost with it, the sequence goes back, and Redis keeps
      // the completed jobs those rows named: the first declaration of this file was row 1
      await t.dataSource.query(`DELETE FROM outbox_message`);
      await t.dataSource.query(`SELECT setval(pg_get_serial_sequence('outbox_message', 'id'), 1, false)`);
      const routing = t.app.get(QueueRegistry).get(QueueName.ROUTING);
      expect((await routing.getJobs(['completed'])).some((j) => /^outbox-1(-|$)/.test(j.id ?? ''))).toBe(true);

      const donation = (await t.runOk(DECLARE, { input: input(2) }, net.ara.tokens.donor)).declareDonation;
      const [{ id: rowId }] = await t.dataSource.query(`SELECT id FROM outbox_message ORDER BY id LIMIT 1`);
      expect(rowId).toBe('1');
      await waitFor('the request to reach BullMQ', async () => (await unsent()) === 0, 10_000, 20);
      await t.promoteDelayedJobs();
      const [lot] = await waitFor(
        'the donation to be routed',
        async () => {
          const lots: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM lot WHERE donation_id = $1`, [donation.id]);
          return lots.length ? lots : null;
        },
        10_000,
        20,
      );
      // and the offer made by that run is told to the refurbisher, through a notify job of its own
      await waitFor(
        'the offer to reach the refurbisher’s inbox',
        async () => (await t.dataSource.query(`SELECT 1 FROM notification WHERE event = 'LOT_OFFERED' AND payload->>'lotId' = $1`, [lot!.id])).length > 0,
        10_000,
        20,
      );
    });
  });

  describe('when Redis goes away', () => {
    let proxy: RedisProxy;
    let t: TestApp;
    let net: NetworkFixture;

    beforeAll(async () => {
      proxy = await RedisProxy.start();
      t = await TestApp.start({ ...jobConfig(`t${Date.now()}b`), redisUrl: proxy.url() }, { withWorker: true });
      await t.reset();
      net = await seedNetwork(t);
    });
    afterAll(async () => {
      await t.close();
      await proxy.down();
    });

    it('no mutation fails; when Redis is back every outboxed job runs, once', async () => {
      await proxy.down();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await t.runOk(DECLARE, { input: input(2) }, net.ara.tokens.donor)).declareDonation.id);
      // the relay tries (every 50 ms) and fails: the rows stay owed
      await new Promise((resolve) => setTimeout(resolve, 300));
      const pending = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL`);
      expect(pending[0].n).toBe(5);
      expect(await t.count('lot')).toBe(0);
      // the API keeps answering, and health says what is wrong
      expect((await t.runOk(JobsMyRoleDocument, {}, net.ara.tokens.donor)).me.role).toBe('DONOR');
      const health = await request(t.app.getHttpServer()).get('/health/ready');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({
        status: 'degraded',
        checks: { database: { status: 'up' }, redis: { status: 'degraded', message: expect.stringContaining('unreachable') } },
      });
      expect((await t.runOk(JobsRedisAndOutboxDocument, {}, net.adminToken)).jobs).toEqual({ redisUp: false, outboxPending: 5 });

      await proxy.up();
      await waitFor(
        'the outbox to drain',
        async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL`))[0].n === 0,
        30_000,
      );
      await waitFor('every donation to be routed', async () => (await lotsPerDonation(t)).every((n) => n > 0), 30_000);
      expect(await lotsPerDonation(t)).toEqual([1, 1, 1, 1, 1]);
      const statuses = await t.dataSource.query(`SELECT DISTINCT status FROM donation WHERE id = ANY($1::uuid[])`, [ids]);
      expect(statuses).toEqual([{ status: 'ROUTED' }]);
    });
  });

  describe('when a worker is killed in the middle of a job', () => {
    const prefix = `t${Date.now()}c`;
    let t: TestApp;
    let net: NetworkFixture;
    const children: ChildProcess[] = [];

    const startWorker = (): ChildProcess => {
      const child = spawn(process.execPath, [compiledEntry('apps/worker/src/main.ts')], {
        cwd: join(__dirname, '..'),
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DATABASE_URL: TEST_DATABASE_URL,
          REDIS_URL: TEST_REDIS_URL,
          JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
          QUEUE_PREFIX: prefix,
          JOB_LOCK_MS: '1500',
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      });
      children.push(child);
      return child;
    };

    beforeAll(async () => {
      t = await TestApp.start(jobConfig(prefix));
      await t.reset();
      net = await seedNetwork(t);
    });
    afterAll(async () => {
      // each worker process gone before the app closes: nothing of this file outlives it
      const exits = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((resolve) => c.once('exit', resolve)));
      for (const c of children) c.kill('SIGKILL');
      await Promise.all(exits);
      await t.close();
    });

    it('the job is taken over after the lock lapses and completes once', async () => {
      await t.dataSource.query(`DELETE FROM outbox_message`);
      await t.runOk(DECLARE, { input: input(3) }, net.ara.tokens.donor);
      await t.dataSource.query(`UPDATE outbox_message SET sent_at = now()`); // this test adds the job itself
      const queue = t.app.get(QueueRegistry).get(QueueName.ROUTING);

      // Hold the capacity rows: the routing job blocks inside its transaction, mid-run.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.startTransaction();
      await blocker.query(`SELECT * FROM refurbisher_capacity FOR UPDATE`);
      await queue.add('route-region', { regionId: net.ara.id }, { jobId: 'route-region-killed-worker' });

      const doomed = startWorker();
      await waitFor('the first worker to take the job', async () => (await queue.getActiveCount()) === 1, 60_000);
      doomed.kill('SIGKILL');
      await new Promise((resolve) => doomed.once('exit', resolve));
      await blocker.rollbackTransaction();
      await blocker.release();
      expect(await t.count('lot')).toBe(0);

      startWorker();
      const job = await waitFor(
        'the job to complete',
        async () => {
          const j = await queue.getJob('route-region-killed-worker');
          return j && (await j.isCompleted()) ? j : null;
        },
        90_000,
      );
      // The new worker's hourly route-all-regions schedule may route first; either way, exactly once.
      expect(job.finishedOn).toBeDefined();
      expect(await lotsPerDonation(t)).toEqual([1]);
      expect(await t.dataSource.query(`SELECT sum(quantity)::int AS n FROM lot`)).toEqual([{ n: 3 }]);
      await queue.obliterate({ force: true });
    }, 240_000); // two worker processes start and a lock must lapse: slow on a busy machine
  });

  it('the system context may route any region (jobs run as the platform)', () => {
    expect(RequestContext.system().isAdmin).toBe(true);
  });
});

describe('the jobs query, for operators', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start(jobConfig(`t${Date.now()}d`));
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  it('shows the queues and the outbox to ADMIN, and to nobody else (they are shared by every region)', async () => {
    await t.runOk(DECLARE, { input: input(1) }, net.ara.tokens.donor);
    const q = JobsOverviewDocument;
    const data = (await t.runOk(q, {}, net.adminToken)).jobs;
    expect(data.redisUp).toBe(true);
    expect(data.outboxPending).toBe(1); // no worker in this app: the row waits
    expect(data.queues.map((x) => x.name)).toEqual(['routing', 'logistics', 'matching', 'stock', 'reporting', 'notifications']);
    for (const role of ['coordinator', 'donor', 'refurbisher', 'partner'] as const) expect(await t.runError(q, {}, net.ara.tokens[role])).toBe('FORBIDDEN');
  });
});
