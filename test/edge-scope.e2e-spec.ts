import { Caller } from '@app/common';
import { getNamedType, GraphQLID, GraphQLObjectType, GraphQLString, isObjectType } from 'graphql';
import { READ_RULES } from '@app/auth/access-policy';
import { callerOf, Edge, edgesOf, readableIds, schemaOf, typesReachableFromQuery, walk, WalkResult } from './support/edge-walk';
import { NetworkFixture, PASSWORD, RegionFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DECLARE = `mutation($input: DeclareDonationInput!) { declareDonation(input: $input) { id } }`;
const ROUTE = `mutation($regionId: ID!) { routeDonations(regionId: $regionId) { lots { id donation { id } } } }`;
const CLAIM = `mutation($id: ID!) { claimLot(lotId: $id) { id } }`;
const SCHEDULE = `mutation($input: SchedulePickupInput!) { schedulePickup(input: $input) { id } }`;
const COMPLETE = `mutation($input: CompletePickupInput!) { completePickup(input: $input) { id } }`;
const RECEIVE = `mutation($input: ReceiveLotInput!) { receiveLot(input: $input) { devices { id serialNumber } } }`;
const ERASE = `mutation($input: RecordErasureInput!) { recordErasure(input: $input) { id erasure { certificateNumber } } }`;
const GRADE = `mutation($input: GradeDeviceInput!) { gradeDevice(input: $input) { id status } }`;
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id } }`;
const MATCH = `mutation($regionId: ID!) { matchOrders(regionId: $regionId) { allocatedQuantity } }`;
const ORDER_DEVICES = `query($id: ID!) { order(id: $id) { lines { devices { id } } } }`;
const SHIP = `mutation($input: ShipDevicesInput!) { shipDevices(input: $input) { id } }`;
const CONFIRM = `mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { id } }`;
const LOANS = `query { loans(first: 50) { edges { node { id device { id } } } } }`;
const RETURN_LOAN = `mutation($loanId: ID!) { returnLoan(loanId: $loanId) { id } }`;
const OPEN_TICKET = `mutation($deviceId: ID!, $symptom: String!) { openRepairTicket(deviceId: $deviceId, symptom: $symptom) { id } }`;
const RESOLVE_TICKET = `mutation($ticketId: ID!, $replacementDeviceId: ID) {
  resolveRepairTicket(ticketId: $ticketId, outcome: REPLACED, replacementDeviceId: $replacementDeviceId) { id }
}`;
const ELIGIBLE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`;
const TAX_RECEIPT = `mutation($input: IssueTaxReceiptInput!) { issueTaxReceipt(input: $input) { id } }`;
const COUNT = `mutation($input: SubmitStockCountInput!) { submitStockCount(input: $input) { id } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;

const DEVICE_AS_SEEN = `query($id: ID!) { device(id: $id) {
  id category grade specs { ramGb storageGb ssd } status erased
  erasure { certificateNumber operator }
  order { id reference lines { id devices { id } } }
  history { action fromStatus toStatus actor detail organization { id name address { street city } } }
} }`;

const DAY = 24 * 3600_000;
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);

interface RegionStory {
  donationId: string;
  lotId: string;
  pickupId: string;
  /**
   * six devices of one lot: the first is lent to the region's partner, the next two stay IN_STOCK;
   * of the last three, one was lent and given back, one replaced under warranty by the other
   */
  devices: Array<{ id: string; serial: string; certificate: string }>;
  orderId: string;
}

/**
 * Edges are scoped like roots: whatever object a caller reaches, through whatever field, is one
 * it could read from its own root query (the declared rule, READ_RULES); a child it may not read
 * is null, left out of a list, or (non-null fields only) refused, never shown.
 */
describe('authorization on every edge', () => {
  let t: TestApp;
  let net: NetworkFixture;
  const story: Record<'ARA' | 'BFC', RegionStory> = {} as Record<'ARA' | 'BFC', RegionStory>;
  let serial = 0;

  /**
   * One donation of six laptops, collected, received, wiped and graded; one lent to the partner,
   * one lent and returned, one replaced under warranty; a tax receipt for the donor.
   */
  const tell = async (region: RegionFixture, lat: number, lon: number): Promise<RegionStory> => {
    const input = {
      pickupAddress: { street: '1 rue du Donateur', postalCode: '00000', city: 'Ville', location: { lat, lon } },
      availableFrom: availableFrom.toISOString(),
      lines: [{ category: 'LAPTOP', quantity: 6 }],
    };
    const donationId = (await t.ok(DECLARE, { input }, region.tokens.donor)).declareDonation.id as string;
    const lots = (await t.ok(ROUTE, { regionId: region.id }, region.tokens.coordinator)).routeDonations.lots as Array<{ id: string; donation: { id: string } }>;
    const lotId = lots.find((l) => l.donation.id === donationId)!.id;
    await t.ok(CLAIM, { id: lotId }, region.tokens.refurbisher);
    const pickupId = (
      await t.ok(SCHEDULE, { input: { lotId, scheduledAt: new Date(availableFrom.getTime() + 9 * 3600_000).toISOString() } }, region.tokens.refurbisher)
    ).schedulePickup.id as string;
    // a pickup is completed once the donation is available: this one became so yesterday
    await t.dataSource.query(`UPDATE donation SET available_from = now() - interval '1 day' WHERE id = $1`, [donationId]);
    await t.ok(COMPLETE, { input: { pickupId, collectedQuantity: 6 } }, region.tokens.refurbisher);
    const serials = [0, 1, 2, 3, 4, 5].map(() => `EDGE-${region.code}-${++serial}`);
    const intake = serials.map((serialNumber) => ({ serialNumber, category: 'LAPTOP', specs: { ramGb: 8, storageGb: 256, ssd: true } }));
    const received = (await t.ok(RECEIVE, { input: { lotId, devices: intake } }, region.tokens.refurbisher)).receiveLot.devices as Array<{
      id: string;
      serialNumber: string;
    }>;
    const devices: RegionStory['devices'] = [];
    for (const s of serials) {
      const id = received.find((d) => d.serialNumber === s)!.id;
      const erased = await t.ok(
        ERASE,
        { input: { deviceId: id, method: 'NIST_800_88_PURGE', operator: 'Camille Martin', verified: true } },
        region.tokens.refurbisher,
      );
      await t.ok(GRADE, { input: { deviceId: id, grade: 'B', os: 'Xubuntu 24.04' } }, region.tokens.refurbisher);
      devices.push({ id, serial: s, certificate: erased.recordErasure.erasure.certificateNumber });
    }
    const orderId = (await t.ok(SUBMIT, { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }] } }, region.tokens.partner)).submitOrder
      .id as string;
    await t.ok(MATCH, { regionId: region.id }, region.tokens.coordinator);
    const reserved = (await t.ok(ORDER_DEVICES, { id: orderId }, region.tokens.partner)).order.lines[0].devices[0].id as string;
    const dueDate = new Date(Date.now() + 60 * DAY).toISOString();
    await t.ok(SHIP, { input: { orderId, deviceIds: [reserved] } }, region.tokens.refurbisher);
    await t.ok(
      CONFIRM,
      { input: { orderId, deviceIds: [reserved], beneficiaryRefs: [`REF-${region.code}-1`], terms: 'LOAN', dueDate } },
      region.tokens.partner,
    );

    // a second order of two: one lent and given back, one replaced under warranty
    const secondId = (await t.ok(SUBMIT, { input: { lines: [{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }] } }, region.tokens.partner)).submitOrder
      .id as string;
    await t.ok(MATCH, { regionId: region.id }, region.tokens.coordinator);
    const [lent, faulty] = ((await t.ok(ORDER_DEVICES, { id: secondId }, region.tokens.partner)).order.lines[0].devices as Array<{ id: string }>).map(
      (d) => d.id,
    );
    await t.ok(SHIP, { input: { orderId: secondId, deviceIds: [lent, faulty] } }, region.tokens.refurbisher);
    await t.ok(
      CONFIRM,
      { input: { orderId: secondId, deviceIds: [lent, faulty], beneficiaryRefs: [`REF-${region.code}-2`, `REF-${region.code}-3`], terms: 'LOAN', dueDate } },
      region.tokens.partner,
    );
    const loans = (await t.ok(LOANS, {}, region.tokens.partner)).loans.edges as Array<{ node: { id: string; device: { id: string } | null } }>;
    await t.ok(RETURN_LOAN, { loanId: loans.find((l) => l.node.device?.id === lent)!.node.id }, region.tokens.partner);
    // the delivered one first, then the two in stock, then the lent, the faulty and the spare
    const rank = (id: string) => (id === reserved ? 0 : id === lent ? 2 : id === faulty ? 3 : 1);
    devices.sort((a, b) => rank(a.id) - rank(b.id));
    // [lent to the partner, in stock, in stock, the spare, lent and returned, faulty]
    const spare = devices[3]!.id;
    const ticketId = (await t.ok(OPEN_TICKET, { deviceId: faulty, symptom: 'écran noir au démarrage' }, region.tokens.partner)).openRepairTicket.id as string;
    await t.ok(RESOLVE_TICKET, { ticketId, replacementDeviceId: spare }, region.tokens.refurbisher);

    await t.ok(ELIGIBLE, { input: { organizationId: region.refurbisher, taxReceiptEligible: true } }, region.tokens.coordinator);
    await t.ok(TAX_RECEIPT, { input: { donationId, valuationCents: 45_000 } }, region.tokens.refurbisher);
    return { donationId, lotId, pickupId, devices, orderId };
  };

  beforeAll(async () => {
    // the walk asks many edges per request; this suite is about scope, not cost
    t = await TestApp.start({ maxQueryComplexity: 10_000_000 });
    await t.reset();
    net = await seedNetwork(t);
    story.ARA = await tell(net.ara, 45.75, 4.83);
    story.BFC = await tell(net.bfc, 47.32, 5.04);
    // ARA's refurbisher counts one of its devices, misses another, and "finds" a BFC device
    await t.ok(COUNT, { input: { serialNumbers: [story.ARA.devices[1]!.serial, story.BFC.devices[2]!.serial] } }, net.ara.tokens.refurbisher);
    await t.ok(COUNT, { input: { serialNumbers: [story.BFC.devices[1]!.serial] } }, net.bfc.tokens.refurbisher);
    // each region's partner has a person waiting and a session with them: the walk must find only what the rule allows
    for (const region of [net.ara, net.bfc]) {
      await t.ok(
        `mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }`,
        { input: { beneficiaryRef: `WAIT-${region.code}-1`, profile: 'SENIOR', referralSource: 'TOWN_SOCIAL_SERVICE', eligibilityBasis: 'INCOME_CRITERIA' } },
        region.tokens.partner,
      );
      await t.ok(
        `mutation($input: RecordAccompanimentInput!) { recordAccompaniment(input: $input) { id } }`,
        { input: { beneficiaryRef: `REF-${region.code}-1`, kind: 'FIRST_SETUP', date: new Date(Date.now() - DAY).toISOString(), durationMinutes: 45 } },
        region.tokens.partner,
      );
    }
    // everyone has something in their inbox (the worker is not running here): the walk must find only its own
    await t.dataSource.query(
      `INSERT INTO notification (event_key, event, user_id, delivery, title, body, action_path, payload)
       SELECT 'edge-walk-' || id, 'LOT_OFFERED', id, 'IMMEDIATE', 'Nouvelle proposition', 'Un lot vous est proposé.', '/', '{}'::jsonb FROM "user"`,
    );
  }, 120_000);
  afterAll(() => t?.close());

  describe('the generated walk over every edge of the schema, for every role', () => {
    const roles = ['admin', 'coordinator', 'donor', 'refurbisher', 'partner'] as const;
    const walks = new Map<string, { caller: Caller; result: WalkResult }>();
    const window = () => ({ from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() });

    beforeAll(async () => {
      for (const role of roles) {
        const email = role === 'admin' ? 'admin@platform.test' : `${role}@ara.test`;
        const token = role === 'admin' ? net.adminToken : net.ara.tokens[role];
        const caller = await callerOf(t, email);
        walks.set(role, { caller, result: await walk(t, token, caller, { fallbackRegion: net.ara.id, window: window() }) });
      }
    }, 300_000);

    it('every object type with an id has one declared read rule', () => {
      // an `id: ID!` marks a stored resource (FailedJob's id is a queue's string, not ours)
      const withId = Object.values(schemaOf(t).getTypeMap())
        .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
        .filter((type) => getNamedType(type.getFields().id?.type ?? GraphQLString) === GraphQLID)
        .map((type) => type.name)
        .sort();
      expect(withId.filter((name) => !READ_RULES[name])).toEqual([]);
    });

    it.each(roles)('%s: everything reached through an edge is readable by the declared rule', async (role) => {
      const { caller, result } = walks.get(role)!;
      const leaks: string[] = [];
      for (const [edge, ids] of result.reached) {
        const child = edgesOf(schemaOf(t)).find((e) => `${e.parent}.${e.field}` === edge)!.child;
        const readable = await readableIds(t, caller, child);
        for (const id of ids) if (!readable.has(id)) leaks.push(`${edge} -> ${child} ${id}`);
      }
      expect(leaks).toEqual([]);
    });

    it.each(roles)('%s: every root list shows exactly what the declared rule allows', async (role) => {
      const { caller, result } = walks.get(role)!;
      expect(result.rootLists.size).toBeGreaterThan(0);
      for (const [root, { type, ids }] of result.rootLists) {
        expect({ root, ids: [...ids].sort() }).toEqual({ root, ids: [...(await readableIds(t, caller, type))].sort() });
      }
    });

    it('only the non-null edges that lead outside the role are refused, and only with FORBIDDEN', () => {
      const refused: Record<string, string[]> = {};
      for (const role of roles) {
        for (const [edge, codes] of walks.get(role)!.result.refused) refused[`${role} ${edge}`] = [...codes];
      }
      // a partner holds the device, never its lot or its donor; the contract makes both non-null
      expect(refused).toEqual({ 'partner Device.lot': ['FORBIDDEN'], 'partner Device.donor': ['FORBIDDEN'] });
    });

    it('the fixture exercises every edge a query can reach (so that none goes unchecked)', () => {
      const schema = schemaOf(t);
      const reachable = typesReachableFromQuery(schema);
      const identified = (e: Edge) => !!READ_RULES[e.child];
      const walked = new Set<string>();
      for (const { result } of walks.values()) for (const edge of result.reached.keys()) walked.add(edge);
      const unwalked = edgesOf(schema)
        .filter((e) => reachable.has(e.parent) && identified(e))
        .map((e) => `${e.parent}.${e.field}`)
        .filter((e) => !walked.has(e));
      expect(unwalked).toEqual([]);
    });
  });

  describe('a partner, from a device delivered to it', () => {
    it('sees the device, its grade and specs, that it was wiped, and its own order; not the certificate', async () => {
      const mine = story.ARA.devices[0]!;
      const device = (await t.ok(DEVICE_AS_SEEN, { id: mine.id }, net.ara.tokens.partner)).device;
      expect(device).toMatchObject({
        id: mine.id,
        category: 'LAPTOP',
        grade: 'B',
        specs: { ramGb: 8, storageGb: 256, ssd: true },
        status: 'DELIVERED',
        erased: true,
        erasure: null,
      });
      expect(device.order.id).toBe(story.ARA.orderId);
      expect(JSON.stringify(device)).not.toContain(mine.certificate);
    });

    it('does not reach the lot, the pickup, the donation, the donor (street, SIRET) nor the other devices of the lot', async () => {
      const mine = story.ARA.devices[0]!.id;
      for (const field of [
        'lot { id }',
        'lot { pickup { scheduledAt } }',
        'lot { donation { pickupAddress { street } } }',
        'lot { devices { serialNumber } }',
        'donor { id siret }',
      ]) {
        const res = await t.gql(`query($id: ID!) { device(id: $id) { id ${field} } }`, { id: mine }, net.ara.tokens.partner);
        expect(res.data?.device).toBeNull();
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(res)).not.toMatch(/rue du Donateur|Donor ARA|EDGE-ARA-[23]|\d{14}/);
      }
      // the two in stock, and the two that came back from the partner (a returned loan, a replaced one); the spare it got instead is its own
      for (const other of [1, 2, 4, 5].map((i) => story.ARA.devices[i]!))
        expect((await t.ok(`query($id: ID!) { device(id: $id) { id } }`, { id: other.id }, net.ara.tokens.partner)).device).toBeNull();
      expect((await t.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: net.ara.donor }, net.ara.tokens.partner)).organization).toBeNull();
      expect(await t.errorCode(`query($id: ID!) { lot(id: $id) { id } }`, { id: story.ARA.lotId }, net.ara.tokens.partner)).toBe('FORBIDDEN');
    });

    it('reads a custody history without the donor, the workshop staff e-mails or the certificate', async () => {
      const history = (await t.ok(DEVICE_AS_SEEN, { id: story.ARA.devices[0]!.id }, net.ara.tokens.partner)).device.history as Array<Record<string, any>>;
      expect(history.map((e) => e.action)).toEqual(['RECEIVED', 'ERASED', 'GRADED', 'RESERVED', 'SHIPPED', 'DELIVERED']);
      expect(history.map((e) => e.organization?.id ?? null)).toEqual([
        net.ara.refurbisher,
        net.ara.refurbisher,
        net.ara.refurbisher,
        null,
        net.ara.refurbisher,
        net.ara.partner,
      ]);
      // the reservation was made by the coordinator's matching: its organization and e-mail are not the partner's business
      expect(history.map((e) => e.actor)).toEqual([null, null, null, null, null, 'partner@ara.test']);
      expect(history.filter((e) => e.detail !== null).map((e) => e.action)).toEqual(['DELIVERED']);
    });
  });

  describe('a donor, from its device', () => {
    it('sees the refurbisher that took it, not the partner it went to, and no other organization’s e-mails', async () => {
      const device = (await t.ok(DEVICE_AS_SEEN, { id: story.ARA.devices[0]!.id }, net.ara.tokens.donor)).device;
      const history = device.history as Array<Record<string, any>>;
      expect(history.map((e) => e.organization?.id ?? null)).toEqual([
        net.ara.refurbisher,
        net.ara.refurbisher,
        net.ara.refurbisher,
        null,
        net.ara.refurbisher,
        null,
      ]);
      expect(history.map((e) => e.actor)).toEqual([null, null, null, null, null, null]);
      expect(JSON.stringify(device)).not.toMatch(/partner@ara\.test|refurbisher@ara\.test|Partner ARA/);
      // its erasure record is its evidence; the order (who received it) is not its business
      expect(device.erasure.certificateNumber).toBe(story.ARA.devices[0]!.certificate);
      expect(device.order).toBeNull();
      // the refurbisher is readable from its own root query too: the same rule
      expect((await t.ok(`query($id: ID!) { organization(id: $id) { name } }`, { id: net.ara.refurbisher }, net.ara.tokens.donor)).organization.name).toBe(
        'Refurbisher ARA',
      );
      expect((await t.ok(`query($id: ID!) { organization(id: $id) { name } }`, { id: net.ara.partner }, net.ara.tokens.donor)).organization).toBeNull();
    });
  });

  describe('staff e-mails in the history', () => {
    it('the refurbisher reads its own staff, the coordinator its region, ADMIN all; another region’s coordinator nothing', async () => {
      const id = story.ARA.devices[0]!.id;
      const actors = async (token: string) =>
        ((await t.ok(DEVICE_AS_SEEN, { id }, token)).device?.history as Array<{ actor: string | null }> | undefined)?.map((e) => e.actor);
      expect(await actors(net.ara.tokens.refurbisher)).toEqual([
        'refurbisher@ara.test',
        'refurbisher@ara.test',
        'refurbisher@ara.test',
        null,
        'refurbisher@ara.test',
        null,
      ]);
      expect(await actors(net.ara.tokens.coordinator)).toEqual([
        'refurbisher@ara.test',
        'refurbisher@ara.test',
        'refurbisher@ara.test',
        'coordinator@ara.test',
        'refurbisher@ara.test',
        'partner@ara.test',
      ]);
      expect(await actors(net.adminToken)).toEqual([
        'refurbisher@ara.test',
        'refurbisher@ara.test',
        'refurbisher@ara.test',
        'coordinator@ara.test',
        'refurbisher@ara.test',
        'partner@ara.test',
      ]);
      expect(await actors(net.bfc.tokens.coordinator)).toBeUndefined();
    });
  });

  describe('a refurbisher', () => {
    it('reaches the order of a device it holds (to ship it), with only its own devices, and no beneficiary reference', async () => {
      const device = (await t.ok(DEVICE_AS_SEEN, { id: story.ARA.devices[0]!.id }, net.ara.tokens.refurbisher)).device;
      expect(device.order.id).toBe(story.ARA.orderId);
      const lines = (
        await t.ok(
          `query($id: ID!) { device(id: $id) { order { partner { id } lines { beneficiaryRefs devices { id } } } } }`,
          { id: story.ARA.devices[0]!.id },
          net.ara.tokens.refurbisher,
        )
      ).device.order;
      expect(lines).toEqual({ partner: { id: net.ara.partner }, lines: [{ beneficiaryRefs: null, devices: [{ id: story.ARA.devices[0]!.id }] }] });
      // but not through the order queries
      expect(await t.errorCode(`query($id: ID!) { order(id: $id) { id } }`, { id: story.ARA.orderId }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
    });

    it('counting another region’s serial learns that it is known, not whose device it is', async () => {
      const counts = (await t.ok(`{ reconciliations { discrepancies { kind serialNumber device { id } } } }`, {}, net.ara.tokens.refurbisher)).reconciliations;
      const foreign = counts[0].discrepancies.find((d: { serialNumber: string }) => d.serialNumber === story.BFC.devices[2]!.serial);
      expect(foreign).toEqual({ kind: 'UNEXPECTED', serialNumber: story.BFC.devices[2]!.serial, device: null });
      const missing = counts[0].discrepancies.filter((d: { kind: string }) => d.kind === 'MISSING').map((d: { device: { id: string } }) => d.device.id);
      expect(missing).toContain(story.ARA.devices[2]!.id);
    });
  });

  describe('a coordinator creating users', () => {
    it('gets the same answer for an e-mail taken in its region and in another one, naming neither', async () => {
      const attempt = async (email: string) => {
        const res = await t.gql(
          CREATE_USER,
          { input: { email, password: 'a-long-password-2026', role: 'DONOR', organizationId: net.ara.donor } },
          net.ara.tokens.coordinator,
        );
        return { code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message };
      };
      const inRegion = await attempt('refurbisher@ara.test');
      const elsewhere = await attempt('refurbisher@bfc.test');
      expect(inRegion.code).toBe('CONFLICT');
      expect(elsewhere).toEqual(inRegion);
      expect(elsewhere.message).not.toMatch(/bfc|exists|region/i);
      // a fresh address goes through: the refusal is about the address only
      await t.ok(
        CREATE_USER,
        { input: { email: 'new-donor@ara.test', password: PASSWORD, role: 'DONOR', organizationId: net.ara.donor } },
        net.ara.tokens.coordinator,
      );
    });
  });

  describe('the background jobs', () => {
    it('are shown to ADMIN only: the queues are shared by every region', async () => {
      const q = `{ jobs { redisUp outboxPending queues { name } recentFailures { queue reason } } }`;
      expect((await t.ok(q, {}, net.adminToken)).jobs.queues.length).toBeGreaterThan(0);
      for (const token of Object.values(net.ara.tokens)) expect(await t.errorCode(q, {}, token)).toBe('FORBIDDEN');
    });
  });
});
