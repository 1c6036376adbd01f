import { QueueName, QueueRegistry } from '@app/jobs';
import { RouteAllRegionsJob } from '@app/routing/jobs/route-all-regions.job';
import {
  AddressInput,
  ConcurrencyCancelDocument,
  ConcurrencyClaimDocument,
  ConcurrencyDeclineDocument,
  ConcurrencyRouteDocument,
  DeclareDonationDocument,
  DeclareDonationInput,
} from './generated/graphql';
import { addGrenobleRefurbisher, NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const DECLARE = DeclareDonationDocument;
const ROUTE = ConcurrencyRouteDocument;
const CANCEL = ConcurrencyCancelDocument;
const DECLINE = ConcurrencyDeclineDocument;

const lyon: AddressInput = { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } };
const dijon: AddressInput = { postalCode: '21000', city: 'Dijon', location: { lat: 47.32, lon: 5.04 } };
const laptops = (quantity: number, pickupAddress = lyon): DeclareDonationInput => ({
  pickupAddress,
  availableFrom: '2026-12-01T08:00:00.000Z',
  lines: [{ category: 'LAPTOP', quantity }],
});

/** Lots that still hold devices of a cancelled donation: the invariant says there are none. */
async function liveLotsOfCancelledDonations(t: TestApp): Promise<number> {
  const [row] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM lot l JOIN donation d ON d.id = l.donation_id
      WHERE d.cancelled_at IS NOT NULL AND l.status IN ('OFFERED', 'CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED')`,
  );
  return row.n;
}

/** Refurbisher counters that differ from a count of the devices in their lots. */
async function loadCountersOff(t: TestApp): Promise<Array<{ organization_id: string; load: number; counted: number }>> {
  return t.dataSource.query(
    `SELECT rc.organization_id, rc.load, COALESCE(c.counted, 0)::int AS counted
       FROM refurbisher_capacity rc
       LEFT JOIN (SELECT l.refurbisher_id, li.category, SUM(li.quantity) AS counted
                    FROM lot l JOIN lot_item li ON li.lot_id = l.id
                   WHERE l.status IN ('OFFERED', 'CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED')
                   GROUP BY l.refurbisher_id, li.category) c
         ON c.refurbisher_id = rc.organization_id AND c.category = rc.category
      WHERE rc.load <> COALESCE(c.counted, 0)`,
  );
}

describe('concurrency protocol', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    // no worker: the outboxed route-region jobs wait in Redis, only the requests below route
    t = await TestApp.start({ queuePrefix: `conc${Date.now()}` });
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 100000`);
  });

  describe('routing and cancellation', () => {
    it('cancellations racing routing runs never leave a live lot for a cancelled donation, nor a wrong load', async () => {
      for (let round = 0; round < 6; round++) {
        const ids: string[] = [];
        for (let i = 0; i < 8; i++) ids.push((await t.runOk(DECLARE, { input: laptops(2 + i) }, net.ara.tokens.donor)).declareDonation.id);
        const requests: Array<Promise<unknown>> = [];
        for (const [i, id] of ids.entries()) {
          if (i % 3 === 0) requests.push(t.run(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator));
          requests.push(t.run(CANCEL, { id }, i % 2 ? net.ara.tokens.donor : net.ara.tokens.coordinator));
        }
        requests.push(t.run(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator));
        const answers = (await Promise.all(requests)) as Array<{ errors?: unknown[] }>;
        expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
        expect(await liveLotsOfCancelledDonations(t)).toBe(0);
      }
      const cancelled = await t.dataSource.query(`SELECT DISTINCT status FROM donation`);
      expect(cancelled).toEqual([{ status: 'CANCELLED' }]);
      expect(await loadCountersOff(t)).toEqual([]);
    });
  });

  describe('capacity share', () => {
    const CLAIM = ConcurrencyClaimDocument;
    const offered = async (donationId: string): Promise<Array<{ refurbisher_id: string; quantity: number; status: string }>> =>
      t.dataSource.query(`SELECT refurbisher_id, quantity, status FROM lot WHERE donation_id = $1 ORDER BY created_at, refurbisher_id`, [donationId]);

    it('one declaration holds at most half of each refurbisher week in unclaimed offers; the others are still routed', async () => {
      const grenoble = await addGrenobleRefurbisher(t, net);
      await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 40`);
      const huge = (await t.runOk(DECLARE, { input: laptops(500) }, net.ara.tokens.donor)).declareDonation.id;
      const small = (await t.runOk(DECLARE, { input: laptops(10) }, net.ara.tokens.donor)).declareDonation.id;
      expect((await t.runOk(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.routedQuantity).toBe(50);
      expect(await offered(huge)).toEqual(
        [
          { refurbisher_id: net.ara.refurbisher, quantity: 20, status: 'OFFERED' },
          { refurbisher_id: grenoble.id, quantity: 20, status: 'OFFERED' },
        ].sort((a, b) => (a.refurbisher_id < b.refurbisher_id ? -1 : 1)),
      );
      expect((await offered(small)).reduce((n, l) => n + l.quantity, 0)).toBe(10);

      // a later run offers nothing more of it while its offers wait for a claim
      expect((await t.runOk(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.routedQuantity).toBe(0);
      // once Lyon claims, the donation may be offered more of Lyon's remaining week
      const lyonLot = (await t.dataSource.query(`SELECT id FROM lot WHERE donation_id = $1 AND refurbisher_id = $2`, [huge, net.ara.refurbisher]))[0].id;
      await t.runOk(CLAIM, { id: lyonLot }, net.ara.tokens.refurbisher);
      const remaining = (
        await t.dataSource.query(`SELECT weekly_capacity - load AS n FROM refurbisher_capacity WHERE organization_id = $1`, [net.ara.refurbisher])
      )[0].n;
      expect((await t.runOk(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.routedQuantity).toBe(Math.min(remaining, 20));
    });
  });

  describe('load counters', () => {
    const load = async (refurbisherId: string): Promise<number> =>
      (await t.dataSource.query(`SELECT load FROM refurbisher_capacity WHERE organization_id = $1 AND category = 'LAPTOP'`, [refurbisherId]))[0].load;

    it('a counter that would go below zero is not clamped; the recount sets it right and logs the drift', async () => {
      const d = (await t.runOk(DECLARE, { input: laptops(3) }, net.ara.tokens.donor)).declareDonation;
      await t.runOk(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator);
      expect(await load(net.ara.refurbisher)).toBe(3);
      await t.dataSource.query(`UPDATE refurbisher_capacity SET load = 0`); // a bug elsewhere lost the offer
      await t.runOk(CANCEL, { id: d.id }, net.ara.tokens.donor);
      expect(await load(net.ara.refurbisher)).toBe(-3);

      const job = t.app.get(RouteAllRegionsJob);
      expect((await job.handle()).loadDrifts).toBe(1);
      expect(await load(net.ara.refurbisher)).toBe(0);
      expect(await t.dataSource.query(`SELECT region_id, refurbisher_id, category, load_before, load_after FROM refurbisher_load_drift`)).toEqual([
        { region_id: net.ara.id, refurbisher_id: net.ara.refurbisher, category: 'LAPTOP', load_before: -3, load_after: 0 },
      ]);
    });

    it('the hourly recount corrects a corrupted counter, records before and after, and a second run changes nothing', async () => {
      await t.runOk(DECLARE, { input: laptops(4) }, net.ara.tokens.donor);
      await t.runOk(DECLARE, { input: laptops(5, dijon) }, net.bfc.tokens.donor);
      await t.runOk(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator);
      await t.runOk(ROUTE, { regionId: net.bfc.id }, net.bfc.tokens.coordinator);
      await t.dataSource.query(`UPDATE refurbisher_capacity SET load = load + 17 WHERE organization_id = $1`, [net.ara.refurbisher]);

      const job = t.app.get(RouteAllRegionsJob);
      expect(await job.handle()).toEqual({ regions: 2, routedQuantity: 0, loadDrifts: 1 });
      expect(await load(net.ara.refurbisher)).toBe(4);
      expect(await load(net.bfc.refurbisher)).toBe(5);
      expect(await t.dataSource.query(`SELECT refurbisher_id, load_before, load_after FROM refurbisher_load_drift`)).toEqual([
        { refurbisher_id: net.ara.refurbisher, load_before: 21, load_after: 4 },
      ]);
      expect(await job.handle()).toEqual({ regions: 2, routedQuantity: 0, loadDrifts: 0 });
      expect(await t.count('refurbisher_load_drift')).toBe(1);
    });
  });
});

describe('debounced jobs', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let grenoble: { id: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start({ queuePrefix: `concj${Date.now()}`, routingDebounceMs: 1000, outboxPollMs: 50, jobLockMs: 1500 }, { withWorker: true });
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    grenoble = await addGrenobleRefurbisher(t, net);
  });

  const completedRuns = async (): Promise<number> =>
    (await t.app.get(QueueRegistry).get(QueueName.ROUTING).getJobs(['completed'])).filter((j) => j.name === 'route-region').length;
  const offeredTo = async (donationId: string, refurbisherId: string): Promise<string | undefined> =>
    (await t.dataSource.query(`SELECT id FROM lot WHERE donation_id = $1 AND refurbisher_id = $2 AND status = 'OFFERED'`, [donationId, refurbisherId]))[0]?.id;

  it('a burst of declarations within the delay is routed by one run', async () => {
    const before = await completedRuns();
    const ids = await Promise.all([2, 3, 4].map(async (q) => (await t.runOk(DECLARE, { input: laptops(q) }, net.ara.tokens.donor)).declareDonation.id));
    for (const id of ids) await waitFor('the burst to be routed', () => offeredTo(id, net.ara.refurbisher));
    await waitFor('the run to be recorded', async () => (await completedRuns()) > before);
    // nothing more owed: every request relayed, no routing job waiting or running
    await waitFor(
      'no routing left to run',
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE sent_at IS NULL`)).length === 0 &&
        (await t.app.get(QueueRegistry).get(QueueName.ROUTING).getJobs(['active', 'waiting', 'delayed'])).every((j) => j.name !== 'route-region'),
    );
    expect((await completedRuns()) - before).toBe(1);
  });

  it('a second decline right after the run of the first is routed too (no completed job swallows it)', async () => {
    const [d1, d2] = [
      (await t.runOk(DECLARE, { input: laptops(2) }, net.ara.tokens.donor)).declareDonation.id,
      (await t.runOk(DECLARE, { input: laptops(3) }, net.ara.tokens.donor)).declareDonation.id,
    ];
    // on a loaded CI machine the first routing of a fresh region once took longer than the default 20 s
    const lot1 = await waitFor('d1 offered in Lyon', () => offeredTo(d1, net.ara.refurbisher), 45_000);
    const lot2 = await waitFor('d2 offered in Lyon', () => offeredTo(d2, net.ara.refurbisher), 45_000);
    // start at the top of a second: with job ids per one-second window, both declines shared one
    await waitFor('the top of a second', async () => Date.now() % 1000 < 100, 2000, 5);
    await t.runOk(DECLINE, { id: lot1 }, net.ara.tokens.refurbisher);
    await waitFor('d1 re-routed to Grenoble', () => offeredTo(d1, grenoble.id), 5000, 20);
    await t.runOk(DECLINE, { id: lot2 }, net.ara.tokens.refurbisher);
    await waitFor('d2 re-routed to Grenoble', () => offeredTo(d2, grenoble.id), 8000, 20);
  });
});
