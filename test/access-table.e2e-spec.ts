import { Caller, DomainError, RequestContext, Role } from '@app/common';
import { ActAccess, actActions, actCell, ActResource, EVERYTHING } from '@app/auth';
import { PickupReminderService } from '@app/logistics';
import { callerOf } from './support/edge-walk';
import { NetworkFixture, PASSWORD, RegionFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DECLARE = `mutation($input: DeclareDonationInput!) { declareDonation(input: $input) { id } }`;
const ROUTE = `mutation($regionId: ID!) { routeDonations(regionId: $regionId) { lots { id donation { id } } } }`;
const CLAIM = `mutation($id: ID!) { claimLot(lotId: $id) { id } }`;
const DECLINE = `mutation($id: ID!) { declineLot(lotId: $id, reason: "no room") { id } }`;
const SCHEDULE = `mutation($input: SchedulePickupInput!) { schedulePickup(input: $input) { id } }`;
const COMPLETE = `mutation($input: CompletePickupInput!) { completePickup(input: $input) { id } }`;
const RECEIVE = `mutation($input: ReceiveLotInput!) { receiveLot(input: $input) { devices { id serialNumber } } }`;
const ERASE = `mutation($input: RecordErasureInput!) { recordErasure(input: $input) { id } }`;
const GRADE = `mutation($input: GradeDeviceInput!) { gradeDevice(input: $input) { id } }`;
const RECYCLE = `mutation($input: RecycleDeviceInput!) { recycleDevice(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id } }`;
const MATCH = `mutation($regionId: ID!) { matchOrders(regionId: $regionId) { allocatedQuantity } }`;
const ORDER_DEVICES = `query($id: ID!) { order(id: $id) { lines { devices { id } } } }`;
const ORDER_REFS = `query($id: ID!) { order(id: $id) { lines { beneficiaryRefs } } }`;
const SHIP = `mutation($input: ShipDevicesInput!) { shipDevices(input: $input) { id } }`;
const CONFIRM = `mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { id } }`;
const CANCEL_ORDER = `mutation($id: ID!) { cancelOrder(id: $id) { id } }`;
const CANCEL_DONATION = `mutation($id: ID!) { cancelDonation(id: $id) { id } }`;
const COUNT = `mutation($input: SubmitStockCountInput!) { submitStockCount(input: $input) { id } }`;
const COUNTS = `query($refurbisherId: ID) { reconciliations(refurbisherId: $refurbisherId) { id } }`;
const RESOLVE = `mutation($id: ID!) { resolveReconciliation(id: $id) { id } }`;
const CREATE_REGION = `mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const CAPACITY = `mutation($id: ID!) { setRefurbisherCapacity(organizationId: $id, capacities: [{ category: LAPTOP, weeklyCapacity: 5 }]) { id } }`;
const STOCK = `query($regionId: ID, $refurbisherId: ID) { stockLevels(regionId: $regionId, refurbisherId: $refurbisherId) { available } }`;
const IMPACT = `query($donorId: ID, $from: DateTime!, $to: DateTime!) { donorImpactReport(donorId: $donorId, from: $from, to: $to) { devicesDeclared } }`;

const DAY = 24 * 3600_000;
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);
const ROLES = ['admin', 'coordinator', 'donor', 'refurbisher', 'partner'] as const;
type RoleName = (typeof ROLES)[number];
const ROLE_OF: Record<RoleName, Role> = {
  admin: Role.ADMIN,
  coordinator: Role.COORDINATOR,
  donor: Role.DONOR,
  refurbisher: Role.REFURBISHER,
  partner: Role.PARTNER,
};

/** One region's flow, to the end: a received lot, a completed pickup, a delivered device, a delivered order, an open stock count. */
interface RegionStory {
  region: RegionFixture;
  donationId: string;
  lotId: string;
  pickupId: string;
  deliveredDeviceId: string;
  serial: string;
  orderId: string;
  reconciliationId: string;
}

/** A row the caller's region holds (its own organization's where the role has one), and one of the other region. */
type Target = 'own' | 'foreign';

/** How one (resource, action) is asked through GraphQL, about the row of a region's story. */
interface Probe {
  /** the row the table is asked about; none for an action on no row */
  rowOf?: (story: RegionStory) => string;
  /** the GraphQL answer's code, OK on success */
  run: (token: string, story: RegionStory, caller: Caller) => Promise<string>;
}

/**
 * The act table through the API, once per (resource, action, role): each command is sent as
 * that role about a row of its own region and one of the other region. Where the table lets it
 * through, the command gets past every authorization check (the rows are in states that refuse
 * the change itself, CONFLICT, so that cases do not disturb each other); where it does not, the
 * answer is the cell's denial (NOT_FOUND, so ids are not probed, or FORBIDDEN), and a role the
 * resolver's Allow list leaves out is FORBIDDEN first. The expectation comes from the table's SQL
 * form run on the fixture's rows, so the same test also proves that SQL and code agree;
 * libs/auth/src/act-rules.spec.ts proves that the table says what DESIGN.md says.
 */
describe('the act table, once per cell, through GraphQL', () => {
  let t: TestApp;
  let net: NetworkFixture;
  const story = {} as Record<'ARA' | 'BFC', RegionStory>;
  const tokens = {} as Record<RoleName, string>;
  const callers = {} as Record<RoleName, Caller>;
  let serial = 0;

  const codeOf = async (query: string, variables: Record<string, unknown>, token: string): Promise<string> => {
    const res = await t.gql(query, variables, token);
    return res.errors?.length ? (res.errors[0]!.extensions?.code ?? 'UNKNOWN') : 'OK';
  };

  const tell = async (region: RegionFixture, lat: number, lon: number): Promise<RegionStory> => {
    const input = {
      pickupAddress: { street: '1 rue du Donateur', postalCode: '00000', city: 'Ville', location: { lat, lon } },
      availableFrom: availableFrom.toISOString(),
      lines: [{ category: 'LAPTOP', quantity: 2 }],
    };
    const donationId = (await t.ok(DECLARE, { input }, region.tokens.donor)).declareDonation.id as string;
    const lots = (await t.ok(ROUTE, { regionId: region.id }, region.tokens.coordinator)).routeDonations.lots as Array<{ id: string; donation: { id: string } }>;
    const lotId = lots.find((l) => l.donation.id === donationId)!.id;
    await t.ok(CLAIM, { id: lotId }, region.tokens.refurbisher);
    const pickupId = (
      await t.ok(SCHEDULE, { input: { lotId, scheduledAt: new Date(availableFrom.getTime() + 9 * 3600_000).toISOString() } }, region.tokens.refurbisher)
    ).schedulePickup.id as string;
    await t.ok(COMPLETE, { input: { pickupId, collectedQuantity: 2 } }, region.tokens.refurbisher);
    const serials = [0, 1].map(() => `ACT-${region.code}-${++serial}`);
    const intake = serials.map((serialNumber) => ({ serialNumber, category: 'LAPTOP', specs: { ramGb: 8, storageGb: 256, ssd: true } }));
    const received = (await t.ok(RECEIVE, { input: { lotId, devices: intake } }, region.tokens.refurbisher)).receiveLot.devices as Array<{
      id: string;
      serialNumber: string;
    }>;
    for (const { id } of received) {
      await t.ok(ERASE, { input: { deviceId: id, method: 'NIST_800_88_PURGE', operator: 'Camille Martin', verified: true } }, region.tokens.refurbisher);
      await t.ok(GRADE, { input: { deviceId: id, grade: 'B' } }, region.tokens.refurbisher);
    }
    const orderId = (await t.ok(SUBMIT, { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }] } }, region.tokens.partner)).submitOrder
      .id as string;
    await t.ok(MATCH, { regionId: region.id }, region.tokens.coordinator);
    const delivered = (await t.ok(ORDER_DEVICES, { id: orderId }, region.tokens.partner)).order.lines[0].devices[0].id as string;
    await t.ok(SHIP, { input: { orderId, deviceIds: [delivered] } }, region.tokens.refurbisher);
    await t.ok(CONFIRM, { input: { orderId, deviceIds: [delivered], beneficiaryRefs: [`REF-${region.code}-1`] } }, region.tokens.partner);
    const kept = received.find((d) => d.id !== delivered)!;
    await t.ok(COUNT, { input: { serialNumbers: [kept.serialNumber] } }, region.tokens.refurbisher);
    const [count] = (await t.ok(COUNTS, { refurbisherId: region.refurbisher }, net.adminToken)).reconciliations as Array<{ id: string }>;
    return { region, donationId, lotId, pickupId, deliveredDeviceId: delivered, serial: kept.serialNumber, orderId, reconciliationId: count!.id };
  };

  const window = { from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
  const orderLines = [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }];
  const donationInput = (donorId: string) => ({
    donorId,
    pickupAddress: { street: '2 rue du Test', postalCode: '00000', city: 'Ville', location: { lat: 45.7, lon: 4.8 } },
    availableFrom: availableFrom.toISOString(),
    lines: [{ category: 'LAPTOP', quantity: 1 }],
  });

  const PROBES: Record<string, Probe> = {
    'Region.create': { run: (token) => codeOf(CREATE_REGION, { input: { code: 'ARA', name: 'Une autre' } }, token) },
    'Region.administer': { rowOf: (s) => s.region.id, run: (token, s) => codeOf(ROUTE, { regionId: s.region.id }, token) },
    'Region.readStock': { rowOf: (s) => s.region.id, run: (token, s) => codeOf(STOCK, { regionId: s.region.id }, token) },
    'Region.sweepPickups': {
      run: async (_, __, caller) => {
        try {
          await t.app.get(PickupReminderService).markOverdueMissed(new RequestContext(caller));
          return 'OK';
        } catch (e) {
          return e instanceof DomainError ? e.code : String(e);
        }
      },
    },
    // on a partner: the command goes past the gate and refuses the organization's kind
    'Organization.administer': { rowOf: (s) => s.region.partner, run: (token, s) => codeOf(CAPACITY, { id: s.region.partner }, token) },
    'Organization.declareDonationFor': { rowOf: (s) => s.region.donor, run: (token, s) => codeOf(DECLARE, { input: donationInput(s.region.donor) }, token) },
    'Organization.submitOrderFor': {
      rowOf: (s) => s.region.partner,
      run: (token, s) => codeOf(SUBMIT, { input: { partnerId: s.region.partner, lines: orderLines } }, token),
    },
    'Organization.countStockOf': {
      rowOf: (s) => s.region.refurbisher,
      run: (token, s) => codeOf(COUNT, { input: { refurbisherId: s.region.refurbisher, serialNumbers: [s.serial] } }, token),
    },
    'Organization.reportImpactOf': { rowOf: (s) => s.region.donor, run: (token, s) => codeOf(IMPACT, { donorId: s.region.donor, ...window }, token) },
    'Organization.filterStockBy': { rowOf: (s) => s.region.refurbisher, run: (token, s) => codeOf(STOCK, { refurbisherId: s.region.refurbisher }, token) },
    // an administrator in an organization: past the gate, refused as input
    'User.createAdministrator': {
      run: (token) =>
        codeOf(
          CREATE_USER,
          { input: { email: 'second-admin@platform.test', password: PASSWORD, role: 'ADMIN', organizationId: story.ARA.region.partner } },
          token,
        ),
    },
    'Donation.cancel': { rowOf: (s) => s.donationId, run: (token, s) => codeOf(CANCEL_DONATION, { id: s.donationId }, token) },
    'Lot.claim': { rowOf: (s) => s.lotId, run: (token, s) => codeOf(CLAIM, { id: s.lotId }, token) },
    'Lot.decline': { rowOf: (s) => s.lotId, run: (token, s) => codeOf(DECLINE, { id: s.lotId }, token) },
    'Lot.schedulePickup': {
      rowOf: (s) => s.lotId,
      run: (token, s) => codeOf(SCHEDULE, { input: { lotId: s.lotId, scheduledAt: new Date(availableFrom.getTime() + DAY).toISOString() } }, token),
    },
    'Lot.receive': {
      rowOf: (s) => s.lotId,
      run: (token, s) => codeOf(RECEIVE, { input: { lotId: s.lotId, devices: [{ serialNumber: `ACT-NEW-${++serial}`, category: 'LAPTOP' }] } }, token),
    },
    'Pickup.complete': { rowOf: (s) => s.pickupId, run: (token, s) => codeOf(COMPLETE, { input: { pickupId: s.pickupId, collectedQuantity: 2 } }, token) },
    'Device.erase': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) =>
        codeOf(ERASE, { input: { deviceId: s.deliveredDeviceId, method: 'NIST_800_88_PURGE', operator: 'Camille Martin', verified: true } }, token),
    },
    'Device.grade': { rowOf: (s) => s.deliveredDeviceId, run: (token, s) => codeOf(GRADE, { input: { deviceId: s.deliveredDeviceId, grade: 'A' } }, token) },
    'Device.recycle': {
      rowOf: (s) => s.deliveredDeviceId,
      run: (token, s) => codeOf(RECYCLE, { input: { deviceId: s.deliveredDeviceId, reason: 'broken' } }, token),
    },
    'PartnerOrder.cancel': { rowOf: (s) => s.orderId, run: (token, s) => codeOf(CANCEL_ORDER, { id: s.orderId }, token) },
    'PartnerOrder.readBeneficiaryRefs': {
      rowOf: (s) => s.orderId,
      run: async (token, s) => {
        const res = await t.gql(ORDER_REFS, { id: s.orderId }, token);
        if (res.errors?.length) return res.errors[0]!.extensions?.code ?? 'UNKNOWN';
        // a read answers null where the command would answer NOT_FOUND
        const refs = (res.data as { order: { lines: Array<{ beneficiaryRefs: string[] | null }> } | null }).order?.lines[0]?.beneficiaryRefs;
        return refs ? 'OK' : 'NOT_FOUND';
      },
    },
    'PartnerOrder.confirmDelivery': {
      rowOf: (s) => s.orderId,
      run: (token, s) => codeOf(CONFIRM, { input: { orderId: s.orderId, deviceIds: [s.deliveredDeviceId] } }, token),
    },
    'PartnerOrder.ship': {
      rowOf: (s) => s.orderId,
      run: (token, s) => codeOf(SHIP, { input: { orderId: s.orderId, deviceIds: [s.deliveredDeviceId] } }, token),
    },
    'Reconciliation.resolve': { rowOf: (s) => s.reconciliationId, run: (token, s) => codeOf(RESOLVE, { id: s.reconciliationId }, token) },
  };

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
    story.ARA = await tell(net.ara, 45.75, 4.83);
    story.BFC = await tell(net.bfc, 47.32, 5.04);
    for (const role of ROLES) {
      tokens[role] = role === 'admin' ? net.adminToken : net.ara.tokens[role];
      callers[role] = await callerOf(t, role === 'admin' ? 'admin@platform.test' : `${role}@ara.test`);
    }
  }, 180_000);
  afterAll(() => t?.close());

  it('every declared action has its probe', () => {
    expect(
      actActions()
        .map((a) => `${a.resource}.${a.action}`)
        .sort(),
    ).toEqual(Object.keys(PROBES).sort());
  });

  // resolving changes the count: those cases go last
  const actions = actActions().sort((a, b) => Number(a.resource === 'Reconciliation') - Number(b.resource === 'Reconciliation'));
  const cells = actions.flatMap(({ resource, action }) => ROLES.map((role) => [`${resource}.${action}`, role, resource, action] as const));

  it.each(cells)('%s as %s', async (key, role, resource, action) => {
    const probe = PROBES[key]!;
    const caller = callers[role];
    const cell = actCell(resource, action as never, ROLE_OF[role]);
    const denial = cell?.denied.code ?? 'FORBIDDEN';
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const targets: Target[] = probe.rowOf ? ['own', 'foreign'] : ['own'];
    for (const target of targets) {
      const s = target === 'own' ? story.ARA : story.BFC;
      let allowed: boolean;
      if (probe.rowOf) {
        const id = probe.rowOf(s);
        allowed = (await ActAccess.permitted(new RequestContext(caller), t.dataSource.manager, resource as ActResource, action as never, [id])).has(id);
      } else {
        allowed = cell?.rule === EVERYTHING;
      }
      const code = await probe.run(tokens[role], s, caller);
      // allowed: past every authorization check, whatever the state says next
      seen[target] = allowed ? (['NOT_FOUND', 'FORBIDDEN'].includes(code) ? `refused (${code})` : 'past the gate') : code;
      expected[target] = allowed ? 'past the gate' : denial;
    }
    expect(seen).toEqual(expected);
  });
});
