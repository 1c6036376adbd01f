import { RequestContext } from '@app/common';
import { ReleaseStaleReservationsJob } from '@app/matching/jobs/release-stale-reservations.job';
import { MatchRegionJob } from '@app/matching/jobs/match-region.job';
import { OrderLedger } from '@app/orders/services/order-ledger.service';
import { countPeopleEquipped } from '@app/orders/services/people-equipped';
import { TransactionRunner } from '@app/database';
import { DeviceStockService } from '@app/refurbishing/services/device-stock.service';
import {
  CancelOrderDocument,
  ConfirmDeliveryInput,
  ConfirmOrderDeliveryDocument,
  DeviceCategory,
  DeviceOrderDocument,
  MatchingGradeFloorsDocument,
  MatchingOrderDocument,
  MatchingRefuseDeviceDocument,
  MatchingReleaseReservationDocument,
  MatchingSetGradeFloorsDocument,
  MatchingSubmitOrderDocument,
  MatchingSwapReservationsDocument,
  DevicesBeneficiaryRefsDocument,
  DevicesWithOrdersDocument,
  MatchOrdersDocument,
  MatchOrdersMutation,
  OrderFieldsFragment,
  OrderInFullDocument,
  OrderInFullQuery,
  OrderLineInput,
  OrdersPageDocument,
  OrdersPageQuery,
  OrdersPageQueryVariables,
  ShipOrderDevicesDocument,
  StockLevelsOfRegionDocument,
  WorkshopReturnToWorkshopDocument,
  SubmitOrderInFullDocument,
  SubmitOrderInput,
} from './generated/graphql';
import { claimLot, declareAndRoute, eraseAndGrade, inIntakeOrder, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, RegionFixture, seedNetwork } from './support/network-fixture';
import { matchOrders } from './support/order-flow';
import { addOrganization } from './support/organization-fixture';
import { GqlResponse, TestApp } from './support/test-app';
import { uncheckedVariables } from './support/typed-client';

const DAY = 24 * 3600_000;
const FUTURE = new Date(Date.now() + 30 * DAY).toISOString();

/** What grading found working (set by SQL after grading); by default all of it, with a system installed. */
interface Capabilities {
  webcam?: boolean | null;
  microphone?: boolean | null;
  batteryHealthPercent?: number | null;
  os?: string | null;
}
const WORKING: Required<Capabilities> = { webcam: true, microphone: true, batteryHealthPercent: 90, os: 'Lubuntu 24.04' };

interface Spec {
  category?: DeviceCategory;
  ramGb: number;
  storageGb: number;
  ssd: boolean;
  grade: 'A' | 'B' | 'C';
  capabilities?: Capabilities;
}
/** a high-end laptop (16 GB, 512 GB SSD, grade A): what design students need, and scarce */
const HIGH: Spec = { ramGb: 16, storageGb: 512, ssd: true, grade: 'A' };
/** a baseline laptop (4 GB, 128 GB disk, grade C): plenty for e-mail */
const BASE: Spec = { ramGb: 4, storageGb: 128, ssd: false, grade: 'C' };
/** a student laptop (8 GB, 256 GB SSD, grade B) */
const MID: Spec = { ramGb: 8, storageGb: 256, ssd: true, grade: 'B' };

type Order = OrderFieldsFragment;
type OrderInFull = NonNullable<OrderInFullQuery['order']>;

let serialCounter = 0;

