import { NetworkFixture, PASSWORD, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DECLARE = `mutation($input: DeclareDonationInput!) { declareDonation(input: $input) { id } }`;
const ROUTE = `mutation($regionId: ID!) { routeDonations(regionId: $regionId) { lots { id donation { id } refurbisher { id } } } }`;
const CLAIM = `mutation($id: ID!) { claimLot(lotId: $id) { id } }`;
const RECEIVE = `mutation($input: ReceiveLotInput!) { receiveLot(input: $input) { id receivedQuantity devices { id } } }`;
const ERASE = `mutation($input: RecordErasureInput!) { recordErasure(input: $input) { id status } }`;
const DEVICES = `query($first: Int) { devices(first: $first) { totalCount edges { node {
  id serialNumber status
  lot { id reference status }
  donor { id name }
  refurbisher { id name }
  erasure { certificateNumber verified }
  history { at action fromStatus toStatus actor organization { id name } }
} } } }`;
const LOTS_WITH_DEVICES = `query { lots(first: 10) { edges { node { id receivedQuantity intake { items { category } } devices { id lot { id } donor { id } refurbisher { id } } donation { id receivedQuantity } } } } }`;

const lyon = { street: '10 quai Perrache', postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } };

/**
 * Nested fields of device lists go through per-request DataLoaders: the number of SQL queries
 * of a page does not grow with the page. Counted by wrapping TypeORM's PostgreSQL query runner,
 * through which every query of the application passes.
 */
describe('device lists issue a bounded number of SQL queries', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let queries: string[] | null = null;
  let restore: () => void;

  beforeAll(async () => {
    // A page of 500 devices with six nested fields is beyond the default complexity budget
    // (the estimator counts `edges` ten times over on top of `first`); this test is about SQL.
    t = await TestApp.start({ maxQueryComplexity: 10_000_000 });
    const runner = t.dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      queries?.push(String(args[0]).replace(/\s+/g, ' ').slice(0, 120));
      return original.apply(this, args);
    };
    restore = () => (proto.query = original);

    await t.reset();
    net = await seedNetwork(t);
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 1000`);
    // a second refurbisher (Grenoble) and a second donor, so that the page spans several of each
    const org = async (input: Record<string, unknown>, email: string, role: string) => {
      const id = (await t.ok(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input }, net.ara.tokens.coordinator))
        .createOrganization.id as string;
      await t.ok(
        `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        { input: { email, password: PASSWORD, role, organizationId: id } },
        net.ara.tokens.coordinator,
      );
      return { id, token: await t.login(email, PASSWORD) };
    };
    const grenoble = await org(
      {
        kind: 'REFURBISHER',
        name: 'Atelier Grenoble',
        regionId: net.ara.id,
        address: { postalCode: '38000', city: 'Grenoble', location: { lat: 45.19, lon: 5.72 } },
        serviceRadiusKm: 200,
        capacities: [{ category: 'LAPTOP', weeklyCapacity: 1000 }],
      },
      'atelier@grenoble.test',
      'REFURBISHER',
    );
    const donor2 = await org(
      { kind: 'DONOR', name: 'Mairie de Villeurbanne', regionId: net.ara.id, address: { postalCode: '69100', city: 'Villeurbanne' } },
      'it@villeurbanne.test',
      'DONOR',
    );
    const tokens = new Map([
      [net.ara.refurbisher, net.ara.tokens.refurbisher],
      [grenoble.id, grenoble.token],
    ]);

    let n = 0;
    for (const [donorToken, refurbisherId, quantity] of [
      [net.ara.tokens.donor, net.ara.refurbisher, 150],
      [donor2.token, grenoble.id, 150],
      [net.ara.tokens.donor, grenoble.id, 100],
      [donor2.token, net.ara.refurbisher, 100],
    ] as const) {
      await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = CASE WHEN organization_id = $1 THEN 1000 ELSE 0 END`, [refurbisherId]);
      const input = { pickupAddress: lyon, availableFrom: '2026-12-01T08:00:00.000Z', lines: [{ category: 'LAPTOP', quantity }] };
      const donationId = (await t.ok(DECLARE, { input }, donorToken)).declareDonation.id;
      const lot = (await t.ok(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.lots.find(
        (l: { donation: { id: string } }) => l.donation.id === donationId,
      );
      const token = tokens.get(lot.refurbisher.id)!;
      await t.ok(CLAIM, { id: lot.id }, token);
      await t.dataSource.query(`UPDATE lot SET status = 'COLLECTED' WHERE id = $1`, [lot.id]);
      const devices = Array.from({ length: quantity }, () => ({ serialNumber: `Q-${++n}`, category: 'LAPTOP' }));
      const received = (await t.ok(RECEIVE, { input: { lotId: lot.id, devices } }, token)).receiveLot;
      expect(received.receivedQuantity).toBe(quantity);
      for (const d of received.devices.slice(0, 10))
        await t.ok(ERASE, { input: { deviceId: d.id, method: 'NIST_800_88_PURGE', operator: 'op', verified: true } }, token);
    }
  });

  afterAll(async () => {
    restore();
    await t.close();
  });

  const counted = async (query: string, variables: Record<string, unknown>, token: string) => {
    queries = [];
    const data = await t.ok(query, variables, token);
    const issued = queries;
    queries = null;
    return { data, issued };
  };

  it('a page of 500 devices with lot, donor, refurbisher, erasure and history: as many queries as a page of 5', async () => {
    const small = await counted(DEVICES, { first: 5 }, net.ara.tokens.coordinator);
    const large = await counted(DEVICES, { first: 500 }, net.ara.tokens.coordinator);
    expect(large.data.devices.edges).toHaveLength(500);
    const nodes = large.data.devices.edges.map((e: { node: any }) => e.node);
    expect(new Set(nodes.map((d: { donor: { id: string } }) => d.donor.id)).size).toBe(2);
    expect(new Set(nodes.map((d: { refurbisher: { id: string } }) => d.refurbisher.id)).size).toBe(2);
    expect(new Set(nodes.map((d: { lot: { id: string } }) => d.lot.id)).size).toBe(4);
    expect(nodes.filter((d: { erasure: unknown }) => d.erasure).length).toBe(40);
    expect(nodes.every((d: { history: unknown[] }) => d.history.length >= 1)).toBe(true);
    process.stdout.write(
      `devices(first: 500) with lot, donor, refurbisher, erasure, history: ${large.issued.length} SQL queries (first: 5: ${small.issued.length})\n${large.issued.map((q) => `  ${q}`).join('\n')}\n`,
    );
    // caller, count, page, lots, organizations, erasures, custody events, their organizations
    expect(large.issued.length).toBeLessThanOrEqual(8);
    expect(large.issued.length).toBe(small.issued.length);
  });

  it('lots with their devices and the devices’ own fields: one query per field, not per lot or device', async () => {
    const { data, issued } = await counted(LOTS_WITH_DEVICES, {}, net.adminToken);
    const lots = data.lots.edges.map((e: { node: any }) => e.node);
    expect(lots.map((l: { devices: unknown[] }) => l.devices.length).reduce((a: number, b: number) => a + b, 0)).toBe(500);
    process.stdout.write(`lots(first: 10) with 500 devices and their lot, donor, refurbisher: ${issued.length} SQL queries\n`);
    expect(issued.length).toBeLessThanOrEqual(11);
  });
});
