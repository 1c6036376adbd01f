import { RecountDashboardsJob } from '@app/reporting/flows/jobs/recount-dashboards.job';
import { histogramMedianHours, leadTimeBucket } from '@app/reporting/flows/lead-time';
import { RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { RegionFlowLedger } from '@app/reporting/flows/region-flow-ledger.service';
import { RegionFlowRebuild } from '@app/reporting/flows/region-flow-rebuild.service';
import {
  CompletePickupDocument,
  DeclareDonationDocument,
  DeviceCategory,
  GradeDeviceDocument,
  MatchOrdersDocument,
  RecycleDeviceDocument,
  RegionDashboardCancelDonationDocument,
  RegionDashboardCancelOrderDocument,
  RegionDashboardFiguresDocument,
  SchedulePickupDocument,
  SubmitOrderDocument,
} from './generated/graphql';
import { claimLot, declareDonation, eraseDevice, LYON, receiveLot, routeDonations } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { confirmDelivery, matchOrders, orderDeviceIds, shipDevices, submitOrder } from './support/order-flow';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * DAY);
const LAPTOP_SPECS = { ramGb: 8, storageGb: 256, ssd: true };
/** a period of whole days around now: last week to next week */
const around = () => ({ from: new Date(Date.now() - 7 * DAY).toISOString(), to: new Date(Date.now() + 7 * DAY).toISOString() });

