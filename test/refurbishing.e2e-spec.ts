import { RequestContext } from '@app/common';
import { DEVICE_ACTIONS, DeviceAction, StatusChangingAction } from '@app/refurbishing/entities/device-action';
import { DEVICE_MACHINE, DeviceStatus } from '@app/refurbishing/entities/device-status';
import { DeviceStockService } from '@app/refurbishing/services/device-stock.service';
import fc from 'fast-check';
import {
  DeviceCategory,
  DeviceIntakeInput,
  DeviceSpecsInput,
  DonationLineInput,
  ErasureMethod,
  Grade,
  RefurbishingCapacityDocument,
  RefurbishingDeviceDocument,
  RefurbishingDevicesDocument,
  RefurbishingDevicesQuery,
  RefurbishingDevicesQueryVariables,
  RefurbishingGradeDeviceDocument,
  RefurbishingLotDocument,
  RefurbishingReceiveLotDocument,
  RefurbishingReceiveLotMutation,
  RefurbishingRecordErasureDocument,
  RefurbishingRecycleDeviceDocument,
  RefurbishingStockLevelsDocument,
  RefurbishingStockLevelsQueryVariables,
} from './generated/graphql';
import { claimLot, collectLot, declareAndRoute, DIJON, LYON, markCollected } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { addOrganization } from './support/organization-fixture';
import { GqlResponse, TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
/** midnight UTC three days from now: a pickup may be scheduled from then on */
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);

type Line = DonationLineInput;
type Intake = DeviceIntakeInput;
type Dev = RefurbishingReceiveLotMutation['receiveLot']['devices'][number];

