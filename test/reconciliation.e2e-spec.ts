import { ReconcileStockJob } from '@app/reconciliation/jobs/reconcile-stock.job';
import { MAX_SERIALS_PER_COUNT } from '@app/reconciliation/dto/stock-count.inputs';
import { addGrenobleRefurbisher, NetworkFixture, RegionFixture, seedNetwork } from './support/network-fixture';
import {
  DeviceCustodyDocument,
  MatchOrdersDocument,
  OrderAllocationDocument,
  ReconcileStockDocument,
  ReconciliationFieldsFragment,
  ReconciliationsDocument,
  ResolveReconciliationDocument,
  ShipDevicesDocument,
  StockLevelsOfRefurbisherDocument,
  SubmitOrderDocument,
  SubmitStockCountDocument,
  SubmitStockCountTotalsDocument,
} from './generated/graphql';
import { claimLot, declareAndRoute, eraseAndGrade, eraseDevice, markCollected, receiveLot } from './support/donation-flow';
import { TestApp } from './support/test-app';
import { uncheckedVariables } from './support/typed-client';
import { waitFor } from './support/wait-for';

const FUTURE = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
const PLACES: Record<string, { postalCode: string; city: string; location: { lat: number; lon: number } }> = {
  ARA: { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
  BFC: { postalCode: '21000', city: 'Dijon', location: { lat: 47.32, lon: 5.04 } },
};

type Reconciliation = ReconciliationFieldsFragment;
type Level = { refurbisher: { id: string }; category: string; grade: string; available: number; reserved: number };

describe('stock reconciliation', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second refurbisher of ARA */
  let grenoble: { id: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    grenoble = await addGrenobleRefurbisher(t, net);
  });

  /**
   * Devices at one refurbisher, through GraphQL: declared, routed there (only it has capacity),
   * claimed, received, erased and graded B (8 GB, 256 GB SSD: a student laptop). Serials in
   * `wipedOnly` are erased but not graded (on the premises, not in stock). The lot is put
   * COLLECTED by SQL: pickups are the logistics tests' business. Returns device ids by serial.
   */
  const stockAt = async (
    region: RegionFixture,
    refurbisher: { id: string; token: string },
    serials: string[],
    wipedOnly: string[] = [],
  ): Promise<Record<string, string>> => {
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'LAPTOP', 1000) ON CONFLICT (organization_id, category) DO NOTHING`,
      [refurbisher.id],
    );
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = CASE WHEN organization_id = $1 THEN 1000 ELSE 0 END`, [refurbisher.id]);
    const all = [...serials, ...wipedOnly];
    const lot = await declareAndRoute(t, region, [{ category: 'LAPTOP', quantity: all.length }], {
      pickupAddress: PLACES[region.code]!,
      availableFrom: FUTURE,
    });
    expect(lot.refurbisherId).toBe(refurbisher.id);
    await claimLot(t, lot.id, refurbisher.token);
    await markCollected(t, lot.id);
    const devices = all.map((serialNumber) => ({ serialNumber, category: 'LAPTOP' as const, specs: { ramGb: 8, storageGb: 256, ssd: true } }));
    const received = await receiveLot(t, lot.id, devices, refurbisher.token);
    const ids = Object.fromEntries(received.map((d) => [d.serialNumber, d.id]));
    for (const serial of all) {
      if (wipedOnly.includes(serial)) await eraseDevice(t, ids[serial]!, refurbisher.token);
      else await eraseAndGrade(t, ids[serial]!, refurbisher.token, 'B');
    }
    return ids;
  };

  const ara = () => ({ id: net.ara.refurbisher, token: net.ara.tokens.refurbisher });
  const bfc = () => ({ id: net.bfc.refurbisher, token: net.bfc.tokens.refurbisher });
  const submitCount = async (serialNumbers: string[], token = net.ara.tokens.refurbisher, refurbisherId?: string): Promise<Reconciliation> =>
    (await t.runOk(SubmitStockCountDocument, { input: { serialNumbers, ...(refurbisherId ? { refurbisherId } : {}) } }, token)).submitStockCount;
  const list = async (token: string, refurbisherId?: string): Promise<Reconciliation[]> =>
    (await t.runOk(ReconciliationsDocument, { refurbisherId }, token)).reconciliations;
  const resolve = (id: string, token = net.ara.tokens.coordinator) => t.run(ResolveReconciliationDocument, { id }, token);
  const statusOf = async (deviceId: string) => (await t.dataSource.query(`SELECT status FROM device WHERE id = $1`, [deviceId]))[0].status as string;
  const rows = async () => ({
    reconciliations: await t.count('reconciliation'),
    discrepancies: await t.count('reconciliation_discrepancy'),
    outbox: await t.count('outbox_message'),
  });
  /** The stock as a recount of the devices sees it: what the counters must equal. */
  const recount = async (): Promise<Level[]> =>
    (
      await t.dataSource.query(
        `SELECT refurbisher_id, category, grade, count(*) FILTER (WHERE status = 'IN_STOCK')::int AS available, count(*) FILTER (WHERE status = 'RESERVED')::int AS reserved
           FROM device WHERE status IN ('IN_STOCK', 'RESERVED') GROUP BY 1, 2, 3`,
      )
    ).map((r: any) => ({ refurbisher: { id: r.refurbisher_id }, category: r.category, grade: r.grade, available: r.available, reserved: r.reserved }));
  const sorted = (levels: Level[]) =>
    [...levels].sort((a, b) => `${a.refurbisher.id}${a.category}${a.grade}`.localeCompare(`${b.refurbisher.id}${b.category}${b.grade}`));
  const counters = async (): Promise<Level[]> => sorted((await t.runOk(StockLevelsOfRefurbisherDocument, {}, net.adminToken)).stockLevels);

  /**
   * Five student laptops in stock at the ARA refurbisher, two of them reserved by a partner's
   * order, one more wiped but not graded; one in stock at Grenoble (ARA) and one in Dijon (BFC).
   */
  const shelves = async () => {
    const main = await stockAt(net.ara, ara(), ['ARA-1', 'ARA-2', 'ARA-3', 'ARA-4', 'ARA-5'], ['ARA-W']);
    const orderId = (
      await t.runOk(SubmitOrderDocument, { input: { lines: [{ category: 'LAPTOP', quantity: 2, profile: 'STUDENT' }] } }, net.ara.tokens.partner)
    ).submitOrder.id;
    expect((await t.runOk(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).matchOrders).toEqual({
      allocatedQuantity: 2,
      unfilledQuantity: 0,
    });
    const reserved = (await t.runOk(OrderAllocationDocument, { id: orderId }, net.ara.tokens.partner)).order!.lines[0]!.devices.map((d) => d.id);
    const serialOf = (id: string) => Object.keys(main).find((s) => main[s] === id)!;
    const [kept, missed] = reserved.map(serialOf).sort();
    const inStock = ['ARA-1', 'ARA-2', 'ARA-3', 'ARA-4', 'ARA-5'].filter((s) => !reserved.includes(main[s]!));
    const gre = await stockAt(net.ara, grenoble, ['GRE-1']);
    const dij = await stockAt(net.bfc, bfc(), ['BFC-1']);
    return { main, gre, dij, orderId, reservedKept: kept!, reservedMissed: missed!, inStock };
  };

  /** The count of the ARA refurbisher: one in-stock laptop and one reserved laptop are not on the shelf. */
  const countShelves = async (s: Awaited<ReturnType<typeof shelves>>) => {
    const [missedInStock, ...foundInStock] = s.inStock;
    const serials = [...foundInStock.map((x) => ` ${x.toLowerCase()} `), foundInStock[0]!, s.reservedKept, 'ara-w', 'GRE-1', 'BFC-1', 'NOPE-404'];
    return { reconciliation: await submitCount(serials), missedInStock: missedInStock!, foundInStock };
  };

  describe('a stock count', () => {
    it('finds missing devices (in stock or reserved) and unexpected serials (unknown, another refurbisher, another status), without moving anything', async () => {
      const s = await shelves();
      const levelsBefore = await counters();
      await t.dataSource.query(`DELETE FROM outbox_message`);
      const { reconciliation: r, missedInStock } = await countShelves(s);

      expect(r).toMatchObject({
        status: 'OPEN',
        refurbisher: { id: net.ara.refurbisher },
        expectedQuantity: 5,
        countedQuantity: 7,
        missingQuantity: 2,
        unexpectedQuantity: 4,
        submittedBy: 'refurbisher@ara.test',
        resolvedAt: null,
        resolvedBy: null,
        markedMissingQuantity: null,
      });
      // the reserved laptop that was counted is fine; the one that was not is MISSING
      expect(r.discrepancies).toEqual([
        ...[missedInStock, s.reservedMissed].sort().map((serial) => ({
          kind: 'MISSING',
          serialNumber: serial,
          device: { id: s.main[serial], status: serial === missedInStock ? 'IN_STOCK' : 'RESERVED' },
        })),
        { kind: 'UNEXPECTED', serialNumber: 'ARA-W', device: { id: s.main['ARA-W'], status: 'WIPED' } },
        // another refurbisher's device: the serial is known, whose it is is not the counter's business
        { kind: 'UNEXPECTED', serialNumber: 'BFC-1', device: null },
        { kind: 'UNEXPECTED', serialNumber: 'GRE-1', device: null },
        { kind: 'UNEXPECTED', serialNumber: 'NOPE-404', device: null },
      ]);
      const stored = await t.dataSource.query(
        `SELECT serial_number, device_id FROM reconciliation_discrepancy WHERE kind = 'UNEXPECTED' ORDER BY serial_number`,
      );
      expect(stored).toEqual([
        { serial_number: 'ARA-W', device_id: s.main['ARA-W'] },
        { serial_number: 'BFC-1', device_id: s.dij['BFC-1'] },
        { serial_number: 'GRE-1', device_id: s.gre['GRE-1'] },
        { serial_number: 'NOPE-404', device_id: null },
      ]);

      // the coordinator of ARA sees Grenoble's device, not Dijon's; ADMIN sees both
      const deviceOf = (rec: Reconciliation, serial: string) => rec.discrepancies.find((d) => d.serialNumber === serial)!.device;
      const [forCoordinator] = await list(net.ara.tokens.coordinator);
      expect(deviceOf(forCoordinator!, 'GRE-1')).toEqual({ id: s.gre['GRE-1'], status: 'IN_STOCK' });
      expect(deviceOf(forCoordinator!, 'BFC-1')).toBeNull();
      const [forAdmin] = await list(net.adminToken, net.ara.refurbisher);
      expect(deviceOf(forAdmin!, 'BFC-1')).toEqual({ id: s.dij['BFC-1'], status: 'IN_STOCK' });

      // a count changes no device and no counter; it asks for the counters to be rebuilt
      expect(await Promise.all(Object.values(s.main).map(statusOf))).toEqual(
        Object.keys(s.main).map((serial) => (serial === 'ARA-W' ? 'WIPED' : [s.reservedKept, s.reservedMissed].includes(serial) ? 'RESERVED' : 'IN_STOCK')),
      );
      expect(await counters()).toEqual(levelsBefore);
      // the stock queue's job (the coordinator's notification of the differences is the notifications suite's)
      expect(await t.dataSource.query(`SELECT queue, name, payload, debounce_key FROM outbox_message WHERE queue = 'stock'`)).toEqual([
        { queue: 'stock', name: 'reconcile-stock', payload: { refurbisherId: net.ara.refurbisher }, debounce_key: `reconcile-stock-${net.ara.refurbisher}` },
      ]);
    });

    it('a newer count supersedes an open one; counts are listed newest first; of two counts at once one stays OPEN', async () => {
      const first = await submitCount(['A-1']);
      const second = await submitCount(['A-1', 'A-2'], net.ara.tokens.coordinator, net.ara.refurbisher);
      expect(second).toMatchObject({ status: 'OPEN', submittedBy: 'coordinator@ara.test', countedQuantity: 2 });
      expect((await list(net.ara.tokens.refurbisher)).map((r) => [r.id, r.status])).toEqual([
        [second.id, 'OPEN'],
        [first.id, 'SUPERSEDED'],
      ]);
      expect((await resolve(first.id)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

      await Promise.all([submitCount(['B-1']), submitCount(['B-2']), submitCount(['B-3'])]);
      const statuses = (await list(net.ara.tokens.refurbisher)).map((r) => r.status);
      expect(statuses).toEqual(['OPEN', 'SUPERSEDED', 'SUPERSEDED', 'SUPERSEDED', 'SUPERSEDED']);
    });

    it('an empty count is a count: everything expected is MISSING', async () => {
      const main = await stockAt(net.ara, ara(), ['E-1', 'E-2']);
      const r = await submitCount([]);
      expect(r).toMatchObject({ expectedQuantity: 2, countedQuantity: 0, missingQuantity: 2, unexpectedQuantity: 0 });
      expect(r.discrepancies.map((d) => d.device?.id)).toEqual([main['E-1'], main['E-2']]);
    });

    it('bad input is BAD_USER_INPUT and writes nothing; the largest count allowed passes', async () => {
      const before = await rows();
      const cases: Array<Record<string, unknown>> = [
        { serialNumbers: [''] },
        { serialNumbers: ['OK-1', '   '] },
        { serialNumbers: ['x'.repeat(101)] },
        { serialNumbers: Array.from({ length: MAX_SERIALS_PER_COUNT + 1 }, (_, i) => `SN-${i}`) },
        { serialNumbers: ['OK-1', null] },
        { serialNumbers: ['OK-1', 42] },
        { serialNumbers: ['OK-1'], refurbisherId: 'ARA' },
        { serialNumbers: ['OK-1'], colour: 'blue' },
        {},
      ];
      for (const input of cases) {
        const res = await t.run(SubmitStockCountDocument, uncheckedVariables({ input }), net.ara.tokens.refurbisher);
        expect([JSON.stringify(input).slice(0, 60), res.errors?.[0]?.extensions?.code]).toEqual([JSON.stringify(input).slice(0, 60), 'BAD_USER_INPUT']);
      }
      // staff must say for whom; only a refurbisher is counted
      expect(await t.runError(SubmitStockCountDocument, { input: { serialNumbers: ['OK-1'] } }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      expect(await t.runError(SubmitStockCountDocument, { input: { serialNumbers: ['OK-1'], refurbisherId: net.ara.donor } }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );
      expect(await rows()).toEqual(before);

      const big = Array.from({ length: MAX_SERIALS_PER_COUNT }, (_, i) => `BIG-${i}`);
      const res = await t.runOk(SubmitStockCountTotalsDocument, { input: { serialNumbers: big } }, net.ara.tokens.refurbisher);
      expect(res.submitStockCount).toEqual({ countedQuantity: MAX_SERIALS_PER_COUNT, unexpectedQuantity: MAX_SERIALS_PER_COUNT });
      expect(await t.count('reconciliation_discrepancy')).toBe(MAX_SERIALS_PER_COUNT);
    });
  });

  describe('resolving a count', () => {
    it('declares the missing devices MISSING through the ledger: custody events, stock levels, the reserved one released from its order line', async () => {
      const s = await shelves();
      const { reconciliation, missedInStock } = await countShelves(s);
      expect((await t.runOk(OrderAllocationDocument, { id: s.orderId }, net.ara.tokens.partner)).order).toMatchObject({
        status: 'ALLOCATED',
        lines: [{ allocatedQuantity: 2 }],
      });
      await t.dataSource.query(`DELETE FROM outbox_message`);

      // two reviewers at once: one resolves, the other is told it is done
      const [a, b] = await Promise.all([resolve(reconciliation.id), resolve(reconciliation.id)]);
      const results = [a, b].map((res) => res.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(results).toEqual(['CONFLICT', 'OK']);
      const resolved = (a.data?.resolveReconciliation ?? b.data?.resolveReconciliation)!;
      expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedBy: 'coordinator@ara.test', markedMissingQuantity: 2 });
      expect(Date.parse(resolved.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(resolved.createdAt));

      for (const [serial, from] of [
        [missedInStock, 'IN_STOCK'],
        [s.reservedMissed, 'RESERVED'],
      ] as const) {
        const device = (await t.runOk(DeviceCustodyDocument, { id: s.main[serial]! }, net.ara.tokens.coordinator)).device!;
        expect(device.status).toBe('MISSING');
        expect(device.history.filter((h: { action: string }) => h.action === 'MISSING')).toEqual([
          {
            action: 'MISSING',
            fromStatus: from,
            toStatus: 'MISSING',
            actor: 'coordinator@ara.test',
            detail: expect.stringMatching(/^not found by the stock count of \d{4}-\d{2}-\d{2}$/),
          },
        ]);
      }
      // what the count found elsewhere or in another status is left as it is
      expect(await statusOf(s.main['ARA-W']!)).toBe('WIPED');
      expect(await statusOf(s.gre['GRE-1']!)).toBe('IN_STOCK');
      expect(await statusOf(s.main[s.reservedKept]!)).toBe('RESERVED');

      // the counters followed, in the same transaction, and still equal a recount
      const levels = (await t.runOk(StockLevelsOfRefurbisherDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.refurbisher)).stockLevels;
      expect(levels).toEqual([{ refurbisher: { id: net.ara.refurbisher }, category: 'LAPTOP', grade: 'B', available: 2, reserved: 1 }]);
      expect(await counters()).toEqual(sorted(await recount()));
      const movements = await t.dataSource.query(
        `SELECT kind, available_delta, reserved_delta FROM stock_movement WHERE kind = 'MISSING' ORDER BY available_delta`,
      );
      expect(movements).toEqual([
        { kind: 'MISSING', available_delta: -1, reserved_delta: 0 },
        { kind: 'MISSING', available_delta: 0, reserved_delta: -1 },
      ]);

      // the reserved one's link is ended: the line asks for a device again, the region is matched again
      const order = (await t.runOk(OrderAllocationDocument, { id: s.orderId }, net.ara.tokens.partner)).order;
      expect(order).toMatchObject({ status: 'OPEN', lines: [{ allocatedQuantity: 1, devices: [{ id: s.main[s.reservedKept] }] }] });
      expect(await t.dataSource.query(`SELECT release_reason FROM order_line_device WHERE device_id = $1`, [s.main[s.reservedMissed]])).toEqual([
        { release_reason: 'DEVICE_GONE' },
      ]);
      expect(await t.dataSource.query(`SELECT name, payload FROM outbox_message WHERE queue = 'matching'`)).toEqual([
        { name: 'match-region', payload: { regionId: net.ara.id } },
      ]);
      expect((await t.runOk(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).matchOrders).toEqual({
        allocatedQuantity: 1,
        unfilledQuantity: 0,
      });
      expect((await t.runOk(OrderAllocationDocument, { id: s.orderId }, net.ara.tokens.partner)).order).toMatchObject({
        status: 'ALLOCATED',
        lines: [{ allocatedQuantity: 2 }],
      });

      // final: a second resolution is CONFLICT and changes nothing
      const events = await t.count('custody_event');
      expect((await resolve(reconciliation.id)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect((await resolve(reconciliation.id, net.adminToken)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await t.count('custody_event')).toBe(events);
      expect(await counters()).toEqual(sorted(await recount()));
    });

    it('a device that left the shelf since the count (shipped) is not declared missing', async () => {
      const s = await shelves();
      const { reconciliation, missedInStock } = await countShelves(s);
      await t.runOk(ShipDevicesDocument, { input: { orderId: s.orderId, deviceIds: [s.main[s.reservedMissed]] } }, net.ara.tokens.refurbisher);
      const resolved = (await resolve(reconciliation.id, net.adminToken)).data!.resolveReconciliation;
      expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedBy: 'admin@platform.test', markedMissingQuantity: 1 });
      expect(await statusOf(s.main[missedInStock]!)).toBe('MISSING');
      expect(await statusOf(s.main[s.reservedMissed]!)).toBe('SHIPPED');
      expect((await t.runOk(OrderAllocationDocument, { id: s.orderId }, net.ara.tokens.partner)).order!.lines[0]).toMatchObject({
        allocatedQuantity: 2,
        shippedQuantity: 1,
      });
      expect(await counters()).toEqual(sorted(await recount()));
    });
  });

  describe('who counts, reads and resolves', () => {
    it('a refurbisher its own shelves; staff of the region; ADMIN all; donors and partners never', async () => {
      const mine = await submitCount(['M-1']);
      const theirs = await submitCount(['G-1'], grenoble.token);
      const dijon = await submitCount(['D-1'], net.bfc.tokens.refurbisher);
      const before = await rows();

      // another refurbisher can neither count for this one nor read its counts
      expect(await t.runError(SubmitStockCountDocument, { input: { serialNumbers: ['X'], refurbisherId: net.ara.refurbisher } }, grenoble.token)).toBe(
        'FORBIDDEN',
      );
      expect(await t.runError(ReconciliationsDocument, { refurbisherId: net.ara.refurbisher }, grenoble.token)).toBe('FORBIDDEN');
      expect((await list(grenoble.token)).map((r) => r.id)).toEqual([theirs.id]);
      expect((await list(net.ara.tokens.refurbisher)).map((r) => r.id)).toEqual([mine.id]);
      // a refurbisher does not resolve its own count, nor rebuild counters
      expect((await resolve(mine.id, net.ara.tokens.refurbisher)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await t.runError(ReconcileStockDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');

      // donors and partners: none of it
      for (const role of ['donor', 'partner'] as const) {
        const token = net.ara.tokens[role];
        expect(await t.runError(SubmitStockCountDocument, { input: { serialNumbers: ['X'] } }, token)).toBe('FORBIDDEN');
        expect(await t.runError(SubmitStockCountDocument, { input: { serialNumbers: ['X'], refurbisherId: net.ara.refurbisher } }, token)).toBe('FORBIDDEN');
        expect(await t.runError(ReconciliationsDocument, {}, token)).toBe('FORBIDDEN');
        expect((await resolve(mine.id, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(await t.runError(ReconcileStockDocument, { refurbisherId: net.ara.refurbisher }, token)).toBe('FORBIDDEN');
      }

      // the coordinator of another region: ids are not probed
      const other = net.bfc.tokens.coordinator;
      expect(await t.runError(SubmitStockCountDocument, { input: { serialNumbers: ['X'], refurbisherId: net.ara.refurbisher } }, other)).toBe('NOT_FOUND');
      expect((await resolve(mine.id, other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await t.runError(ReconcileStockDocument, { refurbisherId: net.ara.refurbisher }, other)).toBe('NOT_FOUND');
      expect(await list(other, net.ara.refurbisher)).toEqual([]);
      expect((await list(other)).map((r) => r.id)).toEqual([dijon.id]);
      expect((await resolve('00000000-0000-4000-8000-000000000000')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await rows()).toEqual(before);
      expect(await t.dataSource.query(`SELECT DISTINCT status FROM reconciliation`)).toEqual([{ status: 'OPEN' }]);

      // staff of the region read its counts; ADMIN reads all
      expect((await list(net.ara.tokens.coordinator)).map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
      expect((await list(net.ara.tokens.coordinator, grenoble.id)).map((r) => r.id)).toEqual([theirs.id]);
      expect((await list(net.adminToken)).map((r) => r.id).sort()).toEqual([mine.id, theirs.id, dijon.id].sort());
      expect((await list(net.adminToken)).map((r) => r.refurbisher.id)).toEqual([net.bfc.refurbisher, grenoble.id, net.ara.refurbisher]);
      // and staff may count for a refurbisher of their region
      expect((await submitCount(['D-2'], net.adminToken, net.bfc.refurbisher)).refurbisher.id).toBe(net.bfc.refurbisher);
      expect((await resolve(theirs.id)).data?.resolveReconciliation.status).toBe('RESOLVED');
    });
  });

  describe('the reconcile-stock job', () => {
    it('rebuilds counters corrupted by hand from the devices, logs the drift, and a re-run corrects nothing', async () => {
      await stockAt(net.ara, ara(), ['J-1', 'J-2', 'J-3']);
      await stockAt(net.ara, grenoble, ['J-G1']);
      await t.runOk(SubmitOrderDocument, { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }] } }, net.ara.tokens.partner);
      await t.runOk(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
      expect(await counters()).toEqual(sorted(await recount()));
      const truth = await counters();

      // counters gone wrong: too many available, a row for stock that does not exist, a row lost
      await t.dataSource.query(
        `UPDATE stock_level SET available = available + 3, reserved = 0 WHERE refurbisher_id = $1 AND category = 'LAPTOP' AND grade = 'B'`,
        [net.ara.refurbisher],
      );
      await t.dataSource.query(
        `INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved) VALUES ($1, 'TABLET', 'A', $2, 2, 0)`,
        [net.ara.refurbisher, net.ara.id],
      );
      await t.dataSource.query(`DELETE FROM stock_level WHERE refurbisher_id = $1`, [grenoble.id]);
      const job = t.app.get(ReconcileStockJob);

      const first = await job.handle({ refurbisherId: net.ara.refurbisher });
      const mainLevel = truth.find((l) => l.refurbisher.id === net.ara.refurbisher)!;
      const grenobleLevel = truth.find((l) => l.refurbisher.id === grenoble.id)!;
      expect(mainLevel.available + mainLevel.reserved + grenobleLevel.available + grenobleLevel.reserved).toBe(4);
      expect(first.refurbisherId).toBe(net.ara.refurbisher);
      expect(
        first.corrected.map(({ refurbisherId, category, grade, availableBefore, availableAfter, reservedBefore, reservedAfter }) => ({
          refurbisherId,
          category,
          grade,
          availableBefore,
          availableAfter,
          reservedBefore,
          reservedAfter,
        })),
      ).toEqual([
        {
          refurbisherId: net.ara.refurbisher,
          category: 'LAPTOP',
          grade: 'B',
          availableBefore: mainLevel.available + 3,
          availableAfter: mainLevel.available,
          reservedBefore: 0,
          reservedAfter: mainLevel.reserved,
        },
        { refurbisherId: net.ara.refurbisher, category: 'TABLET', grade: 'A', availableBefore: 2, availableAfter: 0, reservedBefore: 0, reservedAfter: 0 },
      ]);
      expect(await t.count('stock_drift')).toBe(2);
      expect((await job.handle({ refurbisherId: net.ara.refurbisher })).corrected).toEqual([]);

      // the nightly run covers every refurbisher: Grenoble's lost row comes back, once
      const nightly = await job.handle({});
      expect(
        nightly.corrected.map((c) => [c.refurbisherId, c.category, c.grade, c.availableBefore, c.availableAfter, c.reservedBefore, c.reservedAfter]),
      ).toEqual([[grenoble.id, 'LAPTOP', 'B', 0, grenobleLevel.available, 0, grenobleLevel.reserved]]);
      expect((await job.handle({})).corrected).toEqual([]);
      expect(await counters()).toEqual(truth);
      expect(await t.count('stock_drift')).toBe(3);

      // the drift log is evidence: append-only
      await expect(t.dataSource.query(`UPDATE stock_drift SET available_after = 0`)).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM stock_drift`)).rejects.toThrow(/append-only/);

      // staff of the region may run it now, through GraphQL
      await t.dataSource.query(`UPDATE stock_level SET available = 0 WHERE refurbisher_id = $1`, [net.ara.refurbisher]);
      const drift = (await t.runOk(ReconcileStockDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.coordinator)).reconcileStock;
      expect(drift).toEqual([
        {
          refurbisher: { id: net.ara.refurbisher },
          category: 'LAPTOP',
          grade: 'B',
          availableBefore: 0,
          availableAfter: mainLevel.available,
          reservedBefore: mainLevel.reserved,
          reservedAfter: mainLevel.reserved,
          correctedAt: expect.any(String),
        },
      ]);
      expect((await t.runOk(ReconcileStockDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.coordinator)).reconcileStock).toEqual([]);
      expect(await t.runError(ReconcileStockDocument, { refurbisherId: net.ara.donor }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      expect(await counters()).toEqual(truth);
    });

    it('leaves correct counters alone while devices move under it', async () => {
      const main = await stockAt(net.ara, ara(), ['C-1', 'C-2', 'C-3', 'C-4']);
      const job = t.app.get(ReconcileStockJob);
      const ids = Object.values(main);
      const orderId = (
        await t.runOk(SubmitOrderDocument, { input: { lines: [{ category: 'LAPTOP', quantity: 4, profile: 'STUDENT' }] } }, net.ara.tokens.partner)
      ).submitOrder.id;
      const [runs] = await Promise.all([
        Promise.all([1, 2, 3, 4, 5].map(() => job.handle({ refurbisherId: net.ara.refurbisher }))),
        t.runOk(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator),
        t.runOk(SubmitStockCountDocument, { input: { serialNumbers: ['C-1'] } }, net.ara.tokens.refurbisher),
      ]);
      expect(runs.flatMap((r) => r.corrected)).toEqual([]);
      expect(await t.count('stock_drift')).toBe(0);
      expect(await Promise.all(ids.map(statusOf))).toEqual(['RESERVED', 'RESERVED', 'RESERVED', 'RESERVED']);
      expect((await t.runOk(OrderAllocationDocument, { id: orderId }, net.ara.tokens.partner)).order?.status).toBe('ALLOCATED');
      expect(await counters()).toEqual(sorted(await recount()));
    });
  });
});

describe('stock reconciliation with a worker: a count rebuilds the counters by itself', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start({ queuePrefix: `t${Date.now()}recon`, jobLockMs: 1500, outboxPollMs: 100 }, { withWorker: true });
    await t.reset();
    net = await seedNetwork(t);
  });
  afterAll(() => t.close());

  it('submitStockCount -> outbox -> BullMQ -> reconcile-stock (after its debounce window)', async () => {
    await t.dataSource.query(`INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved) VALUES ($1, 'LAPTOP', 'A', $2, 4, 1)`, [
      net.ara.refurbisher,
      net.ara.id,
    ]);
    await t.runOk(SubmitStockCountDocument, { input: { serialNumbers: ['W-1'] } }, net.ara.tokens.refurbisher);
    await waitFor(
      'the job to correct the counter',
      async () => {
        // the job waits out its debounce window (10 s) in BullMQ: end it now
        await t.promoteDelayedJobs();
        return (
          (await t.dataSource.query(`SELECT 1 FROM stock_level WHERE refurbisher_id = $1 AND available = 0 AND reserved = 0`, [net.ara.refurbisher])).length > 0
        );
      },
      40_000,
      50,
    );
    expect(await t.dataSource.query(`SELECT category, grade, available_before, available_after, reserved_before, reserved_after FROM stock_drift`)).toEqual([
      { category: 'LAPTOP', grade: 'A', available_before: 4, available_after: 0, reserved_before: 1, reserved_after: 0 },
    ]);
    // the reconciliation itself writes one more message (the coordinator is told of the discrepancies): relayed in turn
    await waitFor(
      'the outbox to be relayed',
      async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL`))[0].n === 0,
    );
  });
});
