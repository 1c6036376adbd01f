import { AuthService, hashPassword } from '@app/auth';
import { Role } from '@app/common';
import { QueueName, QueueRegistry, SCHEDULES } from '@app/jobs';
import { Client as WsClient, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  DeclareDonationInput,
  ScaleClaimDocument,
  ScaleCompletePickupDocument,
  ScaleDeactivateUserDocument,
  ScaleDeclareDocument,
  ScaleEraseDocument,
  ScaleGradeDocument,
  ScaleMatchDocument,
  ScaleMeDocument,
  ScaleMeQuery,
  ScaleNotificationAddedDocument,
  ScaleNotificationAddedSubscription,
  ScaleOffersDocument,
  ScaleReceiveDocument,
  ScaleSchedulePickupDocument,
  ScaleSubmitOrderDocument,
} from './generated/graphql';
import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { apiReady, JobRun, RemoteApi, ServiceProcess, spawnApi, spawnWorker, workerReady } from './support/processes';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp } from './support/test-app';
import { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './support/test-database';
import { sourceOf } from './support/typed-client';
import { waitFor } from './support/wait-for';

/** The secret TestApp signs the fixtures' tokens with: the processes must accept them. */
const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
/** Short, so that the bound for changes nobody announces is waited out here; the announced ones must beat it. */
const AUTH_CACHE_SECONDS = 6;
/** Long enough that a burst of declarations mostly shares a routing run, short enough to wait for. */
const ROUTING_DEBOUNCE_MS = 1500;
/** Four processes compile and start at once (ts-node): slow on a loaded machine. */
const STARTUP_MS = 150_000;
const BURST = 12;
const PER_DONATION = 2;

type Pushed = ScaleNotificationAddedSubscription['notificationAdded'];

describe('scale-out: two API processes and two workers on one PostgreSQL and one Redis', () => {
  // every Redis key of this file under its own prefix: queues, schedules, pub/sub channels, rate limits
  const prefix = `${TEST_QUEUE_PREFIX}scale`;
  const smtp = new SmtpCapture();
  const processes: ServiceProcess[] = [];
  /** the live subscriptions' connections, and when each is closed */
  const sockets: Array<{ client: WsClient; closed: Promise<unknown> }> = [];
  /** what each live subscription received: the refurbisher on both APIs, the donor on B, the partner on A */
  const pushed: Record<'refurbisherOnA' | 'refurbisherOnB' | 'donorOnB' | 'partnerOnA', Pushed[]> = {
    refurbisherOnA: [],
    refurbisherOnB: [],
    donorOnB: [],
    partnerOnA: [],
  };
  /** In this process, without a worker: the fixtures, the SQL checks and a view of the queues. */
  let t: TestApp;
  let net: NetworkFixture;
  let a: RemoteApi;
  let b: RemoteApi;
  let workers: ServiceProcess[];
  /** the APIs in turn, so that every burst below is spread over both */
  const api = (i: number): RemoteApi => (i % 2 ? b : a);

  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> => t.dataSource.query(text, params);
  const jobRuns = (): JobRun[] => workers.flatMap((w) => w.jobRuns());
  const declaration = (quantity: number): DeclareDonationInput => ({
    pickupAddress: { street: '10 quai Perrache', postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
    // available now: its pickup may be completed at once
    availableFrom: new Date().toISOString(),
    lines: [{ category: 'LAPTOP', quantity }],
  });

  /** Nothing left to do anywhere: the outbox relayed, no job waiting or running, every e-mail sent. */
  const settled = async (): Promise<boolean> => {
    const [{ unsent }] = await sql(`SELECT count(*)::int AS unsent FROM outbox_message WHERE sent_at IS NULL`);
    const [{ unsentMail }] = await sql(`SELECT count(*)::int AS "unsentMail" FROM email_delivery WHERE state NOT IN ('SENT', 'FAILED')`);
    if (unsent || unsentMail) return false;
    for (const name of Object.values(QueueName)) {
      const queue = t.app.get(QueueRegistry).get(name);
      const counts = await queue.getJobCounts('active', 'waiting', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return false;
      // the next runs of the schedules wait as they should; anything else delayed is owed work
      if ((await queue.getDelayed()).some((job) => !job.repeatJobKey)) return false;
    }
    return true;
  };
  const untilSettled = () => waitFor('every process to be done with what was asked', settled, 30_000, 100);

  async function subscribe(on: RemoteApi, token: string, into: Pushed[]): Promise<void> {
    const client = createClient({ url: on.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    sockets.push({ client, closed: new Promise((resolve) => client.on('closed', resolve)) });
    const connected = new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('error', reject);
    });
    client.subscribe<ScaleNotificationAddedSubscription>(
      { query: sourceOf(ScaleNotificationAddedDocument) },
      { next: (value) => void (value.data && into.push(value.data.notificationAdded)), error: () => undefined, complete: () => undefined },
    );
    await connected;
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await TestApp.start({ queuePrefix: prefix });
    await t.reset();
    for (const name of Object.values(QueueName)) await t.app.get(QueueRegistry).get(name).obliterate({ force: true });
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      JWT_SECRET,
      ATTESTATION_KEYS: `k1:${'s'.repeat(40)}`,
      SEED_DEMO: 'false',
      SMTP_URL: smtpUrl,
      PUBLIC_URL: 'https://reemploi.test',
      AUTH_CACHE_SECONDS: String(AUTH_CACHE_SECONDS),
      // one signed-in caller sends far more here than a person would
      RATE_LIMIT_PER_MINUTE: '0',
      ROUTING_DEBOUNCE_MS: String(ROUTING_DEBOUNCE_MS),
      MATCHING_DEBOUNCE_MS: '200',
      OUTBOX_POLL_MS: '50',
    };
    // the four at once, as an orchestrator starts them; the workers log each job run, B each request (info)
    const [apiA, apiB, worker1, worker2] = [
      spawnApi('api-a', { ...env, LOG_LEVEL: 'warn' }),
      spawnApi('api-b', { ...env, LOG_LEVEL: 'info' }),
      spawnWorker('worker-1', { ...env, LOG_LEVEL: 'info' }),
      spawnWorker('worker-2', { ...env, LOG_LEVEL: 'info' }),
    ];
    processes.push(apiA, apiB, worker1, worker2);
    workers = [worker1, worker2];
    net = await seedNetwork(t);
    [a, b] = await Promise.all([apiReady(apiA, STARTUP_MS), apiReady(apiB, STARTUP_MS), workerReady(worker1, STARTUP_MS), workerReady(worker2, STARTUP_MS)]);

    await Promise.all([
      subscribe(a, net.ara.tokens.refurbisher, pushed.refurbisherOnA),
      subscribe(b, net.ara.tokens.refurbisher, pushed.refurbisherOnB),
      subscribe(b, net.ara.tokens.donor, pushed.donorOnB),
      subscribe(a, net.ara.tokens.partner, pushed.partnerOnA),
    ]);
    // a subscription is registered just after its connection is acknowledged
    await new Promise((resolve) => setTimeout(resolve, 300));
  }, STARTUP_MS + 30_000);

  afterAll(async () => {
    // closed by both ends before the servers go: a socket left half-closed keeps a timer for 30 s
    await Promise.all(sockets.map((s) => s.client.dispose()));
    await Promise.race([Promise.all(sockets.map((s) => s.closed)), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    // every process gone, even after a failure: none outlives this file
    await Promise.all(processes.map((p) => p.kill()));
    if (t) {
      for (const name of Object.values(QueueName)) await t.app.get(QueueRegistry).get(name).obliterate({ force: true });
      await t.close();
    }
    await smtp.stop();
  });

  it('declarations in a burst on both APIs: routed by debounced runs, each donation once, no lot offered twice, both APIs see the same offers', async () => {
    const ids = await Promise.all(
      Array.from(
        { length: BURST },
        async (_, i) => (await api(i).runOk(ScaleDeclareDocument, { input: declaration(PER_DONATION) }, net.ara.tokens.donor)).declareDonation.id,
      ),
    );
    await waitFor(
      'every donation to be offered',
      async () => (await sql(`SELECT count(DISTINCT donation_id)::int AS n FROM lot WHERE donation_id = ANY($1::uuid[])`, [ids]))[0]!.n === BURST,
      30_000,
    );
    await untilSettled();

    const perDonation = await sql(
      `SELECT d.id, count(l.id)::int AS lots, coalesce(sum(l.quantity), 0)::int AS quantity, coalesce(sum(li.quantity), 0)::int AS items
       FROM donation d LEFT JOIN lot l ON l.donation_id = d.id LEFT JOIN lot_item li ON li.lot_id = l.id GROUP BY d.id`,
    );
    expect(perDonation).toHaveLength(BURST);
    for (const row of perDonation) expect(row).toEqual({ id: row.id, lots: 1, quantity: PER_DONATION, items: PER_DONATION });
    expect(await sql(`SELECT DISTINCT status FROM lot`)).toEqual([{ status: 'OFFERED' }]);
    // the load counter moved once per lot, whichever process routed
    expect(await sql(`SELECT load FROM refurbisher_capacity WHERE organization_id = $1`, [net.ara.refurbisher])).toEqual([{ load: BURST * PER_DONATION }]);

    // debounced across the relays of both workers: fewer runs than declarations, each run once
    const routingRuns = jobRuns().filter((r) => r.job === 'route-region');
    expect(routingRuns.length).toBeGreaterThan(0);
    expect(routingRuns.length).toBeLessThan(BURST);
    expect(new Set(routingRuns.map((r) => r.jobId)).size).toBe(routingRuns.length);

    const offered = async (on: RemoteApi) => (await on.runOk(ScaleOffersDocument, {}, net.ara.tokens.refurbisher)).lots.edges.map((e) => e.node.id).sort();
    const [onA, onB] = await Promise.all([offered(a), offered(b)]);
    expect(onA).toHaveLength(BURST);
    expect(onB).toEqual(onA);
  });

  it('claims of one lot raced on both APIs: exactly one wins each lot, the others are refused', async () => {
    const lots = await sql<{ id: string }>(`SELECT id FROM lot ORDER BY created_at, id LIMIT 8`);
    const results = await Promise.all(
      lots.map(async (lot) => Promise.all([0, 1, 2, 3].map((i) => api(i).code(ScaleClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher)))),
    );
    for (const codes of results) {
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(codes.filter((c) => c !== 'OK')).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    }
    expect(await sql(`SELECT status, count(*)::int AS n FROM lot GROUP BY status ORDER BY status`)).toEqual([
      { status: 'OFFERED', n: BURST - 8 },
      { status: 'CLAIMED', n: 8 },
    ]);
    expect(await sql(`SELECT load FROM refurbisher_capacity WHERE organization_id = $1`, [net.ara.refurbisher])).toEqual([{ load: BURST * PER_DONATION }]);
  });

  it('stock made through both APIs, orders and matching raced on both: no device reserved twice, no line over-served', async () => {
    const lots = await sql<{ id: string }>(`SELECT id FROM lot WHERE status = 'CLAIMED' ORDER BY created_at, id LIMIT 4`);
    const token = net.ara.tokens.refurbisher;
    // pickup, intake, erasure and grading of each lot, the steps alternating between the APIs
    await Promise.all(
      lots.map(async (lot, n) => {
        const [first, second] = [api(n), api(n + 1)];
        const scheduledAt = new Date(Date.now() + 3600_000).toISOString();
        const pickup = (await first.runOk(ScaleSchedulePickupDocument, { input: { lotId: lot.id, scheduledAt } }, token)).schedulePickup;
        await second.runOk(ScaleCompletePickupDocument, { input: { pickupId: pickup.id, collectedQuantity: PER_DONATION } }, token);
        const intake = Array.from({ length: PER_DONATION }, (_, i) => ({
          serialNumber: `SCALE-${n}-${i}`,
          category: 'LAPTOP' as const,
          specs: { ramGb: 8, storageGb: 256, ssd: true },
        }));
        const { devices } = (await first.runOk(ScaleReceiveDocument, { input: { lotId: lot.id, devices: intake } }, token)).receiveLot;
        for (const device of devices) {
          await second.runOk(ScaleEraseDocument, { input: { deviceId: device.id, method: 'NIST_800_88_PURGE', operator: 'Samir B.', verified: true } }, token);
          expect((await first.runOk(ScaleGradeDocument, { input: { deviceId: device.id, grade: 'B', os: 'Xubuntu 24.04' } }, token)).gradeDevice.status).toBe(
            'IN_STOCK',
          );
        }
      }),
    );
    const inStock = lots.length * PER_DONATION;
    expect(await sql(`SELECT count(*)::int AS n FROM device WHERE status = 'IN_STOCK'`)).toEqual([{ n: inStock }]);

    // more demand than stock; the partner orders on both APIs while the coordinator matches on both
    // and the workers run the matching each order asks for
    const orders = 5;
    const submitted = Array.from({ length: orders }, (_, i) =>
      api(i).runOk(ScaleSubmitOrderDocument, { input: { lines: [{ category: 'LAPTOP', quantity: 2, profile: 'OTHER' }] } }, net.ara.tokens.partner),
    );
    const matched = Array.from({ length: 6 }, (_, i) => api(i).runOk(ScaleMatchDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator));
    await Promise.all([...submitted, ...matched]);
    await waitFor(
      'the stock to be reserved',
      async () => (await sql(`SELECT count(*)::int AS n FROM device WHERE status = 'RESERVED'`))[0]!.n === inStock,
      30_000,
    );
    await untilSettled();

    expect(await sql(`SELECT device_id FROM order_line_device WHERE released_at IS NULL GROUP BY device_id HAVING count(*) > 1`)).toEqual([]);
    expect(await sql(`SELECT count(*)::int AS n FROM order_line_device WHERE released_at IS NULL`)).toEqual([{ n: inStock }]);
    // each line's counter is its live reservations, never more than it asked for
    const lines = await sql(
      `SELECT ol.quantity, ol.allocated_quantity AS allocated, (SELECT count(*)::int FROM order_line_device old WHERE old.order_line_id = ol.id AND old.released_at IS NULL) AS live
       FROM order_line ol`,
    );
    expect(lines).toHaveLength(orders);
    for (const line of lines) {
      expect(line.allocated).toBe(line.live);
      expect(line.live).toBeLessThanOrEqual(line.quantity);
    }
    expect(await sql(`SELECT sum(available)::int AS available, sum(reserved)::int AS reserved FROM stock_level`)).toEqual([
      { available: 0, reserved: inStock },
    ]);
  });

  it('a schedule ticking every second runs once per tick across the two workers, and each offer expires once', async () => {
    const routing = t.app.get(QueueRegistry).get(QueueName.ROUTING);
    const expiring = await sql<{ id: string }>(`SELECT id FROM lot WHERE status = 'OFFERED' ORDER BY id LIMIT 2`);
    await sql(`UPDATE lot SET offer_expires_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [expiring.map((l) => l.id)]);
    expect(expiring).toHaveLength(2);
    const before = new Set(jobRuns().map((r) => r.jobId));
    const ticks = () => jobRuns().filter((r) => r.job === 'expire-offers' && !before.has(r.jobId));
    // the workers keep a scheduler that exists as it is: this one is the test's until it puts the real one back
    await routing.upsertJobScheduler('expire-offers', { every: 1000 }, { name: 'expire-offers', data: {} });
    let restoredAt = Number.POSITIVE_INFINITY;
    try {
      await waitFor('five ticks of the schedule', async () => ticks().length >= 5, 20_000);
    } finally {
      restoredAt = Date.now();
      const real = SCHEDULES.find((s) => s.id === 'expire-offers')!;
      await routing.upsertJobScheduler(real.id, { every: real.every! }, { name: real.name, data: {} });
    }
    await untilSettled();

    // a scheduler's job id ends with its tick's time; the real schedule, put back, runs once at once
    const tickOf = (run: JobRun) => Number(/^repeat:expire-offers:(\d+)$/.exec(run.jobId)?.[1]);
    const runs = ticks();
    expect(runs.every((r) => Number.isFinite(tickOf(r)))).toBe(true);
    // one run per tick: no job id twice, and the test's ticks a second apart
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(runs.length);
    const at = runs
      .map(tickOf)
      .filter((ms) => ms < restoredAt)
      .sort((x, y) => x - y);
    expect(at.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000);

    expect(await sql(`SELECT id FROM lot WHERE status = 'EXPIRED' ORDER BY id`)).toEqual(expiring);
    // told once per lot and person: the refurbisher and the coordinator
    const told = await sql(`SELECT payload->>'lotId' AS lot, user_id, count(*)::int AS n FROM notification WHERE event = 'LOT_EXPIRED' GROUP BY 1, 2`);
    expect(told).toHaveLength(4);
    expect(told.every((row) => row.n === 1)).toBe(true);
  });

  it('a deactivation made on API A ends the token on API B at once; a change nobody announces within AUTH_CACHE_SECONDS', async () => {
    const account = async (n: number) => {
      const [row] = await sql(`INSERT INTO "user" (email, password_hash, role, organization_id) VALUES ($1, $2, 'DONOR', $3) RETURNING id`, [
        `scale-${n}@ara.test`,
        await hashPassword(PASSWORD),
        net.ara.donor,
      ]);
      return { id: row!.id as string, token: t.app.get(AuthService).issueToken({ id: row!.id as string, role: Role.DONOR, tokenVersion: 0 }) };
    };
    const [announced, silent] = [await account(1), await account(2)];

    // both APIs read (and keep) both callers
    const cachedAt = Date.now();
    for (const on of [a, b]) for (const u of [announced, silent]) expect(await on.code(ScaleMeDocument, {}, u.token)).toBe('OK');

    await a.runOk(ScaleDeactivateUserDocument, { userId: announced.id }, net.adminToken);
    const deactivatedAt = Date.now();
    expect(await a.code(ScaleMeDocument, {}, announced.token)).toBe('UNAUTHENTICATED');
    await waitFor('API B to refuse the token', async () => (await b.code(ScaleMeDocument, {}, announced.token)) === 'UNAUTHENTICATED', 10_000, 20);
    const refusedAt = Date.now();
    // the eviction came through Redis: B's entry was still young enough to be served from memory
    expect(refusedAt - cachedAt).toBeLessThan(AUTH_CACHE_SECONDS * 1000);
    expect(refusedAt - deactivatedAt).toBeLessThan(2000);

    // changed behind the API's back: B serves it from memory, then reads it again within the bound
    const changedAt = Date.now();
    await sql(`UPDATE "user" SET deactivated_at = now() WHERE id = $1`, [silent.id]);
    expect(await b.code(ScaleMeDocument, {}, silent.token)).toBe('OK');
    await waitFor('API B to read the account again', async () => (await b.code(ScaleMeDocument, {}, silent.token)) === 'UNAUTHENTICATED', 15_000, 100);
    expect(Date.now() - changedAt).toBeLessThanOrEqual(AUTH_CACHE_SECONDS * 1000 + 1000);
  });

  it('an API logs one line per request, with the id the caller traced it by, the GraphQL operation and the caller; no line for the probes', async () => {
    const apiB = processes.find((p) => p.name === 'api-b')!;
    const res = await fetch(`${b.baseUrl}/graphql?from=console`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${net.ara.tokens.donor}`, 'x-request-id': 'trace-scale-7f3a' },
      body: JSON.stringify({ query: sourceOf(ScaleMeDocument) }),
    });
    expect(res.headers.get('x-request-id')).toBe('trace-scale-7f3a');
    const { me } = ((await res.json()) as { data: ScaleMeQuery }).data;
    await fetch(`${b.baseUrl}/health/ready`);

    const line = await apiB.until('the request log line', async () => apiB.logLines().find((entry) => entry.reqId === 'trace-scale-7f3a'), 5000);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      method: 'POST',
      url: '/graphql',
      statusCode: 200,
      remoteAddress: '127.0.0.1',
      operation: 'ScaleMe',
      userId: me.id,
    });
    expect(line.responseTime).toEqual(expect.any(Number));
    // one line for the request; neither the token nor the probes in the log
    expect(apiB.logLines().filter((entry) => entry.reqId === 'trace-scale-7f3a')).toHaveLength(1);
    expect(apiB.logLines().filter((entry) => String(entry.url).startsWith('/health'))).toEqual([]);
    expect(JSON.stringify(apiB.logLines())).not.toMatch(/Bearer/);
  });

  it('with one worker killed, the other one carries on: a declaration on B is routed and its offer told once', async () => {
    await untilSettled();
    const [doomed, survivor] = workers;
    await doomed!.kill();
    const runsBefore = survivor!.jobRuns().length;
    const donationId = (await b.runOk(ScaleDeclareDocument, { input: declaration(PER_DONATION) }, net.ara.tokens.donor)).declareDonation.id;
    const [lot] = await waitFor(
      'the donation to be offered',
      async () => {
        const rows = await sql<{ id: string; reference: string }>(`SELECT id, reference FROM lot WHERE donation_id = $1`, [donationId]);
        return rows.length ? rows : null;
      },
      30_000,
    );
    const offerMails = () => smtp.received.filter((m) => m.to.includes('refurbisher@ara.test') && m.subject.includes(lot!.reference));
    // the e-mail is the end of a chain (notify, then its delivery's send job): wait for it, then for anything that would send it twice
    await waitFor('the offer to be told', async () => offerMails().length > 0, 30_000);
    await untilSettled();
    expect(survivor!.jobRuns().length).toBeGreaterThan(runsBefore);
    expect(offerMails()).toHaveLength(1);
  });

  it('every job ran exactly once over both workers; every e-mail was sent once; each live subscriber got each of its notifications once, whichever API it is on', async () => {
    await untilSettled();
    const runs = jobRuns();
    const byId = new Map<string, number>();
    for (const run of runs) byId.set(run.jobId, (byId.get(run.jobId) ?? 0) + 1);
    expect([...byId].filter(([, n]) => n > 1)).toEqual([]);
    // the work was shared: both workers ran jobs
    expect(new Set(runs.map((r) => r.process))).toEqual(new Set(['worker-1', 'worker-2']));
    expect(runs.filter((r) => r.job === 'notify').length).toBeGreaterThan(0);
    for (const name of Object.values(QueueName)) expect(await t.app.get(QueueRegistry).get(name).getFailedCount()).toBe(0);
    // both workers put the schedules in Redis as they started: still one run per tick of each
    for (const schedule of SCHEDULES.filter((s) => s.every && s.id !== 'expire-offers')) {
      const ticks = runs
        .map((r) => Number(new RegExp(`^repeat:${schedule.id}:(\\d+)$`).exec(r.jobId)?.[1]))
        .filter((ms) => Number.isFinite(ms))
        .sort((x, y) => x - y);
      for (let i = 1; i < ticks.length; i++)
        expect({ schedule: schedule.id, gap: ticks[i]! - ticks[i - 1]! >= schedule.every! }).toEqual({ schedule: schedule.id, gap: true });
    }

    // one delivery per notification, one message per delivery
    const deliveries = await sql<{ message_id: string; state: string }>(`SELECT message_id, state FROM email_delivery`);
    expect(deliveries.length).toBeGreaterThan(BURST);
    expect(deliveries.every((d) => d.state === 'SENT')).toBe(true);
    expect(await sql(`SELECT notification_id FROM email_delivery WHERE notification_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1`)).toEqual([]);
    const received = smtp.received.map((m) => m.messageId.replace(/^<|>$/g, ''));
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual(deliveries.map((d) => d.message_id.replace(/^<|>$/g, '')).sort());
    // an offer, a pickup: one notification per person whatever ran twice
    expect(
      await sql(
        `SELECT event, user_id, coalesce(payload->>'lotId', payload->>'pickupId') AS subject FROM notification
         WHERE event IN ('LOT_OFFERED', 'LOT_EXPIRED', 'PICKUP_SCHEDULED') GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      ),
    ).toEqual([]);

    const inbox = async (email: string) =>
      (await sql<{ id: string }>(`SELECT n.id FROM notification n JOIN "user" u ON u.id = n.user_id WHERE u.email = $1`, [email])).map((n) => n.id).sort();
    const ids = (p: Pushed[]) => p.map((n) => n.id).sort();
    const expected = {
      refurbisherOnA: await inbox('refurbisher@ara.test'),
      refurbisherOnB: await inbox('refurbisher@ara.test'),
      donorOnB: await inbox('donor@ara.test'),
      partnerOnA: await inbox('partner@ara.test'),
    };
    expect(expected.refurbisherOnA.length).toBeGreaterThan(BURST);
    expect(expected.donorOnB.length).toBeGreaterThan(0);
    expect(expected.partnerOnA.length).toBeGreaterThan(0);
    await waitFor('the last pushes', async () => Object.entries(expected).every(([k, v]) => pushed[k as keyof typeof pushed].length >= v.length), 10_000);
    for (const [subscriber, notifications] of Object.entries(expected))
      expect({ subscriber, ids: ids(pushed[subscriber as keyof typeof pushed]) }).toEqual({ subscriber, ids: notifications });
  });
});