let serialCounter = 0;
const serial = (prefix = 'SN') => `${prefix}-${++serialCounter}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
const ids = (conn: { edges: Array<{ node: { id: string } }> }) => conn.edges.map((e) => e.node.id).sort();

describe('refurbishing and chain of custody', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second refurbisher of ARA (Grenoble) and a second donor of ARA (Villeurbanne) */
  let second: { id: string; token: string };
  let donor2: { id: string; token: string };
  const tokenOf = new Map<string, string>();

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    second = await addOrganization(
      t,
      {
        kind: 'REFURBISHER',
        name: 'Atelier Grenoble',
        regionId: net.ara.id,
        address: { postalCode: '38000', city: 'Grenoble', location: { lat: 45.19, lon: 5.72 } },
        serviceRadiusKm: 200,
      },
      { email: 'atelier@grenoble.test', role: 'REFURBISHER' },
      net.ara.tokens.coordinator,
    );
    donor2 = await addOrganization(
      t,
      {
        kind: 'DONOR',
        name: 'Mairie de Villeurbanne',
        regionId: net.ara.id,
        address: { postalCode: '69100', city: 'Villeurbanne', location: { lat: 45.77, lon: 4.88 } },
      },
      { email: 'it@villeurbanne.test', role: 'DONOR' },
      net.ara.tokens.coordinator,
    );
    // Every refurbisher takes every category, plenty of it.
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity)
       SELECT o.id, c.category, 1000 FROM organization o CROSS JOIN unnest(enum_range(NULL::device_category)) AS c(category) WHERE o.kind = 'REFURBISHER'
       ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = 1000`,
    );
    tokenOf.clear();
    tokenOf.set(net.ara.refurbisher, net.ara.tokens.refurbisher).set(net.bfc.refurbisher, net.bfc.tokens.refurbisher).set(second.id, second.token);
  });

  /** A donation declared, routed and claimed; its one lot put in COLLECTED by SQL unless a pickup is asked for. */
  const collectedLot = async (
    lines: Line[],
    options: { donorToken?: string; region?: 'ara' | 'bfc'; only?: string; pickup?: number } = {},
  ): Promise<{ lotId: string; donationId: string; refurbisherId: string; token: string }> => {
    const region = net[options.region ?? 'ara'];
    if (options.only)
      await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = CASE WHEN organization_id = $1 THEN 1000 ELSE 0 END`, [options.only]);
    const lot = await declareAndRoute(t, region, lines, {
      pickupAddress: options.region === 'bfc' ? DIJON : LYON,
      availableFrom: availableFrom.toISOString(),
      donorToken: options.donorToken,
    });
    if (options.only) await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 1000`);
    const token = tokenOf.get(lot.refurbisherId)!;
    await claimLot(t, lot.id, token);
    if (options.pickup !== undefined) {
      await collectLot(t, lot.id, token, new Date(availableFrom.getTime() + 9 * 3600_000).toISOString(), options.pickup);
    } else {
      await markCollected(t, lot.id);
    }
    return { lotId: lot.id, donationId: lot.donationId, refurbisherId: lot.refurbisherId, token };
  };

  const receive = async (lotId: string, devices: Intake[], token: string) =>
    (await t.runOk(RefurbishingReceiveLotDocument, { input: { lotId, devices } }, token)).receiveLot;
  /** A received lot of these devices (serials made up), with its devices by category order of the input. */
  const receivedLot = async (categories: DeviceCategory[], lines?: Line[], options: Parameters<typeof collectedLot>[1] = {}) => {
    const declared = lines ?? [...new Set(categories)].map((category) => ({ category, quantity: categories.filter((c) => c === category).length }));
    const lot = await collectedLot(declared, options);
    const intake = categories.map((category) => ({ serialNumber: serial(), category }));
    const received = await receive(lot.lotId, intake, lot.token);
    const devices = intake.map((i) => received.devices.find((d: Dev) => d.serialNumber === i.serialNumber)) as Dev[];
    return { ...lot, received, devices };
  };
  const erase = (deviceId: string, token: string, method: ErasureMethod = 'NIST_800_88_PURGE', verified = true) =>
    t.run(RefurbishingRecordErasureDocument, { input: { deviceId, method, operator: 'Camille Martin', verified } }, token);
  // a computer enters the stock only with an OS: the tests give one unless they say which
  const grade = (deviceId: string, token: string, g: Grade = 'A', specs?: DeviceSpecsInput) =>
    t.run(RefurbishingGradeDeviceDocument, { input: { deviceId, grade: g, specs, os: specs?.os ?? 'Xubuntu 24.04' } }, token);
  const recycle = (deviceId: string, token: string, reason = 'broken motherboard') =>
    t.run(RefurbishingRecycleDeviceDocument, { input: { deviceId, reason } }, token);
  /** The one field of a call's data (the device it answers); throws with the errors otherwise. */
  const must = async <T extends object>(p: Promise<GqlResponse<T>>): Promise<T[keyof T]> => {
    const res = await p;
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data as T)[0] as T[keyof T];
  };
  const codeOf = async (p: Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>) => (await p).errors?.[0]?.extensions?.code;
  const device = async (id: string, token = net.ara.tokens.coordinator) => (await t.runOk(RefurbishingDeviceDocument, { id }, token)).device!;
  const stock = async (token = net.ara.tokens.coordinator, variables: RefurbishingStockLevelsQueryVariables = {}) =>
    (await t.runOk(RefurbishingStockLevelsDocument, variables, token)).stockLevels;
  const stockService = () => t.app.get(DeviceStockService);
  const system = () => RequestContext.system();

  /** The stock as a recount of the devices sees it (what the counters must always equal). */
  const recount = async () =>
    (
      await t.dataSource.query(
        `SELECT refurbisher_id, category, grade, count(*) FILTER (WHERE status = 'IN_STOCK')::int AS available, count(*) FILTER (WHERE status = 'RESERVED')::int AS reserved
           FROM device WHERE status IN ('IN_STOCK', 'RESERVED') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
    ).map((r: any) => ({ refurbisher: { id: r.refurbisher_id }, category: r.category, grade: r.grade, available: r.available, reserved: r.reserved }));
  const byKey = <T extends { refurbisher: { id: string }; category: string; grade: string }>(rows: T[]) =>
    [...rows].sort((a, b) => `${a.refurbisher.id}${a.category}${a.grade}`.localeCompare(`${b.refurbisher.id}${b.category}${b.grade}`));

  describe('the path of a device', () => {
    it('declare → route → claim → pickup → receive → erase → grade → stock, then the lot closes and the donation is PROCESSED', async () => {
      const lines: Line[] = [
        { category: 'LAPTOP', quantity: 2 },
        { category: 'MONITOR', quantity: 1 },
      ];
      const lot = await collectedLot(lines, { pickup: 3 });
      const token = lot.token;
      expect(
        (await t.runOk(RefurbishingCapacityDocument, { id: lot.refurbisherId }, net.ara.tokens.coordinator)).organization!.capacities.filter(
          (c: { load: number }) => c.load > 0,
        ),
      ).toEqual([
        { category: 'LAPTOP', load: 2 },
        { category: 'MONITOR', load: 1 },
      ]);

      const received = await receive(
        lot.lotId,
        [
          { serialNumber: ' pf1abc01 ', category: 'LAPTOP', brand: 'Lenovo', model: 'T480', specs: { cpu: 'i5-8350U', ramGb: 8, storageGb: 256, ssd: true } },
          { serialNumber: 'PF1ABC02', category: 'LAPTOP', brand: 'Lenovo', model: 'T480' },
          { serialNumber: 'CN-0M2X', category: 'MONITOR', brand: 'Dell', model: 'P2419H', specs: { screenInches: 23.8 } },
        ],
        token,
      );
      expect(received).toMatchObject({
        status: 'RECEIVED',
        quantity: 3,
        receivedQuantity: 3,
        countDifference: 0,
        intake: { declaredQuantity: 3, collectedQuantity: 3, receivedQuantity: 3, differenceFromDeclared: 0, differenceFromCollected: 0 },
        donation: { id: lot.donationId, status: 'COLLECTED', receivedQuantity: 3, countDifference: 0 },
      });
      expect(received.devices.map((d: Dev) => [d.serialNumber, d.category, d.status, d.dataBearing])).toEqual([
        // shown as entered (trimmed), ordered by the key they are compared by
        ['CN-0M2X', 'MONITOR', 'RECEIVED', false],
        ['pf1abc01', 'LAPTOP', 'RECEIVED', true],
        ['PF1ABC02', 'LAPTOP', 'RECEIVED', true],
      ]);
      // received lots no longer weigh on the refurbisher's capacity
      expect(
        (await t.runOk(RefurbishingCapacityDocument, { id: lot.refurbisherId }, net.ara.tokens.coordinator)).organization!.capacities.every(
          (c: { load: number }) => c.load === 0,
        ),
      ).toBe(true);
      const [monitor, laptop1, laptop2] = received.devices as Dev[];

      const erased = await must(erase(laptop1!.id, token));
      expect(erased).toMatchObject({ status: 'WIPED', erasure: { method: 'NIST_800_88_PURGE', operator: 'Camille Martin', verified: true } });
      expect(erased.erasure!.certificateNumber).toMatch(/^ERA-\d{4}-\d{6}$/);
      const graded = await must(grade(laptop1!.id, token, 'A', { ramGb: 16, os: 'Xubuntu 24.04' }));
      expect(graded).toMatchObject({ status: 'IN_STOCK', grade: 'A', specs: { cpu: 'i5-8350U', ramGb: 16, storageGb: 256, ssd: true, os: 'Xubuntu 24.04' } });

      expect((await must(erase(monitor!.id, token, 'NO_STORAGE'))).erasure).toMatchObject({ method: 'NO_STORAGE', verified: true });
      expect((await must(grade(monitor!.id, token, 'B'))).status).toBe('IN_STOCK');
      expect((await must(erase(laptop2!.id, token, 'PHYSICAL_DESTRUCTION'))).status).toBe('WIPED');
      expect((await t.runOk(RefurbishingLotDocument, { id: lot.lotId }, token)).lot!.status).toBe('RECEIVED');
      expect(await must(recycle(laptop2!.id, token, '  cracked chassis '))).toMatchObject({ status: 'RECYCLED', recycleReason: 'cracked chassis' });

      expect(byKey(await stock())).toEqual(
        byKey([
          { refurbisher: { id: lot.refurbisherId }, category: 'LAPTOP', grade: 'A', available: 1, reserved: 0 },
          { refurbisher: { id: lot.refurbisherId }, category: 'MONITOR', grade: 'B', available: 1, reserved: 0 },
        ]),
      );
      const closed = (await t.runOk(RefurbishingLotDocument, { id: lot.lotId }, net.ara.tokens.donor)).lot;
      expect(closed).toMatchObject({ status: 'CLOSED', donation: { status: 'PROCESSED' } });

      // the donor reads its devices, their erasure certificates and their chain of custody
      const seen = await device(laptop1!.id, net.ara.tokens.donor);
      expect(seen).toMatchObject({
        serialNumber: 'pf1abc01',
        status: 'IN_STOCK',
        lot: { id: lot.lotId },
        donor: { id: net.ara.donor },
        refurbisher: { id: lot.refurbisherId },
      });
      expect(seen.erasure!.certificateNumber).toBe(erased.erasure!.certificateNumber);
      // the workshop that took it, but not its staff's e-mails (test/edge-scope.e2e-spec.ts)
      expect(seen.history.map((e) => [e.action, e.fromStatus, e.toStatus, e.actor, e.organization?.id])).toEqual([
        ['RECEIVED', null, 'RECEIVED', null, lot.refurbisherId],
        ['ERASED', 'RECEIVED', 'WIPED', null, lot.refurbisherId],
        ['GRADED', 'WIPED', 'IN_STOCK', null, lot.refurbisherId],
      ]);
      expect(seen.history[1]!.detail).toContain(erased.erasure!.certificateNumber);
      const times = seen.history.map((e: { at: string }) => new Date(e.at).getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });
  });

  describe('intake', () => {
    it('a count that differs from the declaration and from the pickup is kept and shown, per category', async () => {
      const lot = await collectedLot([{ category: 'LAPTOP', quantity: 5 }], { pickup: 4 });
      const received = await receive(
        lot.lotId,
        [...(['LAPTOP', 'LAPTOP', 'LAPTOP', 'MONITOR', 'TABLET', 'TABLET'] as DeviceCategory[])].map((category) => ({ serialNumber: serial(), category })),
        lot.token,
      );
      expect(received).toMatchObject({
        quantity: 5,
        receivedQuantity: 6,
        countDifference: 1,
        intake: {
          declaredQuantity: 5,
          collectedQuantity: 4,
          receivedQuantity: 6,
          differenceFromDeclared: 1,
          differenceFromCollected: 2,
          items: [
            { category: 'LAPTOP', declaredQuantity: 5, receivedQuantity: 3, difference: -2 },
            { category: 'MONITOR', declaredQuantity: 0, receivedQuantity: 1, difference: 1 },
            { category: 'TABLET', declaredQuantity: 0, receivedQuantity: 2, difference: 2 },
          ],
        },
        donation: { receivedQuantity: 6, countDifference: 1 },
      });
      // categories the donor did not declare are taken as data-bearing: when unsure, erase
      const byCategory = Object.fromEntries(received.devices.map((d: Dev) => [d.category, d.dataBearing]));
      expect(byCategory).toEqual({ LAPTOP: true, MONITOR: true, TABLET: true });
    });

    it('fewer devices than declared: the shortfall shows on the lot and the donation', async () => {
      const { received } = await receivedLot(['LAPTOP', 'LAPTOP'], [{ category: 'LAPTOP', quantity: 5 }]);
      expect(received).toMatchObject({
        receivedQuantity: 2,
        countDifference: -3,
        intake: { collectedQuantity: null, differenceFromCollected: null },
        donation: { receivedQuantity: 2, countDifference: -3 },
      });
    });

    it('data-bearing comes from the donation lines of the category', async () => {
      const { devices } = await receivedLot(
        ['LAPTOP', 'MONITOR', 'PRINTER'],
        [
          { category: 'LAPTOP', quantity: 1, dataBearing: false },
          { category: 'MONITOR', quantity: 1 },
          { category: 'PRINTER', quantity: 1, dataBearing: true },
        ],
      );
      expect(devices.map((d) => [d.category, d.dataBearing])).toEqual([
        ['LAPTOP', false],
        ['MONITOR', false],
        ['PRINTER', true],
      ]);
    });

    it('a serial number is unique across the network: duplicates in the input or already registered are CONFLICT, and nothing is saved', async () => {
      const a = await receivedLot(['LAPTOP']);
      const taken = a.devices[0]!.serialNumber;
      const b = await collectedLot([{ category: 'LAPTOP', quantity: 2 }], { region: 'bfc' });
      const twice = await t.run(
        RefurbishingReceiveLotDocument,
        {
          input: {
            lotId: b.lotId,
            devices: [
              { serialNumber: 'abc-1', category: 'LAPTOP' },
              { serialNumber: ' ABC-1', category: 'LAPTOP' },
            ],
          },
        },
        b.token,
      );
      expect(twice.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(twice.errors?.[0]?.message).toContain('ABC-1');
      const again = await t.run(
        RefurbishingReceiveLotDocument,
        {
          input: {
            lotId: b.lotId,
            devices: [
              { serialNumber: 'NEW-1', category: 'LAPTOP' },
              { serialNumber: taken.toLowerCase(), category: 'LAPTOP' },
            ],
          },
        },
        b.token,
      );
      expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(again.errors?.[0]?.message).toContain(taken);
      expect(await t.count('device')).toBe(1);
      expect(await t.count('custody_event')).toBe(1);
      expect((await t.runOk(RefurbishingLotDocument, { id: b.lotId }, b.token)).lot).toMatchObject({
        status: 'COLLECTED',
        receivedQuantity: null,
        intake: null,
        devices: [],
      });
    });

    it('two lots received at once with a shared serial: one wins, the other is CONFLICT and leaves nothing behind', async () => {
      const a = await collectedLot([{ category: 'LAPTOP', quantity: 1 }]);
      const b = await collectedLot([{ category: 'LAPTOP', quantity: 1 }], { region: 'bfc' });
      const results = await Promise.all([
        t.run(RefurbishingReceiveLotDocument, { input: { lotId: a.lotId, devices: [{ serialNumber: 'RACE-1', category: 'LAPTOP' }] } }, a.token),
        t.run(RefurbishingReceiveLotDocument, { input: { lotId: b.lotId, devices: [{ serialNumber: 'RACE-1', category: 'LAPTOP' }] } }, b.token),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
      expect(await t.count('device')).toBe(1);
      expect(await t.count('lot_intake')).toBe(1);
    });

    it('only a COLLECTED lot is received, once; empty or bad input is BAD_USER_INPUT', async () => {
      const lot = await collectedLot([{ category: 'LAPTOP', quantity: 1 }]);
      await t.dataSource.query(`UPDATE lot SET status = 'CLAIMED' WHERE id = $1`, [lot.lotId]);
      const input = { lotId: lot.lotId, devices: [{ serialNumber: serial(), category: 'LAPTOP' as const }] };
      expect(await t.runError(RefurbishingReceiveLotDocument, { input }, lot.token)).toBe('CONFLICT');
      await t.dataSource.query(`UPDATE lot SET status = 'COLLECTED' WHERE id = $1`, [lot.lotId]);
      expect(await t.runError(RefurbishingReceiveLotDocument, { input: { ...input, devices: [] } }, lot.token)).toBe('BAD_USER_INPUT');
      expect(await t.runError(RefurbishingReceiveLotDocument, { input: { ...input, devices: [{ serialNumber: '   ', category: 'LAPTOP' }] } }, lot.token)).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await t.runError(
          RefurbishingReceiveLotDocument,
          { input: { ...input, devices: [{ serialNumber: 'X', category: 'LAPTOP', specs: { ramGb: -1 } }] } },
          lot.token,
        ),
      ).toBe('BAD_USER_INPUT');
      await receive(lot.lotId, input.devices, lot.token);
      expect(
        await t.runError(RefurbishingReceiveLotDocument, { input: { ...input, devices: [{ serialNumber: serial(), category: 'LAPTOP' }] } }, lot.token),
      ).toBe('CONFLICT');
    });
  });

  describe('the erasure rule', () => {
    it('a data-bearing device is neither stocked nor recycled without a verified erasure record', async () => {
      const { devices, token } = await receivedLot(['LAPTOP', 'LAPTOP']);
      const [a, b] = devices as [Dev, Dev];
      expect(await codeOf(recycle(a.id, token))).toBe('CONFLICT');
      expect(await codeOf(grade(a.id, token))).toBe('CONFLICT');

      // a failed attempt is kept without a certificate number (Device.erasure shows certificates only), and the device stays RECEIVED
      const failed = await must(erase(a.id, token, 'NIST_800_88_CLEAR', false));
      expect(failed).toMatchObject({ status: 'RECEIVED', erasure: null });
      expect(await t.dataSource.query(`SELECT method, verified, certificate_number FROM erasure_record WHERE device_id = $1`, [a.id])).toEqual([
        { method: 'NIST_800_88_CLEAR', verified: false, certificate_number: null },
      ]);
      expect(await codeOf(grade(a.id, token))).toBe('CONFLICT');
      expect(await codeOf(recycle(a.id, token))).toBe('CONFLICT');
      const ok = await must(erase(a.id, token, 'NIST_800_88_PURGE', true));
      expect(ok).toMatchObject({ status: 'WIPED', erasure: { verified: true, method: 'NIST_800_88_PURGE' } });
      expect(ok.erasure!.certificateNumber).toMatch(/^ERA-\d{4}-\d{6}$/);
      expect((await device(a.id)).history.map((e) => `${e.action}:${e.fromStatus}>${e.toStatus}`)).toEqual([
        'RECEIVED:null>RECEIVED',
        'ERASURE_FAILED:RECEIVED>RECEIVED',
        'ERASED:RECEIVED>WIPED',
      ]);

      // even a device put in WIPED behind the service's back is refused without its record
      await t.dataSource.query(`UPDATE device SET status = 'WIPED' WHERE id = $1`, [b.id]);
      expect(await codeOf(grade(b.id, token))).toBe('CONFLICT');
      expect(await codeOf(recycle(b.id, token))).toBe('CONFLICT');
      expect((await device(b.id)).status).toBe('WIPED');
      expect(await t.count('stock_level')).toBe(0);
    });

    it('a device without data is recycled as it is; NO_STORAGE is refused for a device with storage', async () => {
      const lot = await collectedLot([
        { category: 'MONITOR', quantity: 1 },
        { category: 'LAPTOP', quantity: 2 },
      ]);
      const received = await receive(
        lot.lotId,
        [
          { serialNumber: 'MON-1', category: 'MONITOR' },
          { serialNumber: 'LAP-DISK', category: 'LAPTOP', specs: { storageGb: 500, ssd: false } },
          { serialNumber: 'LAP-NODISK', category: 'LAPTOP', specs: { storageGb: 0 } },
        ],
        lot.token,
      );
      const token = lot.token;
      const [withDisk, withoutDisk, monitor] = received.devices as [Dev, Dev, Dev];
      expect((await must(recycle(monitor.id, token, 'dead pixels'))).status).toBe('RECYCLED');
      expect(await codeOf(erase(withDisk.id, token, 'NO_STORAGE'))).toBe('CONFLICT');
      expect((await must(erase(withoutDisk.id, token, 'NO_STORAGE'))).status).toBe('WIPED');
      expect((await must(recycle(withoutDisk.id, token))).status).toBe('RECYCLED');
    });

    it('certificate numbers are unique, even when recorded at once', async () => {
      const { devices, token } = await receivedLot(Array<DeviceCategory>(12).fill('LAPTOP'));
      const results = await Promise.all(devices.map((d) => must(erase(d.id, token))));
      const numbers = results.map((r) => r.erasure!.certificateNumber);
      expect(new Set(numbers).size).toBe(12);
      for (const n of numbers) expect(n).toMatch(/^ERA-\d{4}-\d{6}$/);
    });
  });

  describe('transitions', () => {
    /** One device in each status, reached through the services. */
    const deviceInEachStatus = async (): Promise<{ token: string; byStatus: Record<DeviceStatus, Dev> }> => {
      const { devices, token } = await receivedLot(Array<DeviceCategory>(8).fill('LAPTOP'));
      const [received, wiped, inStock, reserved, shipped, delivered, recycled, missing] = devices as Dev[];
      for (const d of [wiped, inStock, reserved, shipped, delivered, recycled, missing]) await must(erase(d!.id, token));
      for (const d of [inStock, reserved, shipped, delivered, missing]) await must(grade(d!.id, token, 'B'));
      await must(recycle(recycled!.id, token));
      await stockService().reserve(system(), [reserved!.id, shipped!.id, delivered!.id]);
      await stockService().ship(system(), [shipped!.id, delivered!.id]);
      await stockService().deliver(system(), [delivered!.id]);
      await stockService().markMissing(system(), [missing!.id], 'not on the shelf');
      const byStatus = {
        RECEIVED: received,
        WIPED: wiped,
        IN_STOCK: inStock,
        RESERVED: reserved,
        SHIPPED: shipped,
        DELIVERED: delivered,
        RECYCLED: recycled,
        MISSING: missing,
      } as Record<DeviceStatus, Dev>;
      return { token, byStatus };
    };

    it('every change the device machine does not allow is CONFLICT, through GraphQL and the stock service, and changes nothing', async () => {
      const { token, byStatus } = await deviceInEachStatus();
      const events = await t.count('custody_event');
      const levels = await stock();
      const attempts: Array<[DeviceStatus, string, DeviceStatus, () => Promise<string | undefined>]> = [];
      for (const [status, d] of Object.entries(byStatus) as Array<[DeviceStatus, Dev]>) {
        const viaService = (fn: () => Promise<unknown>) => async () =>
          fn().then(
            () => undefined,
            (e: { code?: string }) => e.code ?? 'ERROR',
          );
        const ops: Array<[string, StatusChangingAction, () => Promise<string | undefined>]> = [
          ['recordErasure', DeviceAction.ERASED, () => codeOf(erase(d.id, token))],
          ['gradeDevice', DeviceAction.GRADED, () => codeOf(grade(d.id, token))],
          ['recycleDevice', DeviceAction.RECYCLED, () => codeOf(recycle(d.id, token))],
          ['reserve', DeviceAction.RESERVED, viaService(() => stockService().reserve(system(), [d.id]))],
          ['unreserve', DeviceAction.UNRESERVED, viaService(() => stockService().unreserve(system(), [d.id]))],
          ['ship', DeviceAction.SHIPPED, viaService(() => stockService().ship(system(), [d.id]))],
          ['deliver', DeviceAction.DELIVERED, viaService(() => stockService().deliver(system(), [d.id]))],
          ['markMissing', DeviceAction.MISSING, viaService(() => stockService().markMissing(system(), [d.id]))],
        ];
        for (const [name, action, run] of ops) {
          const { to, from } = DEVICE_ACTIONS[action];
          if (!DEVICE_MACHINE.canTransition(status, to) || (from && !from.includes(status))) attempts.push([status, name, to, run]);
        }
      }
      // 12 allowed: the 10 of the flow, and recycling from IN_STOCK and RESERVED (found broken after grading)
      expect(attempts).toHaveLength(64 - 12);
      for (const [status, name, , run] of attempts) expect([status, name, await run()]).toEqual([status, name, 'CONFLICT']);
      for (const [status, d] of Object.entries(byStatus)) expect((await device(d.id)).status).toBe(status);
      expect(await t.count('custody_event')).toBe(events);
      expect(await stock()).toEqual(levels);
    });

    it('a reservation is all or nothing, and a device is never reserved twice, even by concurrent callers', async () => {
      const { devices, token } = await receivedLot(Array<DeviceCategory>(3).fill('LAPTOP'));
      for (const d of devices) {
        await must(erase(d.id, token));
        await must(grade(d.id, token, 'C'));
      }
      const [a, b, c] = devices as [Dev, Dev, Dev];
      await stockService().reserve(system(), [a.id]);
      await expect(stockService().reserve(system(), [b.id, a.id])).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await device(b.id)).status).toBe('IN_STOCK');
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => stockService().reserve(system(), [c.id, b.id])));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'CONFLICT')).toHaveLength(9);
      expect(await stock()).toEqual([{ refurbisher: { id: net.ara.refurbisher }, category: 'LAPTOP', grade: 'C', available: 0, reserved: 3 }]);
      await stockService().unreserve(system(), [b.id], 'order cancelled');
      expect(await stock()).toEqual([{ refurbisher: { id: net.ara.refurbisher }, category: 'LAPTOP', grade: 'C', available: 1, reserved: 2 }]);
      expect((await device(b.id)).history.slice(-2).map((e) => [e.action, e.actor, e.organization, e.detail])).toEqual([
        ['RESERVED', 'system', null, null],
        ['UNRESERVED', 'system', null, 'order cancelled'],
      ]);
    });

    it('the last devices of a lot, finished at once, close the lot exactly once', async () => {
      const { devices, token, lotId } = await receivedLot(Array<DeviceCategory>(10).fill('LAPTOP'));
      for (const d of devices) await must(erase(d.id, token));
      await Promise.all(devices.map((d, i) => (i % 3 === 0 ? must(recycle(d.id, token)) : must(grade(d.id, token, 'A')))));
      expect((await t.runOk(RefurbishingLotDocument, { id: lotId }, token)).lot).toMatchObject({ status: 'CLOSED', donation: { status: 'PROCESSED' } });
      const [intake] = await t.dataSource.query(`SELECT open_quantity FROM lot_intake WHERE lot_id = $1`, [lotId]);
      expect(intake.open_quantity).toBe(0);
    });
  });

  describe('the chain of custody is append-only', () => {
    it('UPDATE and DELETE are refused by the database on custody events, erasure records and stock movements', async () => {
      const { devices, token } = await receivedLot(['LAPTOP']);
      await must(erase(devices[0]!.id, token));
      await must(grade(devices[0]!.id, token));
      for (const table of ['custody_event', 'erasure_record', 'stock_movement']) {
        await expect(t.dataSource.query(`UPDATE ${table} SET device_id = device_id`)).rejects.toThrow(/append-only/);
        await expect(t.dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
        expect(await t.count(table)).toBeGreaterThan(0);
      }
    });
  });

  describe('who sees and does what', () => {
    /** ARA donor's devices at the Lyon refurbisher, a second ARA donor's at Grenoble, and a BFC donation. */
    const world = async () => {
      const mine = await receivedLot(['LAPTOP', 'LAPTOP'], undefined, { only: net.ara.refurbisher });
      const other = await receivedLot(['LAPTOP', 'MONITOR'], undefined, { donorToken: donor2.token, only: second.id });
      const far = await receivedLot(['TABLET'], undefined, { region: 'bfc' });
      expect([mine.refurbisherId, other.refurbisherId, far.refurbisherId]).toEqual([net.ara.refurbisher, second.id, net.bfc.refurbisher]);
      return { mine, other, far };
    };

    it('a donor sees the devices of its own donations only; a refurbisher those it holds; staff their region; partners none', async () => {
      const { mine, other, far } = await world();
      const list = async (token: string, variables: RefurbishingDevicesQueryVariables = {}) =>
        (await t.runOk(RefurbishingDevicesDocument, variables, token)).devices;
      expect(ids(await list(net.ara.tokens.donor))).toEqual(mine.devices.map((d) => d.id).sort());
      expect(ids(await list(donor2.token))).toEqual(other.devices.map((d) => d.id).sort());
      expect(ids(await list(net.ara.tokens.refurbisher))).toEqual(mine.devices.map((d) => d.id).sort());
      expect(ids(await list(second.token))).toEqual(other.devices.map((d) => d.id).sort());
      expect((await list(net.ara.tokens.coordinator)).totalCount).toBe(4);
      expect(ids(await list(net.bfc.tokens.coordinator))).toEqual(far.devices.map((d) => d.id));
      expect((await list(net.adminToken)).totalCount).toBe(5);
      expect(await list(net.ara.tokens.partner)).toMatchObject({ totalCount: 0, edges: [] });
      // filters never widen the scope
      expect((await list(net.ara.tokens.donor, { donationId: other.donationId })).totalCount).toBe(0);
      expect((await list(second.token, { refurbisherId: net.ara.refurbisher })).totalCount).toBe(0);
      expect((await list(net.ara.tokens.coordinator, { serialNumber: far.devices[0]!.serialNumber })).totalCount).toBe(0);
      // one by one: null where not visible
      const theirs = other.devices[0]!.id;
      expect((await t.runOk(RefurbishingDeviceDocument, { id: theirs }, net.ara.tokens.donor)).device).toBeNull();
      expect((await t.runOk(RefurbishingDeviceDocument, { id: theirs }, net.ara.tokens.refurbisher)).device).toBeNull();
      expect((await t.runOk(RefurbishingDeviceDocument, { id: theirs }, net.bfc.tokens.coordinator)).device).toBeNull();
      expect((await t.runOk(RefurbishingDeviceDocument, { id: theirs }, net.ara.tokens.partner)).device).toBeNull();
      expect((await t.runOk(RefurbishingDeviceDocument, { id: theirs }, donor2.token)).device).toMatchObject({ id: theirs, donor: { id: donor2.id } });
      expect((await t.runOk(RefurbishingDeviceDocument, { id: theirs }, net.ara.tokens.coordinator)).device!.id).toBe(theirs);
    });

    it('filters and pages, newest first, with cursors', async () => {
      const { mine, other } = await world();
      const list = async (variables: RefurbishingDevicesQueryVariables) =>
        (await t.runOk(RefurbishingDevicesDocument, variables, net.ara.tokens.coordinator)).devices;
      expect((await list({ category: 'MONITOR' })).totalCount).toBe(1);
      expect((await list({ refurbisherId: second.id })).totalCount).toBe(2);
      expect((await list({ donationId: mine.donationId })).totalCount).toBe(2);
      expect((await list({ status: 'RECEIVED' })).totalCount).toBe(4);
      expect((await list({ status: 'WIPED' })).totalCount).toBe(0);
      expect(ids(await list({ serialNumber: ` ${other.devices[1]!.serialNumber.toLowerCase()} ` }))).toEqual([other.devices[1]!.id]);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: RefurbishingDevicesQuery['devices'] = await list({ first: 3, after });
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      // devices received in one transaction share their created_at: the cursor must still not skip any
      expect(seen).toHaveLength(4);
      expect(seen.slice(0, 2).sort()).toEqual(other.devices.map((d) => d.id).sort());
      expect(seen.slice(2).sort()).toEqual(mine.devices.map((d) => d.id).sort());
      expect(await t.runError(RefurbishingDevicesDocument, { first: 501 }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      expect(await t.runError(RefurbishingDevicesDocument, { after: 'nonsense' }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    });

    it('only the refurbisher holding a device acts on it: other refurbishers NOT_FOUND, other roles FORBIDDEN', async () => {
      const { mine } = await world();
      const d = mine.devices[0]!.id;
      for (const token of [second.token, net.bfc.tokens.refurbisher]) {
        expect(await codeOf(erase(d, token))).toBe('NOT_FOUND');
        expect(await codeOf(grade(d, token))).toBe('NOT_FOUND');
        expect(await codeOf(recycle(d, token))).toBe('NOT_FOUND');
      }
      expect(await codeOf(erase('00000000-0000-4000-8000-000000000000', net.ara.tokens.refurbisher))).toBe('NOT_FOUND');
      for (const token of [net.ara.tokens.donor, net.ara.tokens.partner, net.ara.tokens.coordinator, net.adminToken]) {
        expect(await codeOf(erase(d, token))).toBe('FORBIDDEN');
        expect(await codeOf(grade(d, token))).toBe('FORBIDDEN');
        expect(await codeOf(recycle(d, token))).toBe('FORBIDDEN');
      }
      expect(await codeOf(erase(d, ''))).toBe('UNAUTHENTICATED');
      expect((await device(d)).status).toBe('RECEIVED');
      expect(await t.count('erasure_record')).toBe(0);
    });

    it('only the refurbisher holding a lot receives it', async () => {
      const lot = await collectedLot([{ category: 'LAPTOP', quantity: 1 }], { only: net.ara.refurbisher });
      const input = { lotId: lot.lotId, devices: [{ serialNumber: serial(), category: 'LAPTOP' as const }] };
      expect(await t.runError(RefurbishingReceiveLotDocument, { input }, second.token)).toBe('NOT_FOUND');
      expect(await t.runError(RefurbishingReceiveLotDocument, { input }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      for (const token of [net.ara.tokens.donor, net.ara.tokens.partner, net.ara.tokens.coordinator, net.adminToken])
        expect(await t.runError(RefurbishingReceiveLotDocument, { input }, token)).toBe('FORBIDDEN');
      expect(await t.count('device')).toBe(0);
    });

    it('stock levels: staff of the region and the refurbisher itself; nobody else', async () => {
      const { mine, other, far } = await world();
      for (const [x, token] of [
        [mine, net.ara.tokens.refurbisher],
        [other, second.token],
        [far, net.bfc.tokens.refurbisher],
      ] as const) {
        await must(erase(x.devices[0]!.id, token));
        await must(grade(x.devices[0]!.id, token, 'B'));
      }
      const row = (refurbisherId: string, category = 'LAPTOP') => ({ refurbisher: { id: refurbisherId }, category, grade: 'B', available: 1, reserved: 0 });
      expect(await stock(net.ara.tokens.refurbisher)).toEqual([row(net.ara.refurbisher)]);
      expect(await stock(second.token)).toEqual([row(second.id)]);
      expect(byKey(await stock(net.ara.tokens.coordinator))).toEqual(byKey([row(net.ara.refurbisher), row(second.id)]));
      expect(await stock(net.ara.tokens.coordinator, { refurbisherId: second.id })).toEqual([row(second.id)]);
      expect(await stock(net.bfc.tokens.coordinator, { refurbisherId: second.id })).toEqual([]);
      expect(await stock(net.adminToken, { regionId: net.bfc.id })).toEqual([row(net.bfc.refurbisher, 'TABLET')]);
      expect(await stock(net.adminToken)).toHaveLength(3);
      expect(await t.runError(RefurbishingStockLevelsDocument, { regionId: net.ara.id }, net.bfc.tokens.coordinator)).toBe('FORBIDDEN');
      expect(await t.runError(RefurbishingStockLevelsDocument, { refurbisherId: second.id }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
      for (const token of [net.ara.tokens.donor, net.ara.tokens.partner])
        expect(await t.runError(RefurbishingStockLevelsDocument, {}, token)).toBe('FORBIDDEN');
    });
  });

  describe('stock levels are counters that always equal a recount of the devices', () => {
    type Op = {
      op: 'erase' | 'grade' | 'recycle' | 'reserve' | 'unreserve' | 'ship' | 'deliver' | 'missing';
      verified: boolean;
      method: ErasureMethod;
      grade: Grade;
    };
    /** diskDestroyed: erased by PHYSICAL_DESTRUCTION, so not graded until a new disk is recorded (these runs record none) */
    type Model = { id: string; status: DeviceStatus; dataBearing: boolean; erased: boolean; storageGb: number | null; diskDestroyed?: boolean };
    const CATEGORIES: DeviceCategory[] = ['LAPTOP', 'LAPTOP', 'MONITOR', 'SMARTPHONE', 'LAPTOP', 'DESKTOP', 'MONITOR', 'TABLET'];
    const LINES: Line[] = [
      { category: 'LAPTOP', quantity: 3 },
      { category: 'MONITOR', quantity: 2 },
      { category: 'SMARTPHONE', quantity: 1 },
      { category: 'DESKTOP', quantity: 1, dataBearing: false },
      { category: 'TABLET', quantity: 1 },
    ];
    const OPS: Array<Op['op']> = ['erase', 'grade', 'recycle', 'reserve', 'unreserve', 'ship', 'deliver', 'missing'];
    /**
     * A step: most of the time a change the device can make now (picked among the legal ones, so
     * that runs reach reservations, shipping and losses), otherwise any operation (mostly illegal).
     */
    const stepArb = fc.record({
      op: fc.constantFrom(...OPS),
      legal: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
      pick: fc.nat(),
      i: fc.nat(CATEGORIES.length - 1),
      verified: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      method: fc.constantFrom('NIST_800_88_CLEAR', 'NIST_800_88_PURGE', 'PHYSICAL_DESTRUCTION', 'NO_STORAGE'),
      grade: fc.constantFrom('A', 'B', 'C'),
    });

    /** What the rules say an operation does to the model: the status it reaches, or null when it must be refused. */
    const expected = (m: Model, o: Op): DeviceStatus | null => {
      const to = {
        erase: DeviceStatus.WIPED,
        grade: DeviceStatus.IN_STOCK,
        recycle: DeviceStatus.RECYCLED,
        reserve: DeviceStatus.RESERVED,
        unreserve: DeviceStatus.IN_STOCK,
        ship: DeviceStatus.SHIPPED,
        deliver: DeviceStatus.DELIVERED,
        missing: DeviceStatus.MISSING,
      }[o.op];
      if (!DEVICE_MACHINE.canTransition(m.status, to)) return null;
      // grading stocks a wiped device, releasing starts from a reservation (not every way into IN_STOCK)
      if (o.op === 'grade' && m.status !== DeviceStatus.WIPED) return null;
      if (o.op === 'unreserve' && m.status !== DeviceStatus.RESERVED) return null;
      // reserving takes stock, not a MISSING device that turned up (recovery is its own action)
      if (o.op === 'reserve' && m.status !== DeviceStatus.IN_STOCK) return null;
      if (o.op === 'grade' && m.diskDestroyed) return null;
      if (o.op === 'erase') {
        // NO_STORAGE: never with storage; for a data-bearing device, only when its specs record none
        if (o.method === 'NO_STORAGE' && ((m.storageGb ?? 0) > 0 || (m.dataBearing && m.storageGb !== 0))) return null;
        return o.verified ? DeviceStatus.WIPED : m.status;
      }
      if ((to === DeviceStatus.IN_STOCK || to === DeviceStatus.RECYCLED) && m.dataBearing && !m.erased) return null;
      return to;
    };

    it('after random sequences of operations (fast-check), through GraphQL and the stock service', async () => {
      let runs = 0;
      const totals: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 30, maxLength: 60 }), async (steps) => {
          runs += 1;
          const { devices, token, lotId } = await receivedLot(CATEGORIES, LINES);
          const model: Model[] = devices.map((d, i) => ({
            id: d.id,
            status: DeviceStatus.RECEIVED,
            dataBearing: d.dataBearing,
            erased: false,
            storageGb: i === 1 ? 128 : null,
          }));
          await t.dataSource.query(`UPDATE device SET specs_storage_gb = 128 WHERE id = $1`, [devices[1]!.id]);
          let events = devices.length;
          const tally: Record<string, number> = {};
          for (const step of steps) {
            const m = model[step.i]!;
            // terminal changes (recycling, losing) are picked less, so that devices live long enough to be reserved, released, shipped
            const possible = OPS.filter((op) => expected(m, { ...step, op }) !== null);
            const lasting = possible.filter((op) => op !== 'recycle' && op !== 'missing');
            const legal = lasting.length && step.pick % 4 !== 0 ? lasting : possible;
            const o: Op = { ...step, op: step.legal && legal.length ? legal[step.pick % legal.length]! : step.op };
            const want = expected(m, o);
            tally[`${o.op}:${want === null ? 'refused' : 'ok'}`] = (tally[`${o.op}:${want === null ? 'refused' : 'ok'}`] ?? 0) + 1;
            const service = (fn: (ids: string[]) => Promise<unknown>) =>
              fn([m.id]).then(
                () => undefined,
                (e: { code?: string }) => e.code ?? String(e),
              );
            const got = await {
              erase: () => codeOf(erase(m.id, token, o.method, o.verified)),
              grade: () => codeOf(grade(m.id, token, o.grade)),
              recycle: () => codeOf(recycle(m.id, token)),
              reserve: () => service((x) => stockService().reserve(system(), x)),
              unreserve: () => service((x) => stockService().unreserve(system(), x)),
              ship: () => service((x) => stockService().ship(system(), x)),
              deliver: () => service((x) => stockService().deliver(system(), x)),
              missing: () => service((x) => stockService().markMissing(system(), x)),
            }[o.op]();
            expect({ ...o, from: m.status, result: got ?? 'OK' }).toEqual({ ...o, from: m.status, result: want === null ? 'CONFLICT' : 'OK' });
            if (want !== null) {
              if (o.op === 'erase' && o.verified) m.erased = true;
              if (o.op === 'erase' && o.verified && o.method === 'PHYSICAL_DESTRUCTION') m.diskDestroyed = true;
              m.status = want;
              events += 1;
            }
          }
          const statuses: Array<{ id: string; status: DeviceStatus }> = await t.dataSource.query(`SELECT id, status FROM device WHERE lot_id = $1`, [lotId]);
          for (const m of model) expect(statuses.find((s) => s.id === m.id)?.status).toBe(m.status);
          expect(byKey(await stock(net.adminToken))).toEqual(await recount().then(byKey));
          // the movement ledger replays to the counters, key by key
          const replayed = await t.dataSource.query(
            `SELECT refurbisher_id, category, grade, SUM(available_delta)::int AS available, SUM(reserved_delta)::int AS reserved FROM stock_movement GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
          );
          expect(await t.dataSource.query(`SELECT refurbisher_id, category, grade, available, reserved FROM stock_level ORDER BY 1, 2, 3`)).toEqual(replayed);
          const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM custody_event ce JOIN device d ON d.id = ce.device_id WHERE d.lot_id = $1`, [
            lotId,
          ]);
          expect(n).toBe(events);
          const open = model.filter((m) => m.status === DeviceStatus.RECEIVED || m.status === DeviceStatus.WIPED).length;
          expect((await t.runOk(RefurbishingLotDocument, { id: lotId }, token)).lot!.status).toBe(open === 0 ? 'CLOSED' : 'RECEIVED');
          for (const [k, v] of Object.entries(tally)) totals[k] = (totals[k] ?? 0) + v;
        }),
        { numRuns: 12, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
      );
      expect(runs).toBe(12);
      // the runs went everywhere: every operation both succeeded and was refused
      for (const op of OPS)
        expect({ op, ok: (totals[`${op}:ok`] ?? 0) > 0, refused: (totals[`${op}:refused`] ?? 0) > 0 }).toEqual({ op, ok: true, refused: true });
      process.stdout.write(`stock property: ${JSON.stringify(totals)}\n`);
    });
  });
});