describe('region dashboard', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let serial = 0;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
  });

  const dashboard = async (period = around(), token = net.ara.tokens.coordinator, regionId = net.ara.id) =>
    (await t.runOk(RegionDashboardFiguresDocument, { regionId, ...period }, token)).regionDashboard;
  const declare = async (lines: Array<{ category: DeviceCategory; quantity: number }>) =>
    declareDonation(t, net.ara, lines, { pickupAddress: LYON, availableFrom: availableFrom.toISOString() });

  /** A donation collected and received by the Lyon refurbisher: its devices, RECEIVED. */
  const receive = async (donationId: string, lotId: string, devices: Array<{ category: DeviceCategory }>) => {
    const token = net.ara.tokens.refurbisher;
    await claimLot(t, lotId, token);
    const pickup = (
      await t.runOk(SchedulePickupDocument, { input: { lotId, scheduledAt: new Date(availableFrom.getTime() + 9 * 3600_000).toISOString() } }, token)
    ).schedulePickup;
    // a pickup is completed once the donation is available: this one became so yesterday
    await t.dataSource.query(`UPDATE donation SET available_from = now() - interval '1 day' WHERE id = $1`, [donationId]);
    await t.runOk(CompletePickupDocument, { input: { pickupId: pickup.id, collectedQuantity: devices.length } }, token);
    const intake = devices.map((d) => ({
      serialNumber: `DASH-${++serial}`,
      category: d.category,
      ...(d.category === 'LAPTOP' ? { specs: LAPTOP_SPECS } : {}),
    }));
    return receiveLot(t, lotId, intake, token);
  };
  // graded with a working webcam and microphone: the scenario's senior lines ask for video calls
  const toStock = async (deviceId: string) => {
    await eraseDevice(t, deviceId, net.ara.tokens.refurbisher);
    const input = { deviceId, grade: 'A' as const, specs: LAPTOP_SPECS, os: 'Xubuntu 24.04', checklist: { webcam: true, microphone: true } };
    expect((await t.runOk(GradeDeviceDocument, { input }, net.ara.tokens.refurbisher)).gradeDevice.status).toBe('IN_STOCK');
  };
  const devicesOf = (orderId: string) => orderDeviceIds(t, orderId, net.ara.tokens.partner);

  /**
   * The hand-checked scenario: 3 donations (one cancelled), one collected with 4 devices;
   * 3 refurbished (2 laptops, 1 monitor), 1 laptop recycled; 3 orders (one cancelled after its
   * monitor was reserved): 2 laptops reserved, shipped, 1 delivered; 1 laptop still wanted.
   */
  const scenario = async () => {
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'LAPTOP', 40), ($1, 'MONITOR', 10), ($1, 'TABLET', 10)
      ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = EXCLUDED.weekly_capacity`,
      [net.ara.refurbisher],
    );
    const a = await declare([
      { category: 'LAPTOP', quantity: 3 },
      { category: 'MONITOR', quantity: 1 },
    ]);
    const b = await declare([{ category: 'LAPTOP', quantity: 2 }]);
    await declare([{ category: 'TABLET', quantity: 1 }]);
    await t.runOk(RegionDashboardCancelDonationDocument, { id: b }, net.ara.tokens.donor);
    const lots = await routeDonations(t, net.ara);
    const devices = await receive(a, lots.find((l) => l.donationId === a)!.id, [
      { category: 'LAPTOP' },
      { category: 'LAPTOP' },
      { category: 'LAPTOP' },
      { category: 'MONITOR' },
    ]);
    const laptops = devices.filter((d) => d.category === 'LAPTOP').map((d) => d.id);
    const monitor = devices.find((d) => d.category === 'MONITOR')!.id;
    await toStock(laptops[0]!);
    await toStock(laptops[1]!);
    await toStock(monitor);
    await eraseDevice(t, laptops[2]!, net.ara.tokens.refurbisher);
    await t.runOk(RecycleDeviceDocument, { input: { deviceId: laptops[2]!, reason: 'broken motherboard' } }, net.ara.tokens.refurbisher);

    const o1 = await submitOrder(t, [{ category: 'LAPTOP', quantity: 2, profile: 'SENIOR' }], net.ara.tokens.partner);
    const o2 = await submitOrder(t, [{ category: 'MONITOR', quantity: 1, profile: 'SENIOR' }], net.ara.tokens.partner);
    expect((await matchOrders(t, net.ara)).allocatedQuantity).toBe(3);
    await t.runOk(RegionDashboardCancelOrderDocument, { id: o2 }, net.ara.tokens.partner);
    const shipped = await devicesOf(o1);
    await shipDevices(t, o1, shipped, net.ara.tokens.refurbisher);
    await confirmDelivery(t, o1, [shipped[0]!], net.ara.tokens.partner, ['B-001']);
    await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }], net.ara.tokens.partner);
  };

  /** The same figures, recounted by hand from the domain tables (never from the counters). */
  const recount = async (regionId: string) => {
    const [r] = await t.dataSource.query(
      `SELECT
         (SELECT coalesce(sum(dl.quantity), 0)::int FROM donation d JOIN donation_line dl ON dl.donation_id = d.id WHERE d.region_id = $1 AND d.status <> 'CANCELLED') AS declared,
         (SELECT coalesce(sum(p.collected_quantity), 0)::int FROM pickup p JOIN lot l ON l.id = p.lot_id WHERE l.region_id = $1 AND p.status = 'COMPLETED') AS collected,
         (SELECT count(*)::int FROM custody_event ce JOIN device d ON d.id = ce.device_id WHERE d.region_id = $1 AND ce.to_status = 'IN_STOCK' AND ce.from_status IN ('RECEIVED', 'WIPED')) AS refurbished,
         (SELECT count(*)::int FROM device WHERE region_id = $1 AND status = 'DELIVERED') AS delivered,
         (SELECT count(*)::int FROM device WHERE region_id = $1 AND status = 'RECYCLED') AS recycled,
         (SELECT coalesce(sum(l.quantity - l.allocated_quantity), 0)::int FROM order_line l JOIN partner_order o ON o.id = l.order_id WHERE o.region_id = $1 AND o.status <> 'CANCELLED') AS open_demand,
         (SELECT coalesce(sum(l.quantity), 0)::int FROM order_line l JOIN partner_order o ON o.id = l.order_id WHERE o.region_id = $1 AND o.status <> 'CANCELLED') AS ordered,
         (SELECT count(*)::int FROM order_line_device x JOIN partner_order o ON o.id = x.order_id WHERE o.region_id = $1 AND x.released_at IS NULL) AS served,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.completed_at - d.created_at) / 86400)
            FROM pickup p JOIN lot l ON l.id = p.lot_id JOIN donation d ON d.id = l.donation_id WHERE l.region_id = $1 AND p.status = 'COMPLETED') AS declaration_to_pickup,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ce.at - o.created_at) / 86400)
            FROM custody_event ce JOIN order_line_device x ON x.device_id = ce.device_id AND x.released_at IS NULL JOIN partner_order o ON o.id = x.order_id
           WHERE o.region_id = $1 AND ce.to_status = 'DELIVERED') AS order_to_delivery`,
      [regionId],
    );
    const byCategory: Array<{ category: string; n: number }> = await t.dataSource.query(
      `SELECT d.category, count(*)::int AS n FROM custody_event ce JOIN device d ON d.id = ce.device_id
        WHERE d.region_id = $1 AND ce.to_status = 'DELIVERED' GROUP BY 1`,
      [regionId],
    );
    const stock = await t.dataSource.query(
      `SELECT refurbisher_id, category, grade::text, count(*) FILTER (WHERE status = 'IN_STOCK')::int AS available, count(*) FILTER (WHERE status = 'RESERVED')::int AS reserved
         FROM device WHERE region_id = $1 AND status IN ('IN_STOCK', 'RESERVED') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [regionId],
    );
    return { ...r, byCategory, stock };
  };

  it('every figure of a hand-checked scenario, equal to a recount from the domain tables', async () => {
    await scenario();
    const d = await dashboard();
    expect(d).toMatchObject({
      region: { id: net.ara.id },
      devicesDeclared: 5,
      devicesCollected: 4,
      devicesRefurbished: 3,
      devicesDelivered: 1,
      devicesRecycled: 1,
      openDemand: 1,
      // the factor table's LAPTOP (ADEME Impact CO2, fabrication + distribution), for the one laptop
      // handed to a person: devices refurbished and still on a shelf avoid nothing yet (as the donor report)
      co2eAvoidedKg: expect.closeTo(182.6, 6),
    });
    expect(d.fillRate).toBeCloseTo(2 / 3, 10);
    expect(d.stock).toEqual([{ refurbisher: { id: net.ara.refurbisher }, category: 'MONITOR', grade: 'A', available: 1, reserved: 0 }]);
    expect(d.refurbishers).toEqual([
      // the tablet's lot is offered to it: one device of load
      { refurbisher: { id: net.ara.refurbisher, name: expect.any(String) }, weeklyCapacity: 60, load: 1, utilization: 1 / 60, inStock: 1 },
    ]);

    const r = await recount(net.ara.id);
    expect([d.devicesDeclared, d.devicesCollected, d.devicesRefurbished, d.devicesDelivered, d.devicesRecycled, d.openDemand]).toEqual([
      r.declared,
      r.collected,
      r.refurbished,
      r.delivered,
      r.recycled,
      r.open_demand,
    ]);
    expect(d.fillRate).toBeCloseTo(r.served / r.ordered, 10);
    expect(d.co2eAvoidedKg).toBeCloseTo(
      r.byCategory.reduce(
        (s: number, c: { category: string; n: number }) => s + c.n * ({ LAPTOP: 182.6, MONITOR: 65.9 } as Record<string, number>)[c.category]!,
        0,
      ),
      6,
    );
    expect(
      d.stock.map((s) => ({
        refurbisher_id: s.refurbisher.id,
        category: s.category,
        grade: s.grade,
        available: s.available,
        reserved: s.reserved,
      })),
    ).toEqual(r.stock);
    // medians, exact to half a bucket (everything here took minutes: the first bucket, 0-1 h)
    expect(Math.abs(d.leadTimes.declarationToPickupDays! - r.declaration_to_pickup)).toBeLessThanOrEqual(0.5 / 24);
    expect(Math.abs(d.leadTimes.orderToDeliveryDays! - r.order_to_delivery)).toBeLessThanOrEqual(0.5 / 24);
    expect(d.leadTimes.pickupToStockDays).toBeCloseTo(0.5 / 24, 10);

    // the weeks cover the period, Monday to Monday, and add up to the totals
    expect(d.weekly.length).toBeGreaterThanOrEqual(2);
    for (const w of d.weekly)
      expect(new Date(w.weekStart).toLocaleString('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: '2-digit', minute: '2-digit' })).toMatch(
        /^Mon,? 00:00$/,
      );
    const totals = {
      declared: d.devicesDeclared,
      collected: d.devicesCollected,
      refurbished: d.devicesRefurbished,
      delivered: d.devicesDelivered,
      recycled: d.devicesRecycled,
    };
    for (const k of ['declared', 'collected', 'refurbished', 'delivered', 'recycled'] as const) {
      expect(d.weekly.reduce((s, w) => s + w[k], 0)).toBe(totals[k]);
    }

    // what the commands added is exactly what a recount finds: nothing to correct
    expect((await t.app.get(RegionFlowRebuild).correct(net.ara.id)).magnitude).toBe(0);
  });

  it('counts the days of the period only; stock and open demand are now', async () => {
    await scenario();
    const lastMonth = { from: new Date(Date.now() - 40 * DAY).toISOString(), to: new Date(Date.now() - 10 * DAY).toISOString() };
    const d = await dashboard(lastMonth);
    expect(d).toMatchObject({
      devicesDeclared: 0,
      devicesCollected: 0,
      devicesRefurbished: 0,
      devicesDelivered: 0,
      devicesRecycled: 0,
      fillRate: 0,
      co2eAvoidedKg: 0,
      openDemand: 1,
    });
    expect(d.leadTimes).toEqual({ declarationToPickupDays: null, pickupToStockDays: null, orderToDeliveryDays: null });
    expect(d.stock).toHaveLength(1);
    expect(d.weekly.every((w) => w.declared === 0)).toBe(true);
    expect(d.weekly.length).toBeGreaterThanOrEqual(5);

    // today, from its first instant in Paris to the next day's: everything; the day before: nothing
    const [{ start }] = await t.dataSource.query(`SELECT (date_trunc('day', now() AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris') AS start`);
    const today = { from: new Date(start).toISOString(), to: new Date(new Date(start).getTime() + DAY).toISOString() };
    expect((await dashboard(today)).devicesDeclared).toBe(5);
    const yesterday = { from: new Date(new Date(start).getTime() - DAY).toISOString(), to: new Date(start).toISOString() };
    expect((await dashboard(yesterday)).devicesDeclared).toBe(0);
  });

  it('medians over a spread of lead times, from the histogram, within half a bucket of the exact median', async () => {
    /** one sample, in the daily histogram and its month's, as the ledger files it */
    const histogram = async (day: string, bucketHours: number) => {
      for (const [table, key, value] of [
        ['region_daily_lead_time', 'day', day],
        ['region_monthly_lead_time', 'month', `${day.slice(0, 7)}-01`],
      ] as const) {
        await t.dataSource.query(
          `INSERT INTO ${table} (region_id, ${key}, kind, bucket_hours, samples) VALUES ($1, $2, 'PICKUP_TO_STOCK', $3, 1)
           ON CONFLICT (region_id, ${key}, kind, bucket_hours) DO UPDATE SET samples = ${table}.samples + 1`,
          [net.ara.id, value, bucketHours],
        );
      }
    };
    const samples = [3, 30, 50, 100, 800, 2.2, 47.9, 49, 700, 12];
    for (const [i, hours] of samples.entries()) {
      const day = `2026-03-${String(2 + (i % 20)).padStart(2, '0')}`;
      await histogram(day, leadTimeBucket(hours).startHours);
    }
    const march = { from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' };
    const check = async (expected: number[]) => {
      const sorted = [...expected].sort((a, b) => a - b);
      const exact = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
      const histogram = new Map<number, number>();
      for (const h of expected) histogram.set(leadTimeBucket(h).startHours, (histogram.get(leadTimeBucket(h).startHours) ?? 0) + 1);
      const got = (await dashboard(march)).leadTimes.pickupToStockDays! * 24;
      expect(got).toBeCloseTo(histogramMedianHours([...histogram].map(([startHours, n]) => ({ startHours, samples: n })))!, 6);
      expect(Math.abs(got - exact)).toBeLessThanOrEqual(3);
    };
    await check(samples);
    // an odd count: the middle sample alone
    await histogram('2026-03-30', 984);
    await check([...samples, 1000]);
    // a period with ragged ends reads the days at its ends and the months inside it
    await histogram('2026-02-27', 2);
    await histogram('2026-04-02', 1);
    const ragged = async (from: string, to: string) => (await dashboard({ from, to })).leadTimes.pickupToStockDays! * 24;
    const all = [...samples, 1000, 2.5, 1.5].map((h) => leadTimeBucket(h).startHours + leadTimeBucket(h).widthHours / 2).sort((a, b) => a - b);
    expect(await ragged('2026-02-27T00:00:00+01:00', '2026-04-03T00:00:00+02:00')).toBeCloseTo(all[6]!, 6);
    // within one month: the days only (March 2nd to 11th: 2.2, 3, 12, 30, 47.9, 49, 50, 100, 700, 800 at i = 0..9)
    const tenDays = [3, 30, 50, 100, 800, 2.2, 47.9, 49, 700, 12]
      .map((h) => leadTimeBucket(h).startHours + leadTimeBucket(h).widthHours / 2)
      .sort((a, b) => a - b);
    expect(await ragged('2026-03-02T00:00:00+01:00', '2026-03-12T00:00:00+01:00')).toBeCloseTo((tenDays[4]! + tenDays[5]!) / 2, 6);
    expect(await ragged('2026-03-06T00:00:00+01:00', '2026-03-07T00:00:00+01:00')).toBeCloseTo(leadTimeBucket(800).startHours + 12, 6);
  });

  it('the nightly recount corrects counters that drifted, says so, and a second run finds nothing', async () => {
    await scenario();
    const period = around();
    const right = await dashboard(period);
    await t.dataSource.query(`UPDATE region_daily_flow SET delivered = delivered + 5, ordered = ordered - 1 WHERE region_id = $1`, [net.ara.id]);
    await t.dataSource.query(`DELETE FROM region_daily_reuse WHERE region_id = $1 AND category = 'LAPTOP'`, [net.ara.id]);
    await t.dataSource.query(`UPDATE region_daily_lead_time SET samples = samples + 7 WHERE region_id = $1`, [net.ara.id]);
    expect((await dashboard(period)).devicesDelivered).toBe(right.devicesDelivered + 5);

    const job = t.app.get(RecountDashboardsJob);
    const first = await job.handle({});
    expect(first.regions).toBe(2);
    expect(first.drifted).toEqual([expect.objectContaining({ regionId: net.ara.id, flowRows: 1, reuseRows: 1, magnitude: expect.any(Number) })]);
    expect(first.drifted[0]!.leadTimeRows).toBeGreaterThan(0);
    expect(await dashboard(period)).toEqual(right);
    expect((await job.handle({})).drifted).toEqual([]);
  });

  it('concurrent commands of one region keep the counters exact, without deadlocks', async () => {
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'LAPTOP', 100)
      ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = 100`,
      [net.ara.refurbisher],
    );
    const donation = await declare([{ category: 'LAPTOP', quantity: 12 }]);
    const lots = await routeDonations(t, net.ara);
    const devices = await receive(
      donation,
      lots[0]!.id,
      Array.from({ length: 12 }, () => ({ category: 'LAPTOP' })),
    );
    for (const d of devices) await eraseDevice(t, d.id, net.ara.tokens.refurbisher);
    // grading, declaring, ordering and matching all at once, all moving today's row
    const results = await Promise.all([
      ...devices.map((d) =>
        t.run(
          GradeDeviceDocument,
          { input: { deviceId: d.id, grade: 'B', specs: LAPTOP_SPECS, os: 'Xubuntu 24.04', checklist: { webcam: true, microphone: true } } },
          net.ara.tokens.refurbisher,
        ),
      ),
      ...Array.from({ length: 4 }, () =>
        t.run(SubmitOrderDocument, { input: { lines: [{ category: 'LAPTOP', quantity: 2, profile: 'SENIOR' }] } }, net.ara.tokens.partner),
      ),
      ...Array.from({ length: 3 }, () =>
        t.run(
          DeclareDonationDocument,
          { input: { pickupAddress: LYON, availableFrom: availableFrom.toISOString(), lines: [{ category: 'LAPTOP', quantity: 1 }] } },
          net.ara.tokens.donor,
        ),
      ),
      t.run(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator),
      t.run(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator),
    ]);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    await t.run(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
    expect((await t.app.get(RegionFlowRebuild).correct(net.ara.id)).magnitude).toBe(0);
    const d = await dashboard();
    expect(d).toMatchObject({ devicesDeclared: 15, devicesRefurbished: 12, openDemand: 0 });
    expect(d.fillRate).toBe(1);
  });

  it('declarations counted by the commit upsert, alone or beside other flows of the same rows in one transaction', async () => {
    const first = await declare([{ category: 'LAPTOP', quantity: 4 }]);
    const second = await declare([
      { category: 'DESKTOP', quantity: 2 },
      { category: 'MONITOR', quantity: 1 },
    ]);
    expect((await dashboard()).devicesDeclared).toBe(7);
    const ledger = t.app.get(RegionFlowLedger);
    const inTransaction = (work: (manager: import('typeorm').EntityManager) => Promise<void>) =>
      t.app.get(TransactionRunner).run(RequestContext.system(), (_, manager) => work(manager));
    // a cancellation read at once and a declaration read at the commit, on the same day's row
    await inTransaction(async (manager) => {
      await ledger.donations(manager, [first], -1);
      await ledger.donations(manager, [second], 1);
    });
    expect((await dashboard()).devicesDeclared).toBe(7 - 4 + 3);
    // declarations alone: one upsert reads them
    await inTransaction((manager) => ledger.donations(manager, [first, second], 1));
    expect((await dashboard()).devicesDeclared).toBe(6 + 7);
    // a transaction that rolls back moves nothing
    await expect(
      inTransaction(async (manager) => {
        await ledger.donations(manager, [first], 1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await dashboard()).devicesDeclared).toBe(13);
  });

  it('is for the coordinator of the region and administrators; a bad period is BAD_USER_INPUT', async () => {
    expect((await dashboard(around(), net.adminToken)).region.id).toBe(net.ara.id);
    expect(await t.runError(RegionDashboardFiguresDocument, { regionId: net.ara.id, ...around() }, net.bfc.tokens.coordinator)).toBe('FORBIDDEN');
    for (const role of ['donor', 'refurbisher', 'partner'] as const) {
      expect(await t.runError(RegionDashboardFiguresDocument, { regionId: net.ara.id, ...around() }, net.ara.tokens[role])).toBe('FORBIDDEN');
    }
    expect(await t.runError(RegionDashboardFiguresDocument, { regionId: net.ara.id, ...around() })).toBe('UNAUTHENTICATED');
    const { from, to } = around();
    expect(await t.runError(RegionDashboardFiguresDocument, { regionId: net.ara.id, from: to, to: from }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    expect(await t.runError(RegionDashboardFiguresDocument, { regionId: net.ara.id, from: '1990-01-01T00:00:00Z', to }, net.ara.tokens.coordinator)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await t.runError(RegionDashboardFiguresDocument, { regionId: net.ara.id, from: 'yesterday', to }, net.ara.tokens.coordinator)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await t.runError(RegionDashboardFiguresDocument, { regionId: '00000000-0000-4000-8000-000000000000', from, to }, net.adminToken)).toBe('NOT_FOUND');
  });
});
