import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DECLARE = `mutation($input: DeclareDonationInput!) { declareDonation(input: $input) { id } }`;
const ROUTE = `mutation($regionId: ID!) { routeDonations(regionId: $regionId) { routedQuantity } }`;
const CANCEL = `mutation($id: ID!) { cancelDonation(id: $id) { id status } }`;

const lyon = { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } };
const laptops = (quantity: number) => ({ pickupAddress: lyon, availableFrom: '2026-12-01T08:00:00.000Z', lines: [{ category: 'LAPTOP', quantity }] });

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
        for (let i = 0; i < 8; i++) ids.push((await t.ok(DECLARE, { input: laptops(2 + i) }, net.ara.tokens.donor)).declareDonation.id);
        const requests: Array<Promise<unknown>> = [];
        for (const [i, id] of ids.entries()) {
          if (i % 3 === 0) requests.push(t.gql(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator));
          requests.push(t.gql(CANCEL, { id }, i % 2 ? net.ara.tokens.donor : net.ara.tokens.coordinator));
        }
        requests.push(t.gql(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator));
        const answers = (await Promise.all(requests)) as Array<{ errors?: unknown[] }>;
        expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
        expect(await liveLotsOfCancelledDonations(t)).toBe(0);
      }
      const cancelled = await t.dataSource.query(`SELECT DISTINCT status FROM donation`);
      expect(cancelled).toEqual([{ status: 'CANCELLED' }]);
      expect(await loadCountersOff(t)).toEqual([]);
    });
  });
});
