import {
  DeviceIntakeInput,
  ErasureMethod,
  GradeDeviceInput,
  WorkshopDeviceDocument,
  WorkshopDeviceFieldsFragment,
  WorkshopDevicesBySerialDocument,
  WorkshopGradeDeviceDocument,
  WorkshopMarkPartsDonorDocument,
  WorkshopOrderDocument,
  WorkshopReceiveLotDocument,
  WorkshopRecordErasureDocument,
  WorkshopRecordPartTransferDocument,
  WorkshopRecoverDeviceDocument,
  WorkshopRecycleDeviceDocument,
  WorkshopReplaceStorageDocument,
  WorkshopResolveDiscrepancyDocument,
  WorkshopResolveReconciliationDocument,
  WorkshopReturnToWorkshopDocument,
  WorkshopSetDeviceLocationDocument,
  WorkshopStockLevelsDocument,
  WorkshopSubmitStockCountDocument,
  SubmitStockCountInput,
} from './generated/graphql';
import { claimLot, declareAndRoute, LYON, markCollected } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { matchOrders, submitOrder } from './support/order-flow';
import { GqlResponse, TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY).toISOString();
const LAPTOP_SPECS = { ramGb: 8, storageGb: 256, ssd: true };
const OS = 'Xubuntu 24.04';