describe('orders and matching', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second partner of ARA, to prove partners never see each other's orders */
  let partner2: { id: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    partner2 = await addOrganization(
      t,
      { kind: 'PARTNER', name: 'CCAS de Bron', regionId: net.ara.id, address: { postalCode: '69500', city: 'Bron', location: { lat: 45.73, lon: 4.91 } } },
      { email: 'anne@ccas-bron.test', role: 'PARTNER' },
      net.ara.tokens.coordinator,
    );
  });

  /**
   * Devices IN_STOCK at the region's refurbisher, through GraphQL: declared, routed, claimed,
   * received with their specs, erased and graded (the lot is put COLLECTED by SQL: pickups are
   * the logistics tests' business). Returns their ids in the order of the specs.
   */
  const stockDevices = async (specs: Spec[], region: RegionFixture = net.ara): Promise<string[]> => {
    const token = region.tokens.refurbisher;
    const categories = [...new Set(specs.map((s) => s.category ?? 'LAPTOP'))];
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) SELECT $1, c, 10000 FROM unnest($2::device_category[]) AS c
       ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = 10000`,
      [region.refurbisher, categories],
    );
    const lines = categories.map((category) => ({ category, quantity: specs.filter((s) => (s.category ?? 'LAPTOP') === category).length }));
    const pickupAddress = { postalCode: '69002', city: 'Lyon', location: region.code === 'ARA' ? { lat: 45.75, lon: 4.83 } : { lat: 47.32, lon: 5.04 } };
    const lot = await declareAndRoute(t, region, lines, { pickupAddress, availableFrom: FUTURE });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const intake = specs.map((s) => ({
      serialNumber: `ORD-SN-${++serialCounter}`,
      category: s.category ?? 'LAPTOP',
      specs: { ramGb: s.ramGb, storageGb: s.storageGb, ssd: s.ssd },
    }));
    const ids = inIntakeOrder(intake, await receiveLot(t, lot.id, intake, token)).map((d) => d.id);
    for (const [i, id] of ids.entries()) {
      const spec = specs[i]!;
      const found = { ...WORKING, ...spec.capabilities };
      await eraseAndGrade(t, id, token, spec.grade, { ramGb: spec.ramGb, storageGb: spec.storageGb, ssd: spec.ssd, os: found.os });
      await t.dataSource.query(`UPDATE device SET webcam_works = $2, microphone_works = $3, battery_health_percent = $4, specs_os = $5 WHERE id = $1`, [
        id,
        found.webcam,
        found.microphone,
        found.batteryHealthPercent,
        found.os,
      ]);
    }
    return ids;
  };

  const submit = async (lines: OrderLineInput[], token = net.ara.tokens.partner, extra: Omit<SubmitOrderInput, 'lines'> = {}): Promise<Order> =>
    (await t.runOk(SubmitOrderInFullDocument, { input: { lines, ...extra } }, token)).submitOrder;
  const match = (region = net.ara) => matchOrders(t, region);
  const order = async (id: string, token = net.ara.tokens.partner): Promise<OrderInFull> => (await t.runOk(OrderInFullDocument, { id }, token)).order!;
  const deviceIdsOf = (o: Order) => o.lines.flatMap((l) => l.devices.map((d) => d.id));
  const statusOf = async (deviceId: string) => (await t.dataSource.query(`SELECT status FROM device WHERE id = $1`, [deviceId]))[0].status as string;
  const counts = async () => ({
    orders: await t.count('partner_order'),
    lines: await t.count('order_line'),
    outbox: await t.count('outbox_message'),
    links: await t.count('order_line_device'),
    refs: await t.count('beneficiary_reference'),
  });

  /** The invariants that must hold whatever ran, and in whatever order. */
  const assertConsistent = async () => {
    const [twice] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT device_id FROM order_line_device WHERE released_at IS NULL GROUP BY device_id HAVING count(*) > 1) x`,
    );
    expect(twice.n).toBe(0);
    const lines = await t.dataSource.query(
      `SELECT l.id, l.quantity, l.allocated_quantity, (SELECT count(*)::int FROM order_line_device x WHERE x.order_line_id = l.id AND x.released_at IS NULL) AS linked FROM order_line l`,
    );
    for (const l of lines) {
      expect(l.allocated_quantity).toBe(l.linked);
      expect(l.allocated_quantity).toBeLessThanOrEqual(l.quantity);
    }
    const [reserved] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM device WHERE status = 'RESERVED') AS devices,
              (SELECT count(*)::int FROM order_line_device x JOIN device d ON d.id = x.device_id WHERE x.released_at IS NULL AND d.status = 'RESERVED') AS linked,
              (SELECT COALESCE(sum(reserved), 0)::int FROM stock_level) AS counted,
              (SELECT COALESCE(sum(available), 0)::int FROM stock_level) AS available,
              (SELECT count(*)::int FROM device WHERE status = 'IN_STOCK') AS in_stock`,
    );
    expect(reserved.linked).toBe(reserved.devices);
    expect(reserved.counted).toBe(reserved.devices);
    expect(reserved.available).toBe(reserved.in_stock);
  };

  describe('submitting', () => {
    it('a partner orders for itself; the profile gives the minimums, a line raises them; ORD reference, OPEN, a matching job', async () => {
      const o = await submit(
        [
          { category: 'LAPTOP', quantity: 2, profile: 'DESIGN_STUDENT' },
          { category: 'LAPTOP', quantity: 1, profile: 'SENIOR', minRamGb: 8, requireSsd: true, priority: 3 },
          { category: 'MONITOR', quantity: 1, profile: 'JOB_SEEKER' },
        ],
        net.ara.tokens.partner,
        { neededBy: FUTURE },
      );
      expect(o.reference).toMatch(/^ORD-\d{4}-000001$/);
      expect(o).toMatchObject({ status: 'OPEN', partner: { id: net.ara.partner }, neededBy: FUTURE });
      expect(o.lines.map(({ id: _, devices: __, ...rest }) => rest)).toEqual([
        {
          category: 'LAPTOP',
          quantity: 2,
          profile: 'DESIGN_STUDENT',
          minRamGb: 16,
          minStorageGb: 256,
          requireSsd: true,
          minGrade: null,
          priority: 0,
          allocatedQuantity: 0,
          shippedQuantity: 0,
          deliveredQuantity: 0,
        },
        {
          category: 'LAPTOP',
          quantity: 1,
          profile: 'SENIOR',
          minRamGb: 8,
          minStorageGb: null,
          requireSsd: true,
          minGrade: null,
          priority: 3,
          allocatedQuantity: 0,
          shippedQuantity: 0,
          deliveredQuantity: 0,
        },
        {
          category: 'MONITOR',
          quantity: 1,
          profile: 'JOB_SEEKER',
          minRamGb: null,
          minStorageGb: null,
          requireSsd: false,
          minGrade: 'B',
          priority: 0,
          allocatedQuantity: 0,
          shippedQuantity: 0,
          deliveredQuantity: 0,
        },
      ]);
      const jobs = await t.dataSource.query(`SELECT name, payload, debounce_key FROM outbox_message WHERE queue = 'matching'`);
      expect(jobs).toEqual([{ name: 'match-region', payload: { regionId: net.ara.id }, debounce_key: `match-region-${net.ara.id}` }]);
      expect((await submit([{ category: 'TABLET', quantity: 1, profile: 'PUPIL' }])).reference).toMatch(/-000002$/);
    });

    it('a coordinator orders for a partner of its region, never elsewhere; others may not order for someone else', async () => {
      const o = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], net.ara.tokens.coordinator, { partnerId: partner2.id });
      expect(o.partner.id).toBe(partner2.id);
      const line: OrderLineInput[] = [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }];
      expect(await t.runError(SubmitOrderInFullDocument, { input: { lines: line } }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      expect(await t.runError(SubmitOrderInFullDocument, { input: { lines: line, partnerId: net.bfc.partner } }, net.ara.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(SubmitOrderInFullDocument, { input: { lines: line, partnerId: net.ara.donor } }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );
      expect(await t.runError(SubmitOrderInFullDocument, { input: { lines: line, partnerId: partner2.id } }, net.ara.tokens.partner)).toBe('FORBIDDEN');
      for (const role of ['donor', 'refurbisher'] as const)
        expect(await t.runError(SubmitOrderInFullDocument, { input: { lines: line } }, net.ara.tokens[role])).toBe('FORBIDDEN');
      expect(await t.count('partner_order')).toBe(1);
    });

    it('bad input is BAD_USER_INPUT, and nothing is written', async () => {
      const before = await counts();
      const bad: Array<Record<string, unknown>> = [
        { lines: [] },
        { lines: [{ category: 'LAPTOP', quantity: 0, profile: 'SENIOR' }] },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'ASTRONAUT' }] },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'DESIGN_STUDENT', minRamGb: 8 }] },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'DESIGN_STUDENT', requireSsd: false }] },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'JOB_SEEKER', minGrade: 'C' }] },
        { lines: [{ category: 'DESKTOP', quantity: 1, profile: 'DESIGN_STUDENT' }] },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR', minRamGb: -4 }] },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR', priority: 1_000_000 }] },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }], neededBy: '2001-01-01T00:00:00.000Z' },
        { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }], partnerId: 'not-a-uuid' },
        {
          lines: [
            { category: 'LAPTOP', quantity: 1, profile: 'SENIOR' },
            { category: 'LAPTOP', quantity: 2, profile: 'STUDENT', requireSsd: false },
          ],
        },
      ];
      for (const input of bad) {
        const res = await t.run(SubmitOrderInFullDocument, uncheckedVariables({ input }), net.ara.tokens.partner);
        expect([JSON.stringify(input), res.errors?.[0]?.extensions?.code]).toEqual([JSON.stringify(input), 'BAD_USER_INPUT']);
      }
      const lowered = await t.run(SubmitOrderInFullDocument, uncheckedVariables({ input: bad[3] }), net.ara.tokens.partner);
      expect(lowered.errors?.[0]?.message).toMatch(/lines\[0\]: minRamGb 8 is below the DESIGN_STUDENT minimum of 16/);
      expect(await counts()).toEqual(before);
    });
  });

  describe('matching', () => {
    it('the design-student case end to end: scarce 16 GB SSD laptops go to the design student, not the senior; ship, deliver', async () => {
      const [high1, high2, base1, base2, base3] = await stockDevices([HIGH, HIGH, BASE, BASE, BASE]);
      // The senior's order comes first and ranks higher: it is served first, yet with baseline machines.
      const senior = await submit([{ category: 'LAPTOP', quantity: 3, profile: 'SENIOR', priority: 5 }]);
      const design = await submit([{ category: 'LAPTOP', quantity: 2, profile: 'DESIGN_STUDENT' }]);

      expect(await match()).toEqual({ allocatedQuantity: 5, unfilledQuantity: 0 });
      const s = await order(senior.id);
      const d = await order(design.id);
      expect([s.status, d.status]).toEqual(['ALLOCATED', 'ALLOCATED']);
      expect(deviceIdsOf(d).sort()).toEqual([high1, high2].sort());
      expect(deviceIdsOf(s).sort()).toEqual([base1, base2, base3].sort());
      expect(d.lines[0]!.devices.every((x) => x.status === 'RESERVED' && x.specs?.ramGb === 16 && x.specs.ssd)).toBe(true);
      expect(d.lines[0]!.allocatedQuantity).toBe(2);

      // reserved in the stock counters and in each device's chain of custody
      const levels = (await t.runOk(StockLevelsOfRegionDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).stockLevels;
      expect(levels.map((l) => [l.grade, l.available, l.reserved]).sort()).toEqual([
        ['A', 0, 2],
        ['C', 0, 3],
      ]);
      const device = (await t.runOk(DeviceOrderDocument, { id: high1 }, net.ara.tokens.refurbisher)).device!;
      expect(device.order).toMatchObject({ id: design.id, reference: design.reference, partner: { id: net.ara.partner } });
      expect(device.history.at(-1)).toMatchObject({ action: 'RESERVED', fromStatus: 'IN_STOCK', toStatus: 'RESERVED' });
      // a second run has nothing left to do
      expect(await match()).toEqual({ allocatedQuantity: 0, unfilledQuantity: 0 });

      // The refurbisher ships one, then the other: the order stays ALLOCATED until both left.
      let shipped = (await t.runOk(ShipOrderDevicesDocument, { input: { orderId: design.id, deviceIds: [high1] } }, net.ara.tokens.refurbisher)).shipDevices;
      expect(shipped.status).toBe('ALLOCATED');
      expect(shipped.lines[0]).toMatchObject({ allocatedQuantity: 2, shippedQuantity: 1, deliveredQuantity: 0 });
      expect(await t.runError(ShipOrderDevicesDocument, { input: { orderId: design.id, deviceIds: [high1] } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      shipped = (await t.runOk(ShipOrderDevicesDocument, { input: { orderId: design.id, deviceIds: [high2] } }, net.ara.tokens.refurbisher)).shipDevices;
      expect(shipped.status).toBe('SHIPPED');
      expect(shipped.lines[0]!.devices.map((x) => x.status)).toEqual(['SHIPPED', 'SHIPPED']);

      // The partner confirms delivery, with its own pseudonymous references.
      let delivered = (
        await t.runOk(
          ConfirmOrderDeliveryDocument,
          { input: { orderId: design.id, deviceIds: [high1], beneficiaryRefs: ['BRON-2026-017'] } },
          net.ara.tokens.partner,
        )
      ).confirmDelivery;
      expect(delivered.status).toBe('SHIPPED');
      delivered = (
        await t.runOk(
          ConfirmOrderDeliveryDocument,
          { input: { orderId: design.id, deviceIds: [high2], beneficiaryRefs: ['BRON-2026-018'] } },
          net.ara.tokens.partner,
        )
      ).confirmDelivery;
      expect(delivered.status).toBe('DELIVERED');
      expect(delivered.lines[0]).toMatchObject({
        allocatedQuantity: 2,
        shippedQuantity: 2,
        deliveredQuantity: 2,
        beneficiaryRefs: ['BRON-2026-017', 'BRON-2026-018'],
      });
      expect(delivered.lines[0]!.devices.map((x) => x.status)).toEqual(['DELIVERED', 'DELIVERED']);
      expect((await t.runOk(DeviceOrderDocument, { id: high2 }, net.ara.tokens.coordinator)).device!.history.map((h) => h.action).slice(-3)).toEqual([
        'RESERVED',
        'SHIPPED',
        'DELIVERED',
      ]);
      // a delivered order refuses every change
      expect(await t.runError(CancelOrderDocument, { id: design.id }, net.ara.tokens.partner)).toBe('CONFLICT');
      expect(await t.runError(ConfirmOrderDeliveryDocument, { input: { orderId: design.id, deviceIds: [high1] } }, net.ara.tokens.partner)).toBe('CONFLICT');

      // Two distinct people equipped from the donor's devices; only the count leaves the database.
      expect(await countPeopleEquipped(t.dataSource.manager, net.ara.donor, new Date(Date.now() - DAY), new Date(Date.now() + DAY))).toBe(2);
      await assertConsistent();
    });

    it('under shortage: higher priority first, then older orders; the rest waits OPEN', async () => {
      await stockDevices([MID, MID]);
      const older = await submit([{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }]);
      const urgent = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT', priority: 5 }], partner2.token);
      const newer = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], partner2.token);
      expect(await match()).toEqual({ allocatedQuantity: 2, unfilledQuantity: 2 });
      const a = await order(older.id);
      const u = await order(urgent.id, partner2.token);
      const n = await order(newer.id, partner2.token);
      expect([u.status, u.lines[0]!.allocatedQuantity]).toEqual(['ALLOCATED', 1]);
      expect([a.status, a.lines[0]!.allocatedQuantity]).toEqual(['OPEN', 1]);
      expect([n.status, n.lines[0]!.allocatedQuantity]).toEqual(['OPEN', 0]);

      // More stock arrives: the older order is completed before the newer one.
      await stockDevices([MID]);
      expect(await match()).toEqual({ allocatedQuantity: 1, unfilledQuantity: 1 });
      expect((await order(older.id)).status).toBe('ALLOCATED');
      expect((await order(newer.id, partner2.token)).status).toBe('OPEN');
      await assertConsistent();
    });

    it('devices that do not fit are never reserved, and other regions stock is not used', async () => {
      await stockDevices([BASE, BASE]);
      await stockDevices([HIGH], net.bfc);
      const design = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'DESIGN_STUDENT' }]);
      expect(await match()).toEqual({ allocatedQuantity: 0, unfilledQuantity: 1 });
      expect((await order(design.id)).status).toBe('OPEN');
      expect(await match(net.bfc)).toEqual({ allocatedQuantity: 0, unfilledQuantity: 0 });
    });

    it('many matchers, submissions and cancellations at once never reserve a device twice nor a line beyond its quantity', async () => {
      await stockDevices([...Array(8).fill(MID), ...Array(4).fill(HIGH), ...Array(6).fill(BASE)]);
      const early: Order[] = [];
      for (let i = 0; i < 4; i++)
        early.push(await submit([{ category: 'LAPTOP', quantity: 3, profile: i % 2 ? 'STUDENT' : 'SENIOR' }], i % 2 ? partner2.token : net.ara.tokens.partner));
      expect(await match()).toEqual({ allocatedQuantity: 12, unfilledQuantity: 0 });

      const work: Array<Promise<GqlResponse<unknown>>> = [];
      const matches: Array<Promise<GqlResponse<MatchOrdersMutation>>> = [];
      for (let i = 0; i < 12; i++) {
        const matched = t.run(MatchOrdersDocument, { regionId: net.ara.id }, i % 2 ? net.ara.tokens.coordinator : net.adminToken);
        matches.push(matched);
        work.push(matched);
        const profile = (['STUDENT', 'SENIOR', 'DESIGN_STUDENT'] as const)[i % 3]!;
        work.push(
          t.run(
            SubmitOrderInFullDocument,
            { input: { lines: [{ category: 'LAPTOP', quantity: 1 + (i % 3), profile, priority: i % 4 }] } },
            i % 2 ? partner2.token : net.ara.tokens.partner,
          ),
        );
      }
      // two allocated orders are cancelled meanwhile: their six devices go back to stock, for the matchers to take
      work.push(t.run(CancelOrderDocument, { id: early[0]!.id }, net.ara.tokens.partner));
      work.push(t.run(CancelOrderDocument, { id: early[1]!.id }, partner2.token));
      const results = await Promise.all(work);
      expect(results.filter((r) => r.errors?.length)).toEqual([]);
      const allocated = (await Promise.all(matches)).reduce((s, r) => s + (r.data?.matchOrders.allocatedQuantity ?? 0), 0);
      await assertConsistent();
      const [{ n: links }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM order_line_device WHERE released_at IS NULL`);
      expect(links).toBe(12 - 6 + allocated);

      // A last run serves what the concurrent ones left; then no device in stock fits an unfilled line (a maximum matching).
      await match();
      await assertConsistent();
      expect(await match()).toEqual({ allocatedQuantity: 0, unfilledQuantity: expect.any(Number) });
      const [{ n: missed }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM device d
           JOIN order_line l ON l.category = d.category AND l.region_id = d.region_id AND l.allocated_quantity < l.quantity
           JOIN partner_order o ON o.id = l.order_id AND o.status = 'OPEN'
          WHERE d.status = 'IN_STOCK' AND (l.min_ram_gb IS NULL OR d.specs_ram_gb >= l.min_ram_gb)
            AND (l.min_storage_gb IS NULL OR d.specs_storage_gb >= l.min_storage_gb) AND (NOT l.require_ssd OR d.specs_ssd)
            AND (l.min_grade IS NULL OR d.grade <= l.min_grade)`,
      );
      expect(missed).toBe(0);
    });

    it('even without the region lock, two transactions reserving one device give it to one line only', async () => {
      const [device] = await stockDevices([MID]);
      const a = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }]);
      const b = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], partner2.token);
      const tx = t.app.get(TransactionRunner);
      const ledger = t.app.get(OrderLedger);
      const reserveFor = (o: Order, partnerId: string) =>
        tx.run(RequestContext.system(), (ctx, manager) =>
          ledger.reserve(ctx, manager, [{ deviceId: device!, lineId: o.lines[0]!.id, orderId: o.id, partnerId }], 'test'),
        );
      const made = await Promise.all([reserveFor(a, net.ara.partner), reserveFor(b, partner2.id), reserveFor(a, net.ara.partner)]);
      expect(made.map((m) => m.length).reduce((x, y) => x + y, 0)).toBe(1);
      await assertConsistent();
    });

    it('matchOrders is for staff of the region', async () => {
      expect(await t.runError(MatchOrdersDocument, { regionId: net.bfc.id }, net.ara.tokens.coordinator)).toBe('FORBIDDEN');
      for (const role of ['donor', 'refurbisher', 'partner'] as const)
        expect(await t.runError(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens[role])).toBe('FORBIDDEN');
      expect(await t.runError(MatchOrdersDocument, { regionId: '00000000-0000-4000-8000-000000000000' }, net.adminToken)).toBe('NOT_FOUND');
      expect((await t.runOk(MatchOrdersDocument, { regionId: net.bfc.id }, net.adminToken)).matchOrders).toEqual({ allocatedQuantity: 0, unfilledQuantity: 0 });
    });

    it('the match-region job does the same, idempotently', async () => {
      await stockDevices([MID]);
      await submit([{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }]);
      const job = t.app.get(MatchRegionJob);
      expect(await job.handle({ regionId: net.ara.id })).toEqual({ allocatedQuantity: 1, unfilledQuantity: 1 });
      expect(await job.handle({ regionId: net.ara.id })).toEqual({ allocatedQuantity: 0, unfilledQuantity: 1 });
    });
  });

  describe('cancelling', () => {
    it('releases reserved devices back to stock, for another order to take', async () => {
      const ids = await stockDevices([MID, MID]);
      const first = await submit([{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }]);
      const second = await submit([{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }], partner2.token);
      await match();
      expect((await order(first.id)).status).toBe('ALLOCATED');
      expect(await t.runError(CancelOrderDocument, { id: first.id }, partner2.token)).toBe('NOT_FOUND');
      expect(await t.runError(CancelOrderDocument, { id: first.id }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      for (const role of ['donor', 'refurbisher'] as const)
        expect(await t.runError(CancelOrderDocument, { id: first.id }, net.ara.tokens[role])).toBe('FORBIDDEN');
      await t.dataSource.query(`DELETE FROM outbox_message`);

      const cancelled = (await t.runOk(CancelOrderDocument, { id: first.id }, net.ara.tokens.partner)).cancelOrder;
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.lines[0]).toMatchObject({ allocatedQuantity: 0, devices: [] });
      expect(await Promise.all(ids.map(statusOf))).toEqual(['IN_STOCK', 'IN_STOCK']);
      const history = (await t.runOk(DeviceOrderDocument, { id: ids[0]! }, net.ara.tokens.coordinator)).device!.history;
      expect(history.at(-1)).toMatchObject({ action: 'UNRESERVED', fromStatus: 'RESERVED', toStatus: 'IN_STOCK' });
      expect(await t.dataSource.query(`SELECT name FROM outbox_message`)).toEqual([{ name: 'match-region' }]);
      await assertConsistent();
      expect(await t.runError(CancelOrderDocument, { id: first.id }, net.ara.tokens.partner)).toBe('CONFLICT');

      expect(await match()).toEqual({ allocatedQuantity: 2, unfilledQuantity: 0 });
      expect(deviceIdsOf(await order(second.id, partner2.token)).sort()).toEqual([...ids].sort());
      // staff cancel too; but once a device has left the refurbisher it is too late
      await t.runOk(ShipOrderDevicesDocument, { input: { orderId: second.id, deviceIds: [ids[0]] } }, net.ara.tokens.refurbisher);
      expect(await t.runError(CancelOrderDocument, { id: second.id }, net.ara.tokens.coordinator)).toBe('CONFLICT');
      const open = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }], partner2.token);
      expect((await t.runOk(CancelOrderDocument, { id: open.id }, net.ara.tokens.coordinator)).cancelOrder.status).toBe('CANCELLED');
      await assertConsistent();
    });
  });

  describe('shipping and delivery', () => {
    it('only the refurbisher holding the devices ships them, only the partner confirms; bad input changes nothing', async () => {
      const [a, b] = await stockDevices([MID, MID]);
      const o = await submit([{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }]);
      await match();
      const { token: otherRefurbisher } = await addOrganization(
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

      expect(await t.runError(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [a] } }, otherRefurbisher)).toBe('NOT_FOUND');
      expect(await t.runError(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [a] } }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      for (const role of ['partner', 'coordinator', 'donor'] as const)
        expect(await t.runError(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [a] } }, net.ara.tokens[role])).toBe('FORBIDDEN');
      expect(await t.runError(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [a, a] } }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
      expect(await t.runError(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [] } }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
      // a device in stock but not on this order
      const [loose] = await stockDevices([BASE]);
      expect(await t.runError(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [a, loose] } }, net.ara.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(await Promise.all([a!, b!].map(statusOf))).toEqual(['RESERVED', 'RESERVED']);

      // not shipped yet: nothing to confirm
      expect(await t.runError(ConfirmOrderDeliveryDocument, { input: { orderId: o.id, deviceIds: [a] } }, net.ara.tokens.partner)).toBe('CONFLICT');
      await t.runOk(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [a, b] } }, net.ara.tokens.refurbisher);
      const before = await counts();
      const confirm = (input: Omit<ConfirmDeliveryInput, 'orderId'>, token = net.ara.tokens.partner) =>
        t.runError(ConfirmOrderDeliveryDocument, { input: { orderId: o.id, ...input } }, token);
      expect(await confirm({ deviceIds: [a] }, partner2.token)).toBe('NOT_FOUND');
      expect(await confirm({ deviceIds: [a] }, net.ara.tokens.coordinator)).toBe('FORBIDDEN');
      expect(await confirm({ deviceIds: [a, b], beneficiaryRefs: ['X-1'] })).toBe('BAD_USER_INPUT');
      expect(await confirm({ deviceIds: [a], beneficiaryRefs: ['Jean Dupont'] })).toBe('BAD_USER_INPUT');
      expect(await confirm({ deviceIds: [a], beneficiaryRefs: ['jean.dupont@example.org'] })).toBe('BAD_USER_INPUT');
      expect(await confirm({ deviceIds: [loose] })).toBe('NOT_FOUND');
      expect(await counts()).toEqual(before);
      expect(await Promise.all([a!, b!].map(statusOf))).toEqual(['SHIPPED', 'SHIPPED']);

      // without references, a delivery is still confirmed
      const done = (await t.runOk(ConfirmOrderDeliveryDocument, { input: { orderId: o.id, deviceIds: [b, a] } }, net.ara.tokens.partner)).confirmDelivery;
      expect(done).toMatchObject({ status: 'DELIVERED', lines: [{ deliveredQuantity: 2, beneficiaryRefs: [] }] });
      await assertConsistent();
    });
  });

  describe('stale reservations', () => {
    it('a reservation not shipped within the configured days goes back to stock, and the order is OPEN again', async () => {
      const [a, b] = await stockDevices([MID, MID]);
      const o = await submit([{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }]);
      await match();
      await t.runOk(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [b] } }, net.ara.tokens.refurbisher);
      await t.dataSource.query(`UPDATE order_line_device SET reserved_at = now() - interval '15 days'`);
      const job = t.app.get(ReleaseStaleReservationsJob);
      expect(await job.handle()).toEqual({ released: 1, orderIds: [o.id] });
      expect(await Promise.all([a!, b!].map(statusOf))).toEqual(['IN_STOCK', 'SHIPPED']);
      const after = await order(o.id);
      expect(after.status).toBe('OPEN');
      expect(after.lines[0]).toMatchObject({ allocatedQuantity: 1, shippedQuantity: 1 });
      expect(await job.handle()).toEqual({ released: 0, orderIds: [] });
      await assertConsistent();
    });

    it('a reservation younger than that stays; one whose device went missing is ended', async () => {
      const [a, b] = await stockDevices([MID, MID]);
      const o = await submit([{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }]);
      await match();
      await t.dataSource.query(`UPDATE order_line_device SET reserved_at = now() - interval '13 days'`);
      await t.app.get(DeviceStockService).markMissing(RequestContext.system(), [b!], 'not found at the stock count');
      expect(await t.app.get(ReleaseStaleReservationsJob).handle()).toEqual({ released: 1, orderIds: [o.id] });
      expect(await Promise.all([a!, b!].map(statusOf))).toEqual(['RESERVED', 'MISSING']);
      expect((await order(o.id)).lines[0]).toMatchObject({ allocatedQuantity: 1, devices: [{ id: a }] });
      expect((await order(o.id)).status).toBe('OPEN');
      await assertConsistent();
    });
  });

  describe('who sees what', () => {
    it('a partner sees its own orders only; staff their region; donors and refurbishers none', async () => {
      const mine = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }]);
      const theirs = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }], partner2.token);
      const bfc = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }], net.bfc.tokens.partner);
      const list = async (token: string, variables: OrdersPageQueryVariables = {}) =>
        (await t.runOk(OrdersPageDocument, variables, token)).orders.edges.map((e) => e.node.id).sort();

      expect(await list(net.ara.tokens.partner)).toEqual([mine.id]);
      expect(await list(net.ara.tokens.partner, { partnerId: partner2.id })).toEqual([]);
      expect(await list(partner2.token)).toEqual([theirs.id]);
      expect(await list(net.ara.tokens.coordinator)).toEqual([mine.id, theirs.id].sort());
      expect(await list(net.ara.tokens.coordinator, { partnerId: partner2.id })).toEqual([theirs.id]);
      expect(await list(net.bfc.tokens.coordinator)).toEqual([bfc.id]);
      expect(await list(net.adminToken)).toEqual([mine.id, theirs.id, bfc.id].sort());
      expect((await t.runOk(OrderInFullDocument, { id: theirs.id }, net.ara.tokens.partner)).order).toBeNull();
      expect((await t.runOk(OrderInFullDocument, { id: mine.id }, net.bfc.tokens.coordinator)).order).toBeNull();
      expect((await t.runOk(OrderInFullDocument, { id: mine.id }, net.ara.tokens.coordinator)).order?.id).toBe(mine.id);
      for (const role of ['donor', 'refurbisher'] as const) {
        expect(await t.runError(OrdersPageDocument, {}, net.ara.tokens[role])).toBe('FORBIDDEN');
        expect(await t.runError(OrderInFullDocument, { id: mine.id }, net.ara.tokens[role])).toBe('FORBIDDEN');
      }
      await t.runOk(CancelOrderDocument, { id: theirs.id }, partner2.token);
      expect(await list(net.ara.tokens.coordinator, { status: 'CANCELLED' })).toEqual([theirs.id]);
    });

    it('pages with a cursor, newest first', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await submit([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }])).id);
      const page1 = (await t.runOk(OrdersPageDocument, { first: 2 }, net.ara.tokens.partner)).orders;
      expect(page1.totalCount).toBe(5);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (await t.runOk(OrdersPageDocument, { first: 2, after: page1.pageInfo.endCursor }, net.ara.tokens.partner)).orders;
      const page3 = (await t.runOk(OrdersPageDocument, { first: 2, after: page2.pageInfo.endCursor }, net.ara.tokens.partner)).orders;
      expect(page3.pageInfo.hasNextPage).toBe(false);
      expect([...page1.edges, ...page2.edges, ...page3.edges].map((e) => e.node.id)).toEqual([...ids].reverse());
      expect(await t.runError(OrdersPageDocument, { after: 'garbage' }, net.ara.tokens.partner)).toBe('BAD_USER_INPUT');

      // orders made within one millisecond (a burst of submissions) are neither skipped nor repeated
      await t.dataSource.query(`UPDATE partner_order SET created_at = '2026-03-01T10:00:00.123456Z'`);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: OrdersPageQuery['orders'] = (await t.runOk(OrdersPageDocument, { first: 2, after }, net.ara.tokens.partner)).orders;
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen.sort()).toEqual([...ids].sort());
    });

    it("a partner never sees another partner's devices; a donor never sees the order nor the beneficiary references", async () => {
      const [a, b] = await stockDevices([MID, MID]);
      const mine = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }]);
      const theirs = await submit([{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], partner2.token);
      await match();
      const myDevice = deviceIdsOf(await order(mine.id))[0]!;
      const theirDevice = deviceIdsOf(await order(theirs.id, partner2.token))[0]!;
      expect([myDevice, theirDevice].sort()).toEqual([a, b].sort());
      await t.runOk(ShipOrderDevicesDocument, { input: { orderId: mine.id, deviceIds: [myDevice] } }, net.ara.tokens.refurbisher);
      await t.runOk(
        ConfirmOrderDeliveryDocument,
        { input: { orderId: mine.id, deviceIds: [myDevice], beneficiaryRefs: ['SECRET-REF-42'] } },
        net.ara.tokens.partner,
      );

      // the partner reaches its devices through its order, never the other partner's
      const seen = JSON.stringify(await order(mine.id));
      expect(seen).toContain(myDevice);
      expect(seen).not.toContain(theirDevice);
      expect((await t.runOk(DeviceOrderDocument, { id: theirDevice }, net.ara.tokens.partner)).device).toBeNull();
      expect((await t.runOk(OrderInFullDocument, { id: theirs.id }, net.ara.tokens.partner)).order).toBeNull();

      // the donor reads its devices (status, history) but not whom they went to
      const donorView = (await t.runOk(DevicesWithOrdersDocument, {}, net.ara.tokens.donor)).devices.edges.map((e) => e.node);
      expect(donorView.map((d) => d.id).sort()).toEqual([a, b].sort());
      expect(donorView.every((d) => d.order === null)).toBe(true);
      expect(JSON.stringify(donorView)).not.toContain('SECRET-REF-42');
      expect(JSON.stringify(donorView)).not.toContain(mine.reference);
      expect(JSON.stringify(await t.run(DevicesBeneficiaryRefsDocument, {}, net.ara.tokens.donor))).not.toContain('SECRET-REF-42');

      // the refurbisher sees the order of a device it holds (to ship it), not the references
      const refurbisherView = (await t.runOk(DeviceOrderDocument, { id: myDevice }, net.ara.tokens.refurbisher)).device!;
      expect(refurbisherView.order?.id).toBe(mine.id);
      expect(refurbisherView.order?.lines[0]!.beneficiaryRefs).toBeNull();
      // the partner and staff do
      expect((await order(mine.id)).lines[0]!.beneficiaryRefs).toEqual(['SECRET-REF-42']);
      expect((await order(mine.id, net.ara.tokens.coordinator)).lines[0]!.beneficiaryRefs).toEqual(['SECRET-REF-42']);
      expect((await t.runOk(DeviceOrderDocument, { id: myDevice }, net.bfc.tokens.coordinator)).device).toBeNull();
    });
  });
  describe('serving fragile people', () => {
    /** the retiree's machine: 8 GB, 256 GB SSD, grade A, a good battery */
    const GOOD: Spec = { ramGb: 8, storageGb: 256, ssd: true, grade: 'A', capabilities: { batteryHealthPercent: 92 } };
    /** a worn machine that fits a senior too: 4 GB, 128 GB disk, grade C, a tired battery */
    const WORN: Spec = { ramGb: 4, storageGb: 128, ssd: false, grade: 'C', capabilities: { batteryHealthPercent: 55 } };

    const submitLines = async (lines: OrderLineInput[], token = net.ara.tokens.partner, neededBy?: string) =>
      (await t.runOk(MatchingSubmitOrderDocument, { input: { lines, neededBy } }, token)).submitOrder;
    const devicesOn = async (orderId: string, token = net.ara.tokens.partner): Promise<string[]> =>
      (await t.runOk(MatchingOrderDocument, { id: orderId }, token)).order!.lines.flatMap((l) => l.devices.map((d) => d.id)).sort();
    const matchJobs = async (): Promise<number> =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE queue = 'matching'`))[0].n as number;
    const lastCustody = async (deviceId: string) =>
      (
        await t.dataSource.query(`SELECT action, from_status, to_status, detail FROM custody_event WHERE device_id = $1 ORDER BY id DESC LIMIT 1`, [deviceId])
      )[0];

    it('the retiree gets the 8 GB SSD grade-A machine, not the worn one, when both are free', async () => {
      const [good] = await stockDevices([GOOD, WORN]);
      const senior = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }]);
      expect(senior.lines[0]).toMatchObject({ needsWebcam: true, needsMicrophone: true, needsOs: true, minBatteryHealthPercent: null });
      expect(await match()).toEqual({ allocatedQuantity: 1, unfilledQuantity: 0 });
      expect(await devicesOn(senior.id)).toEqual([good]);
    });

    it('with a design student in demand too, each gets theirs', async () => {
      const [good, , high] = await stockDevices([GOOD, WORN, HIGH]);
      const senior = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }]);
      const design = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'DESIGN_STUDENT' }]);
      expect(await match()).toEqual({ allocatedQuantity: 2, unfilledQuantity: 0 });
      expect(await devicesOn(senior.id)).toEqual([good]);
      expect(await devicesOn(design.id)).toEqual([high]);
    });

    it('capability needs: a laptop without a working webcam is not given to a senior, but serves a pupil; a line cannot lower a need', async () => {
      const [mute] = await stockDevices([{ ...GOOD, capabilities: { webcam: false } }]);
      const senior = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }]);
      expect(await match()).toEqual({ allocatedQuantity: 0, unfilledQuantity: 1 });
      // untested counts as missing
      await t.dataSource.query(`UPDATE device SET webcam_works = NULL WHERE id = $1`, [mute]);
      expect(await match()).toEqual({ allocatedQuantity: 0, unfilledQuantity: 1 });
      const pupil = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'PUPIL' }]);
      expect((await match()).allocatedQuantity).toBe(1);
      expect(await devicesOn(pupil.id)).toEqual([mute]);
      expect(await devicesOn(senior.id)).toEqual([]);

      const lowered = await t.run(
        MatchingSubmitOrderDocument,
        { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR', needsWebcam: false }] } },
        net.ara.tokens.partner,
      );
      expect(lowered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(lowered.errors?.[0]?.message).toContain('needsWebcam false would lower it');
      // a job seeker's laptop needs a battery that lasts; a line may raise any need
      const seeker = await submitLines([
        { category: 'LAPTOP', quantity: 1, profile: 'JOB_SEEKER' },
        { category: 'LAPTOP', quantity: 1, profile: 'OTHER', needsMicrophone: true, minBatteryHealthPercent: 80 },
      ]);
      expect(seeker.lines.map((l) => [l.minBatteryHealthPercent, l.needsMicrophone])).toEqual([
        [70, false],
        [80, true],
      ]);
    });

    it('a job seeker laptop below 70 % battery health is not allocated', async () => {
      const [tired, fresh] = await stockDevices([
        { ...MID, capabilities: { batteryHealthPercent: 69 } },
        { ...MID, capabilities: { batteryHealthPercent: 70 } },
      ]);
      const seeker = await submitLines([{ category: 'LAPTOP', quantity: 2, profile: 'JOB_SEEKER' }]);
      expect(await match()).toEqual({ allocatedQuantity: 1, unfilledQuantity: 1 });
      expect(await devicesOn(seeker.id)).toEqual([fresh]);
      expect(await statusOf(tired)).toBe('IN_STOCK');
    });

    it('grade floors per region: the coordinator raises the senior floor to B; no senior line gets a grade-C device, even one open before', async () => {
      const floorsBefore = (await t.runOk(MatchingGradeFloorsDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).matchingGradeFloors;
      expect(floorsBefore.find((f) => f.profile === 'JOB_SEEKER')).toEqual({ profile: 'JOB_SEEKER', minGrade: 'B', setByRegion: false });
      const senior = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }]);
      const set = (
        await t.runOk(MatchingSetGradeFloorsDocument, { regionId: net.ara.id, floors: [{ profile: 'SENIOR', minGrade: 'B' }] }, net.ara.tokens.coordinator)
      ).setMatchingGradeFloors;
      expect(set.find((f) => f.profile === 'SENIOR')).toEqual({ profile: 'SENIOR', minGrade: 'B', setByRegion: true });
      const [worn] = await stockDevices([WORN]);
      expect(await match()).toEqual({ allocatedQuantity: 0, unfilledQuantity: 1 });
      // a new line states the floor; stating less is refused with the reason
      const later = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }]);
      expect(later.lines[0]!.minGrade).toBe('B');
      const below = await t.run(
        MatchingSubmitOrderDocument,
        { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR', minGrade: 'C' }] } },
        net.ara.tokens.partner,
      );
      expect(below.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const [b] = await stockDevices([{ ...WORN, grade: 'B' }]);
      expect((await match()).allocatedQuantity).toBe(1);
      expect([...(await devicesOn(senior.id)), ...(await devicesOn(later.id))]).toEqual([b]);
      expect(await statusOf(worn)).toBe('IN_STOCK');

      // the other region is unchanged; only staff of the region set it
      const bfc = (await t.runOk(MatchingGradeFloorsDocument, { regionId: net.bfc.id }, net.bfc.tokens.coordinator)).matchingGradeFloors;
      expect(bfc.find((f) => f.profile === 'SENIOR')).toEqual({ profile: 'SENIOR', minGrade: null, setByRegion: false });
      for (const token of [net.bfc.tokens.coordinator, net.ara.tokens.partner, net.ara.tokens.refurbisher, net.ara.tokens.donor]) {
        expect(await t.runError(MatchingSetGradeFloorsDocument, { regionId: net.ara.id, floors: [{ profile: 'SENIOR', minGrade: null }] }, token)).toBe(
          'FORBIDDEN',
        );
      }
      expect(
        await t.runError(
          MatchingSetGradeFloorsDocument,
          { regionId: net.ara.id, floors: [{ profile: 'SENIOR' }, { profile: 'SENIOR' }] },
          net.ara.tokens.coordinator,
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('neededBy: within a priority, the earlier need is served first, whatever the submission order', async () => {
      const later = await submitLines(
        [{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }],
        net.ara.tokens.partner,
        new Date(Date.now() + 20 * DAY).toISOString(),
      );
      const sooner = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER', neededBy: new Date(Date.now() + 5 * DAY).toISOString() }]);
      const urgent = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER', priority: 1 }]);
      expect(sooner.lines[0]!.neededBy).not.toBeNull();
      expect(later.lines[0]!.neededBy).not.toBeNull();
      const [a, b] = await stockDevices([MID, MID]);
      expect(await match()).toEqual({ allocatedQuantity: 2, unfilledQuantity: 1 });
      expect([...(await devicesOn(urgent.id)), ...(await devicesOn(sooner.id))].sort()).toEqual([a, b].sort());
      expect(await devicesOn(later.id)).toEqual([]);
    });

    it('releaseReservation: the refurbisher gives a reserved device back; IN_STOCK, the line reopened, re-match enqueued, custody written', async () => {
      const [device] = await stockDevices([MID]);
      const o = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }]);
      await match();
      await t.dataSource.query(`DELETE FROM outbox_message`);
      // others may not: the partner and staff are not the holder; another region's refurbisher does not see it
      expect(await t.runError(MatchingReleaseReservationDocument, { input: { deviceId: device, reason: 'x' } }, net.ara.tokens.partner)).toBe('FORBIDDEN');
      expect(await t.runError(MatchingReleaseReservationDocument, { input: { deviceId: device, reason: 'x' } }, net.ara.tokens.coordinator)).toBe('FORBIDDEN');
      expect(await t.runError(MatchingReleaseReservationDocument, { input: { deviceId: device, reason: 'x' } }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(await t.runError(MatchingReleaseReservationDocument, { input: { deviceId: device, reason: '' } }, net.ara.tokens.refurbisher)).toBe(
        'BAD_USER_INPUT',
      );

      const released = (
        await t.runOk(MatchingReleaseReservationDocument, { input: { deviceId: device, reason: 'promised to a school' } }, net.ara.tokens.refurbisher)
      ).releaseReservation;
      expect(released.status).toBe('IN_STOCK');
      const after = (await t.runOk(MatchingOrderDocument, { id: o.id }, net.ara.tokens.partner)).order!;
      expect(after.status).toBe('OPEN');
      expect(after.lines[0]!.allocatedQuantity).toBe(0);
      expect(await lastCustody(device)).toMatchObject({ action: 'UNRESERVED', from_status: 'RESERVED', to_status: 'IN_STOCK' });
      expect(await matchJobs()).toBe(1);
      // released twice: there is no reservation any more
      expect(await t.runError(MatchingReleaseReservationDocument, { input: { deviceId: device, reason: 'again' } }, net.ara.tokens.refurbisher)).toBe(
        'NOT_FOUND',
      );
      // the re-match serves the line again
      expect((await match()).allocatedQuantity).toBe(1);
      await assertConsistent();
    });

    it('refuseDevice: the partner refuses a reserved device; back to the workshop, the line reopened and served by another device', async () => {
      // the grade-C one costs least on a line without minimums: it is reserved first
      const [first, second] = await stockDevices([{ ...MID, grade: 'C' }, MID]);
      const o = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }]);
      await match();
      expect(await devicesOn(o.id)).toEqual([first]);
      await t.dataSource.query(`DELETE FROM outbox_message`);
      const input = { orderId: o.id, deviceId: first, reason: 'the screen flickers' };
      expect(await t.runError(MatchingRefuseDeviceDocument, { input }, partner2.token)).toBe('NOT_FOUND');
      expect(await t.runError(MatchingRefuseDeviceDocument, { input }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
      expect(await t.runError(MatchingRefuseDeviceDocument, { input }, net.ara.tokens.coordinator)).toBe('FORBIDDEN');
      expect(await t.runError(MatchingRefuseDeviceDocument, { input: { ...input, deviceId: second } }, net.ara.tokens.partner)).toBe('NOT_FOUND');

      const refused = (await t.runOk(MatchingRefuseDeviceDocument, { input }, net.ara.tokens.partner)).refuseDevice;
      expect(refused.status).toBe('OPEN');
      expect(refused.lines[0]!.allocatedQuantity).toBe(0);
      expect(await statusOf(first)).toBe('RECEIVED');
      expect(await lastCustody(first)).toMatchObject({ action: 'RETURNED_TO_WORKSHOP', from_status: 'IN_STOCK', to_status: 'RECEIVED' });
      expect(await matchJobs()).toBe(1);
      expect((await match()).allocatedQuantity).toBe(1);
      expect(await devicesOn(o.id)).toEqual([second]);
      await assertConsistent();

      // shipped, it can still be refused as it is handed over: the order waits for another device again
      await t.runOk(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [second] } }, net.ara.tokens.refurbisher);
      expect((await t.runOk(MatchingOrderDocument, { id: o.id }, net.ara.tokens.partner)).order!.status).toBe('SHIPPED');
      // the refurbisher cannot pull a shipped device back on its own: it is at the partner's
      expect(await t.runError(WorkshopReturnToWorkshopDocument, { input: { deviceId: second, reason: 'changed my mind' } }, net.ara.tokens.refurbisher)).toBe(
        'CONFLICT',
      );
      const atDelivery = (await t.runOk(MatchingRefuseDeviceDocument, { input: { ...input, deviceId: second, reason: 'no battery' } }, net.ara.tokens.partner))
        .refuseDevice;
      expect(atDelivery.status).toBe('OPEN');
      expect(atDelivery.lines[0]!.allocatedQuantity).toBe(0);
      expect(await statusOf(second)).toBe('RECEIVED');
      expect(await lastCustody(second)).toMatchObject({ action: 'RETURNED_TO_WORKSHOP', from_status: 'SHIPPED', to_status: 'RECEIVED' });
      expect(await matchJobs()).toBe(2);
      await assertConsistent();

      // a device confirmed delivered is the person's: never refused afterwards
      const [third] = await stockDevices([MID]);
      expect((await match()).allocatedQuantity).toBe(1);
      expect(await devicesOn(o.id)).toEqual([third]);
      await t.runOk(ShipOrderDevicesDocument, { input: { orderId: o.id, deviceIds: [third] } }, net.ara.tokens.refurbisher);
      await t.runOk(ConfirmOrderDeliveryDocument, { input: { orderId: o.id, deviceIds: [third], beneficiaryRefs: ['REF-77'] } }, net.ara.tokens.partner);
      const late = await t.run(MatchingRefuseDeviceDocument, { input: { ...input, deviceId: third } }, net.ara.tokens.partner);
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEVICE_NOT_AT_DELIVERY' });
      expect(await statusOf(third)).toBe('DELIVERED');
      await assertConsistent();
    });

    it('releases, refusals, swaps and matchers racing on the same reservations: no deadlock, no device on two lines, counters exact', async () => {
      const [x, y, z] = await stockDevices([MID, MID, MID]);
      const a = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }]);
      const b = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }]);
      expect((await match()).allocatedQuantity).toBe(2);
      const [onA] = await devicesOn(a.id);
      const [onB] = await devicesOn(b.id);
      const codes = await Promise.all([
        t.run(MatchingSwapReservationsDocument, { input: { deviceId: onA!, otherDeviceId: onB! } }, net.ara.tokens.coordinator),
        t.run(MatchingReleaseReservationDocument, { input: { deviceId: onA!, reason: 'race' } }, net.ara.tokens.refurbisher),
        t.run(MatchingRefuseDeviceDocument, { input: { orderId: b.id, deviceId: onB!, reason: 'race' } }, net.ara.tokens.partner),
        t.run(MatchingSwapReservationsDocument, { input: { deviceId: onB!, otherDeviceId: onA! } }, net.ara.tokens.coordinator),
        match(),
        match(),
      ]);
      // each command either did its work or was refused with a code a person can act on, never a server error
      for (const res of codes.slice(0, 4) as Array<{ errors?: Array<{ extensions?: { code?: string } }> }>) {
        if (res.errors?.length) expect(['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']).toContain(res.errors[0]!.extensions?.code);
      }
      await assertConsistent();
      await match();
      await assertConsistent();
      expect([x, y, z]).toContain(onA);
    });

    it('swapReservations: the coordinator exchanges two reserved devices that fit each other, and refuses with why when one does not fit', async () => {
      const [good, worn, high] = await stockDevices([GOOD, WORN, HIGH]);
      const a = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER' }]);
      const b = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'OTHER', minRamGb: 8 }]);
      const design = await submitLines([{ category: 'LAPTOP', quantity: 1, profile: 'DESIGN_STUDENT' }]);
      await match();
      expect(await devicesOn(a.id)).toEqual([worn]);
      expect(await devicesOn(b.id)).toEqual([good]);
      expect(await devicesOn(design.id)).toEqual([high]);
      await t.dataSource.query(`DELETE FROM outbox_message`);

      // worn (4 GB) does not fit b's 8 GB line: refused, saying why
      const misfit = await t.run(MatchingSwapReservationsDocument, { input: { deviceId: worn, otherDeviceId: good } }, net.ara.tokens.coordinator);
      expect(misfit.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(misfit.errors?.[0]?.message).toContain('8 GB RAM');

      for (const token of [net.ara.tokens.partner, net.ara.tokens.refurbisher]) {
        expect(await t.runError(MatchingSwapReservationsDocument, { input: { deviceId: good, otherDeviceId: high } }, token)).toBe('FORBIDDEN');
      }
      expect(await t.runError(MatchingSwapReservationsDocument, { input: { deviceId: good, otherDeviceId: high } }, net.bfc.tokens.coordinator)).toBe(
        'NOT_FOUND',
      );
      // the design machine fits b, but the 8 GB one does not fit the design student's line
      expect(await t.runError(MatchingSwapReservationsDocument, { input: { deviceId: good, otherDeviceId: high } }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );

      // once b asks for 4 GB, each device fits the other's line: the swap goes through
      await t.dataSource.query(`UPDATE order_line SET min_ram_gb = 4 WHERE order_id = $1`, [b.id]);
      const swapped = (await t.runOk(MatchingSwapReservationsDocument, { input: { deviceId: worn, otherDeviceId: good } }, net.ara.tokens.coordinator))
        .swapReservations;
      expect(swapped.map((d) => d.status)).toEqual(['RESERVED', 'RESERVED']);
      expect(await devicesOn(a.id)).toEqual([good]);
      expect(await devicesOn(b.id)).toEqual([worn]);
      expect(await lastCustody(good)).toMatchObject({ action: 'RESERVED', from_status: 'IN_STOCK', to_status: 'RESERVED' });
      const released = await t.dataSource.query(`SELECT count(*)::int AS n FROM order_line_device WHERE release_reason = 'SWAPPED'`);
      expect(released[0].n).toBe(2);
      expect(await matchJobs()).toBe(1);
      await assertConsistent();
    });
  });
});