let counter = 0;
const serial = () => `WS-${++counter}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

type Dev = WorkshopDeviceFieldsFragment;

/** The workshop's paths: broken after grading, destroyed disks, failed erasures, missing devices found, parts, shelves, counts. */
describe('the workshop as refurbishers work', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let token: string;
  let refurbisherId: string;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    token = net.ara.tokens.refurbisher;
    refurbisherId = net.ara.refurbisher;
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity)
       SELECT o.id, c.category, 1000 FROM organization o CROSS JOIN unnest(enum_range(NULL::device_category)) AS c(category) WHERE o.id = $1
       ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = 1000`,
      [refurbisherId],
    );
  });

  const errorOf = async (p: Promise<GqlResponse>) => {
    const res = await p;
    return { code: res.errors?.[0]?.extensions?.code as string | undefined, message: res.errors?.[0]?.message ?? '' };
  };
  const codeOf = async (p: Promise<GqlResponse>) => (await errorOf(p)).code;

  /** A lot of this many laptops received by ARA's refurbisher, with these serials (made up when absent). */
  const receive = async (serials: string[], extra: Partial<DeviceIntakeInput> = {}) => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: serials.length }], { pickupAddress: LYON, availableFrom });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const devices = serials.map((serialNumber): DeviceIntakeInput => ({ serialNumber, category: 'LAPTOP', specs: LAPTOP_SPECS, ...extra }));
    return (await t.runOk(WorkshopReceiveLotDocument, { input: { lotId: lot.id, devices } }, token)).receiveLot;
  };
  const receiveOne = async (extra: Partial<DeviceIntakeInput> = {}) => (await receive([serial()], extra)).devices[0]!;
  const erase = (deviceId: string, method: ErasureMethod = 'NIST_800_88_PURGE', verified = true) =>
    t.run(WorkshopRecordErasureDocument, { input: { deviceId, method, operator: 'Camille Martin', verified } }, token);
  const grade = (deviceId: string, extra: Partial<GradeDeviceInput> = {}) =>
    t.run(WorkshopGradeDeviceDocument, { input: { deviceId, grade: 'B', os: OS, ...extra } }, token);
  const ok = async <T>(p: Promise<GqlResponse<T>>): Promise<Dev> => {
    const res = await p;
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data as object)[0] as Dev;
  };
  /** A laptop erased and graded: IN_STOCK, at this location. */
  const stocked = async (location?: string) => {
    const d = await receiveOne();
    await ok(erase(d.id));
    return ok(grade(d.id, { location }));
  };
  const device = async (id: string) => (await t.runOk(WorkshopDeviceDocument, { id }, net.ara.tokens.coordinator)).device!;
  const actions = (d: Dev) => d.history.map((h) => h.action);
  const stock = async () =>
    (await t.runOk(WorkshopStockLevelsDocument, { refurbisherId }, net.ara.tokens.coordinator)).stockLevels
      .filter((l) => l.category === 'LAPTOP' && l.grade === 'B')
      .map(({ available, reserved }) => ({ available, reserved }))[0] ?? { available: 0, reserved: 0 };
  const movements = async (deviceId: string) =>
    (await t.dataSource.query(`SELECT kind, available_delta, reserved_delta FROM stock_movement WHERE device_id = $1 ORDER BY id`, [deviceId])).map(
      (m: { kind: string; available_delta: number; reserved_delta: number }) => `${m.kind} ${m.available_delta}/${m.reserved_delta}`,
    );
  const matchJobs = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE name = 'match-region'`))[0].n);
  /** A laptop in stock reserved for a partner's order by matching. */
  const reserved = async () => {
    const d = await stocked();
    const orderId = await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], net.ara.tokens.partner);
    await matchOrders(t, net.ara);
    expect((await device(d.id)).status).toBe('RESERVED');
    return { device: d, orderId };
  };
  const order = async (id: string) => (await t.runOk(WorkshopOrderDocument, { id }, net.ara.tokens.coordinator)).order!;
  const count = (input: Partial<SubmitStockCountInput>) =>
    t.runOk(WorkshopSubmitStockCountDocument, { input: { serialNumbers: [], ...input } }, token).then((r) => r.submitStockCount);
  /** A device in stock declared MISSING by a count that did not find it, resolved by the coordinator. */
  const missing = async () => {
    const d = await stocked();
    const c = await count({ serialNumbers: [] });
    await t.runOk(WorkshopResolveReconciliationDocument, { id: c.id }, net.ara.tokens.coordinator);
    expect(await device(d.id)).toMatchObject({ status: 'MISSING' });
    return d;
  };

  describe('disks, erasures and operating systems', () => {
    it('a disk destroyed by the erasure leaves the specs: no grading until replaceStorage records a new one', async () => {
      const d = await receiveOne();
      const wiped = await ok(erase(d.id, 'PHYSICAL_DESTRUCTION'));
      expect(wiped).toMatchObject({ status: 'WIPED', needsStorage: true, specs: { storageGb: null, ssd: null }, erased: true });
      expect(await errorOf(grade(d.id))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('replaceStorage') });
      expect(await stock()).toEqual({ available: 0, reserved: 0 });

      const fitted = await ok(t.run(WorkshopReplaceStorageDocument, { input: { deviceId: d.id, storageGb: 240, ssd: true } }, token));
      expect(fitted).toMatchObject({ status: 'WIPED', needsStorage: false, specs: { storageGb: 240, ssd: true } });
      expect(fitted.history.at(-1)).toMatchObject({ action: 'STORAGE_REPLACED', fromStatus: 'WIPED', toStatus: 'WIPED', detail: 'new disk: 240 GB SSD' });

      const graded = await ok(
        grade(d.id, {
          checklist: { screen: true, keyboard: true, batteryHealthPercent: 81, webcam: true, microphone: false, wifi: true, ports: '2 USB-A ok, HDMI dead' },
        }),
      );
      expect(graded).toMatchObject({
        status: 'IN_STOCK',
        specs: { storageGb: 240, ssd: true, os: OS },
        checklist: { screen: true, keyboard: true, batteryHealthPercent: 81, webcam: true, microphone: false, wifi: true, ports: '2 USB-A ok, HDMI dead' },
        capabilities: { webcam: true, microphone: false, batteryHealthPercent: 81, os: OS },
      });
      const [row] = await t.dataSource.query(`SELECT battery_health_percent, webcam_works, microphone_works FROM device WHERE id = $1`, [d.id]);
      expect(row).toEqual({ battery_health_percent: 81, webcam_works: true, microphone_works: false });
      expect(await stock()).toEqual({ available: 1, reserved: 0 });
    });

    it('grading may record the new disk itself, in its specs', async () => {
      const d = await receiveOne();
      await ok(erase(d.id, 'PHYSICAL_DESTRUCTION'));
      expect(await ok(grade(d.id, { specs: { storageGb: 128, ssd: true } }))).toMatchObject({ status: 'IN_STOCK', needsStorage: false });
    });

    it('a failed erasure gets no certificate number and blocks the device until a verified one', async () => {
      const d = await receiveOne();
      const failed = await ok(erase(d.id, 'NIST_800_88_PURGE', false));
      expect(failed).toMatchObject({ status: 'RECEIVED', erasure: null, erased: false });
      expect(failed.history.at(-1)).toMatchObject({ action: 'ERASURE_FAILED', detail: expect.stringContaining('no certificate') });
      expect(await t.dataSource.query(`SELECT certificate_number, verified FROM erasure_record WHERE device_id = $1`, [d.id])).toEqual([
        { certificate_number: null, verified: false },
      ]);
      expect(await codeOf(grade(d.id))).toBe('CONFLICT');
      expect(await codeOf(t.run(WorkshopRecycleDeviceDocument, { input: { deviceId: d.id, reason: 'dead' } }, token))).toBe('CONFLICT');

      const erased = await ok(erase(d.id));
      expect(erased).toMatchObject({
        status: 'WIPED',
        erased: true,
        erasure: { verified: true, certificateNumber: expect.stringMatching(/^ERA-\d{4}-\d{6,}$/) },
      });
      expect(await ok(grade(d.id))).toMatchObject({ status: 'IN_STOCK' });
    });

    it('a computer enters the stock only with an operating system (the grading input or its specs)', async () => {
      const d = await receiveOne();
      await ok(erase(d.id));
      expect(await errorOf(grade(d.id, { os: null }))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('operating system') });
      expect(await stock()).toEqual({ available: 0, reserved: 0 });
      expect(await ok(grade(d.id, { os: null, specs: { os: 'Lubuntu 24.04' } }))).toMatchObject({ status: 'IN_STOCK', specs: { os: 'Lubuntu 24.04' } });
    });
  });

  describe('found broken after grading', () => {
    it('a RESERVED laptop returned to the workshop: reservation released, order open again and re-matched, stock and ledger follow', async () => {
      const { device: d, orderId } = await reserved();
      expect(await order(orderId)).toMatchObject({ status: 'ALLOCATED', lines: [{ allocatedQuantity: 1 }] });
      expect(await stock()).toEqual({ available: 0, reserved: 1 });
      const jobsBefore = await matchJobs();

      const back = await ok(t.run(WorkshopReturnToWorkshopDocument, { input: { deviceId: d.id, reason: 'screen flickers' } }, token));
      expect(back.status).toBe('RECEIVED');
      expect(back.history.slice(-2)).toMatchObject([
        { action: 'UNRESERVED', fromStatus: 'RESERVED', toStatus: 'IN_STOCK' },
        { action: 'RETURNED_TO_WORKSHOP', fromStatus: 'IN_STOCK', toStatus: 'RECEIVED', detail: 'screen flickers' },
      ]);
      expect(await order(orderId)).toMatchObject({ status: 'OPEN', lines: [{ allocatedQuantity: 0, devices: [] }] });
      expect(await matchJobs()).toBeGreaterThan(jobsBefore);
      expect(await stock()).toEqual({ available: 0, reserved: 0 });
      expect(await movements(d.id)).toEqual(['STOCKED 1/0', 'RESERVED -1/1', 'UNRESERVED 1/-1', 'WITHDRAWN -1/0']);

      // repaired: erased and graded again, back in stock; its lot stays closed (rework is not intake)
      await ok(erase(d.id));
      expect(await ok(grade(d.id))).toMatchObject({ status: 'IN_STOCK' });
      expect(await stock()).toEqual({ available: 1, reserved: 0 });
      const [lot] = await t.dataSource.query(
        `SELECT l.status, i.open_quantity FROM device d JOIN lot l ON l.id = d.lot_id JOIN lot_intake i ON i.lot_id = l.id WHERE d.id = $1`,
        [d.id],
      );
      expect(lot).toEqual({ status: 'CLOSED', open_quantity: 0 });
    });

    it('a RESERVED laptop recycled: released, its order open again, out of the stock', async () => {
      const { device: d, orderId } = await reserved();
      const recycled = await ok(t.run(WorkshopRecycleDeviceDocument, { input: { deviceId: d.id, reason: 'motherboard dead' } }, token));
      expect(recycled.status).toBe('RECYCLED');
      expect(actions(recycled).slice(-2)).toEqual(['UNRESERVED', 'RECYCLED']);
      expect(await order(orderId)).toMatchObject({ status: 'OPEN', lines: [{ allocatedQuantity: 0 }] });
      expect(await stock()).toEqual({ available: 0, reserved: 0 });
    });

    it('an IN_STOCK laptop goes back to the workshop too; a RECEIVED one cannot (it is there already)', async () => {
      const d = await stocked();
      expect(await ok(t.run(WorkshopReturnToWorkshopDocument, { input: { deviceId: d.id, reason: 'keyboard' } }, token))).toMatchObject({ status: 'RECEIVED' });
      expect(await stock()).toEqual({ available: 0, reserved: 0 });
      expect(await codeOf(t.run(WorkshopReturnToWorkshopDocument, { input: { deviceId: d.id, reason: 'again' } }, token))).toBe('CONFLICT');
    });
  });

  describe('a MISSING device that turns up', () => {
    it('is recovered by a command, back IN_STOCK with a custody event and its counter', async () => {
      const d = await missing();
      expect(await stock()).toEqual({ available: 0, reserved: 0 });
      const found = await ok(t.run(WorkshopRecoverDeviceDocument, { input: { deviceId: d.id, note: 'behind the shelf' } }, token));
      expect(found.status).toBe('IN_STOCK');
      expect(found.history.at(-1)).toMatchObject({ action: 'RECOVERED', fromStatus: 'MISSING', toStatus: 'IN_STOCK', detail: 'found: behind the shelf' });
      expect(await stock()).toEqual({ available: 1, reserved: 0 });
      expect(await movements(d.id)).toEqual(['STOCKED 1/0', 'MISSING -1/0', 'RECOVERED 1/0']);
      expect(await codeOf(t.run(WorkshopRecoverDeviceDocument, { input: { deviceId: d.id, note: 'twice' } }, token))).toBe('CONFLICT');
    });

    it('is recovered when scanned at an intake, never registered twice (its serial written another way)', async () => {
      const d = await missing();
      const other = serial();
      const typed = d.serialNumberKey.toLowerCase().replace(/(.{2})/, '$1-');
      const lot = await receive([typed, other]);
      expect(lot.receivedQuantity).toBe(1);
      expect(lot.devices.map((x) => x.serialNumber)).toEqual([other]);
      const found = await device(d.id);
      expect(found.status).toBe('IN_STOCK');
      expect(found.history.at(-1)).toMatchObject({ action: 'RECOVERED', detail: expect.stringContaining('scanned at the intake') });
      expect(Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM device WHERE serial_number_key = $1`, [d.serialNumberKey]))[0].n)).toBe(1);
      expect(await stock()).toEqual({ available: 1, reserved: 0 });
    });

    it('is recovered when a count finds it and the coordinator decides FOUND', async () => {
      const d = await missing();
      const c = await count({ serialNumbers: [d.serialNumber] });
      const unexpected = c.discrepancies.find((x) => x.kind === 'UNEXPECTED')!;
      expect(unexpected).toMatchObject({ serialNumber: d.serialNumber, device: { id: d.id, status: 'MISSING' } });
      const after = (await t.runOk(WorkshopResolveDiscrepancyDocument, { discrepancyId: unexpected.id, decision: 'FOUND' }, net.ara.tokens.coordinator))
        .resolveDiscrepancy;
      expect(after).toMatchObject({ status: 'RESOLVED', discrepancies: [{ decision: 'FOUND', decidedBy: 'coordinator@ara.test' }] });
      expect(await device(d.id)).toMatchObject({ status: 'IN_STOCK' });
      expect(await stock()).toEqual({ available: 1, reserved: 0 });
    });
  });

  describe('spare parts', () => {
    it('a recycled device marked as a parts donor gives a part, recorded on both histories', async () => {
      const donor = await receiveOne();
      await ok(erase(donor.id));
      const repaired = await receiveOne();
      expect(await codeOf(t.run(WorkshopMarkPartsDonorDocument, { deviceId: donor.id }, token))).toBe('CONFLICT');
      expect(
        await codeOf(t.run(WorkshopRecordPartTransferDocument, { input: { fromDeviceId: donor.id, toDeviceId: repaired.id, part: 'RAM 8 GB' } }, token)),
      ).toBe('CONFLICT');
      await ok(t.run(WorkshopRecycleDeviceDocument, { input: { deviceId: donor.id, reason: 'cracked case' } }, token));
      const marked = await ok(t.run(WorkshopMarkPartsDonorDocument, { deviceId: donor.id }, token));
      expect(marked).toMatchObject({ status: 'RECYCLED', partsDonor: true });
      expect(marked.history.at(-1)).toMatchObject({ action: 'PARTS_DONOR' });

      const fitted = await ok(
        t.run(WorkshopRecordPartTransferDocument, { input: { fromDeviceId: donor.id, toDeviceId: repaired.id, part: 'RAM 8 GB' } }, token),
      );
      expect(fitted.history.at(-1)).toMatchObject({
        action: 'PART_FITTED',
        fromStatus: 'RECEIVED',
        toStatus: 'RECEIVED',
        detail: `RAM 8 GB from ${donor.serialNumber}`,
      });
      expect((await device(donor.id)).history.at(-1)).toMatchObject({ action: 'PART_GIVEN', detail: `RAM 8 GB to ${repaired.serialNumber}` });
    });
  });

  describe('serial numbers', () => {
    it('"ab-12 34.5" is "AB12345" at intake, in searches and in counts; shown as entered', async () => {
      const lot = await receive(['ab-12 34.5']);
      const d = lot.devices[0]!;
      expect(d).toMatchObject({ serialNumber: 'ab-12 34.5', serialNumberKey: 'AB12345' });
      const lot2 = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom });
      await claimLot(t, lot2.id, token);
      await markCollected(t, lot2.id);
      expect(
        await errorOf(t.run(WorkshopReceiveLotDocument, { input: { lotId: lot2.id, devices: [{ serialNumber: 'AB12345', category: 'LAPTOP' }] } }, token)),
      ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('ab-12 34.5') });

      for (const typed of ['AB12345', 'ab 123-45', 'A.B.1.2.3.4.5']) {
        const found = (await t.runOk(WorkshopDevicesBySerialDocument, { serialNumber: typed }, net.ara.tokens.coordinator)).devices;
        expect(found.edges.map((e) => e.node.id)).toEqual([d.id]);
      }

      await ok(erase(d.id));
      await ok(grade(d.id));
      const c = await count({ serialNumbers: ['AB1234.5'] });
      expect(c).toMatchObject({ expectedQuantity: 1, countedQuantity: 1, missingQuantity: 0, unexpectedQuantity: 0 });
    });
  });

  describe('counts that fit a workshop', () => {
    it('a shelf count does not declare the rest missing; location set at grading or by setDeviceLocation', async () => {
      const a1 = await stocked('A1');
      const a1b = await stocked();
      const b2 = await stocked('B2');
      expect(await ok(t.run(WorkshopSetDeviceLocationDocument, { input: { deviceId: a1b.id, location: 'A1' } }, token))).toMatchObject({ location: 'A1' });

      const c = await count({ serialNumbers: [a1.serialNumber], scope: { location: 'a1' } });
      expect(c).toMatchObject({
        expectedQuantity: 2,
        countedQuantity: 1,
        missingQuantity: 1,
        unexpectedQuantity: 0,
        scope: { location: 'a1', categories: null },
      });
      expect(c.discrepancies.map((x) => x.device?.id)).toEqual([a1b.id]);
      const resolved = (await t.runOk(WorkshopResolveReconciliationDocument, { id: c.id }, net.ara.tokens.coordinator)).resolveReconciliation;
      expect(resolved.markedMissingQuantity).toBe(1);
      expect((await device(b2.id)).status).toBe('IN_STOCK');
      expect((await device(a1.id)).status).toBe('IN_STOCK');

      const byIds = await count({ serialNumbers: [], scope: { deviceIds: [b2.id] } });
      expect(byIds).toMatchObject({ expectedQuantity: 1, missingQuantity: 1, scope: { deviceCount: 1 } });
      const byCategory = await count({ serialNumbers: [a1.serialNumber, b2.serialNumber], scope: { categories: ['TABLET'] } });
      expect(byCategory).toMatchObject({ expectedQuantity: 0, missingQuantity: 0, unexpectedQuantity: 2 });
    });

    it('each discrepancy is decided on its own; the count is resolved when the last one is', async () => {
      const gone = await stocked();
      const there = await stocked();
      const c = await count({ serialNumbers: ['NOT-OURS-1'] });
      expect(c).toMatchObject({ missingQuantity: 2, unexpectedQuantity: 1 });
      const of = (id: string) => c.discrepancies.find((x) => x.device?.id === id)!.id;
      const unknown = c.discrepancies.find((x) => x.kind === 'UNEXPECTED')!.id;
      const decide = (discrepancyId: string, decision: 'CONFIRM_MISSING' | 'FOUND' | 'MISSCANNED', as = net.ara.tokens.coordinator) =>
        t.run(WorkshopResolveDiscrepancyDocument, { discrepancyId, decision }, as);

      expect(await codeOf(decide(of(gone.id), 'CONFIRM_MISSING', token))).toBe('FORBIDDEN');
      expect(await codeOf(decide(of(gone.id), 'CONFIRM_MISSING', net.bfc.tokens.coordinator))).toBe('NOT_FOUND');
      expect(await codeOf(decide(unknown, 'CONFIRM_MISSING'))).toBe('BAD_USER_INPUT');

      const first = (await decide(of(gone.id), 'CONFIRM_MISSING')).data!.resolveDiscrepancy;
      expect(first.status).toBe('OPEN');
      expect(await device(gone.id)).toMatchObject({ status: 'MISSING' });
      expect(await stock()).toEqual({ available: 1, reserved: 0 });
      expect(await codeOf(decide(of(gone.id), 'FOUND'))).toBe('CONFLICT');

      await decide(of(there.id), 'FOUND');
      const last = (await decide(unknown, 'MISSCANNED')).data!.resolveDiscrepancy;
      expect(last).toMatchObject({ status: 'RESOLVED', markedMissingQuantity: 1 });
      expect(await device(there.id)).toMatchObject({ status: 'IN_STOCK' });
      expect(await codeOf(t.run(WorkshopResolveReconciliationDocument, { id: c.id }, net.ara.tokens.coordinator))).toBe('CONFLICT');
    });

    it('the whole-count resolution leaves the discrepancies decided one by one as they were', async () => {
      const kept = await stocked();
      const gone = await stocked();
      const c = await count({ serialNumbers: [] });
      const of = (id: string) => c.discrepancies.find((x) => x.device?.id === id)!.id;
      await t.runOk(WorkshopResolveDiscrepancyDocument, { discrepancyId: of(kept.id), decision: 'FOUND' }, net.ara.tokens.coordinator);
      const resolved = (await t.runOk(WorkshopResolveReconciliationDocument, { id: c.id }, net.ara.tokens.coordinator)).resolveReconciliation;
      expect(resolved).toMatchObject({ status: 'RESOLVED', markedMissingQuantity: 1 });
      expect(Object.fromEntries(resolved.discrepancies.map((x) => [x.device!.id, x.decision]))).toEqual({ [kept.id]: 'FOUND', [gone.id]: 'CONFIRM_MISSING' });
      expect(await device(kept.id)).toMatchObject({ status: 'IN_STOCK' });
      expect(await device(gone.id)).toMatchObject({ status: 'MISSING' });
    });
  });

  describe('who may', () => {
    it('only the holder acts on its devices; staff recover a missing device of their region', async () => {
      const d = await stocked();
      const back = (as: string) => codeOf(t.run(WorkshopReturnToWorkshopDocument, { input: { deviceId: d.id, reason: 'x' } }, as));
      expect(await back(net.ara.tokens.donor)).toBe('FORBIDDEN');
      expect(await back(net.ara.tokens.partner)).toBe('FORBIDDEN');
      expect(await back(net.ara.tokens.coordinator)).toBe('FORBIDDEN');
      expect(await back(net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(await codeOf(t.run(WorkshopSetDeviceLocationDocument, { input: { deviceId: d.id, location: 'Z9' } }, net.bfc.tokens.refurbisher))).toBe(
        'NOT_FOUND',
      );

      const lost = await missing();
      const recover = (as: string) => t.run(WorkshopRecoverDeviceDocument, { input: { deviceId: lost.id, note: 'in the van' } }, as);
      expect(await codeOf(recover(net.bfc.tokens.coordinator))).toBe('NOT_FOUND');
      expect(await codeOf(recover(net.ara.tokens.partner))).toBe('FORBIDDEN');
      expect((await ok(recover(net.ara.tokens.coordinator))).status).toBe('IN_STOCK');
    });
  });
});
