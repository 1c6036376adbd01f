import { MatchOrdersDocument, RouteDonationsDocument } from './generated/graphql';
import { claimLot, declareAndRoute, declareDonation, eraseAndGrade, inIntakeOrder, LYON, markCollected, receiveLot } from './support/donation-flow';
import { submitOrder } from './support/order-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { SqlRecorder } from './support/sql-recorder';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const FUTURE = new Date(Date.now() + 30 * DAY).toISOString();

/**
 * A region's routing and matching write what they decided set-based: a run costs the same number
 * of SQL round trips whether it places 2 lots or 12, reserves 2 devices or 8 (the national bench
 * measured 5 statements a lot and one a reserved order before). Counted by wrapping TypeORM's
 * PostgreSQL query runner, BEGIN and COMMIT included; what was written is checked alongside.
 */
describe('set-based writes: routing and matching in a number of statements independent of the run', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let sql: SqlRecorder;
  let serial = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    sql = new SqlRecorder(t);
    await t.reset();
    net = await seedNetwork(t);
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 10000 WHERE organization_id = $1`, [net.ara.refurbisher]);
  });

  afterAll(async () => {
    sql.restore();
    await t.close();
  });

  /** The statements of the command itself: the caller's lookup belongs to the guard, which may cache it. */
  const ofCommand = (issued: string[]) => issued.filter((q) => !/ FROM "user" /.test(q));

  const declareMany = async (n: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push(await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 1 + (i % 3) }], { pickupAddress: LYON, availableFrom: FUTURE }));
    return ids;
  };

  const route = async () => {
    const { data, issued } = await sql.counted(RouteDonationsDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
    return { lots: data.routeDonations.lots, statements: ofCommand(issued) };
  };

  it('a routing run of 12 donations sends as many statements as one of 2, and writes every lot, item, offer notification and status', async () => {
    const small = await declareMany(2);
    const first = await route();
    expect(first.lots).toHaveLength(2);

    const donations = await declareMany(12);
    const before: Array<{ n: string }> = await t.dataSource.query(`SELECT last_value AS n FROM lot_reference_seq`);
    const second = await route();
    expect(second.lots.map((l) => l.donation.id).sort()).toEqual([...donations].sort());
    // not one statement more for six times the lots (it was five a lot)
    expect(second.statements.length).toBe(first.statements.length);
    // the new lots with their references: one statement (the recorder keeps the start of each)
    expect(second.statements.filter((q) => /^WITH offer AS \( SELECT \* FROM unnest/i.test(q))).toHaveLength(1);
    expect(second.statements.filter((q) => /outbox_message/i.test(q))).toHaveLength(1);

    const lots: Array<{ id: string; reference: string; status: string; quantity: number; items: number; offered: number }> = await t.dataSource.query(
      `SELECT l.id, l.reference, l.status, l.quantity,
              (SELECT sum(quantity)::int FROM lot_item i WHERE i.lot_id = l.id) AS items,
              (SELECT count(*)::int FROM outbox_message m WHERE m.payload->>'event' = 'LOT_OFFERED' AND m.payload->>'lotId' = l.id::text) AS offered
         FROM lot l WHERE l.donation_id = ANY($1::uuid[]) ORDER BY l.reference`,
      [donations],
    );
    expect(lots).toHaveLength(12);
    // references drawn one a lot from the sequence, in the same format, without a gap
    const numbers = lots.map((l) => Number(/^LOT-\d{4}-(\d{6,})$/.exec(l.reference)![1]));
    expect(numbers).toEqual(numbers.map((_, i) => Number(before[0]!.n) + 1 + i));
    for (const lot of lots) {
      expect(lot).toMatchObject({ status: 'OFFERED', items: lot.quantity, offered: 1 });
    }
    const statuses: Array<{ status: string; n: number }> = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM donation WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [[...small, ...donations]],
    );
    expect(statuses).toEqual([{ status: 'ROUTED', n: 14 }]);
    const [load] = await t.dataSource.query(`SELECT load AS n FROM refurbisher_capacity WHERE organization_id = $1 AND category = 'LAPTOP'`, [
      net.ara.refurbisher,
    ]);
    const [held] = await t.dataSource.query(
      `SELECT sum(i.quantity)::int AS n FROM lot l JOIN lot_item i ON i.lot_id = l.id WHERE l.refurbisher_id = $1 AND l.status = 'OFFERED'`,
      [net.ara.refurbisher],
    );
    expect(load.n).toBe(held.n);
  });

  it('a run that grows open lots and creates others at once writes both, in the same number of statements whatever their count', async () => {
    // each of these donations gets a lot, then has two more devices no lot holds (as when capacity
    // was short): the next run grows its open lot instead of making a second trip
    const grown = await declareMany(4);
    await route();
    await t.dataSource.query(
      `INSERT INTO donation_line (donation_id, position, category, quantity, data_bearing)
       SELECT d, 1, 'LAPTOP', 2, true FROM unnest($1::uuid[]) AS d`,
      [grown],
    );
    await t.dataSource.query(`UPDATE donation SET status = 'DECLARED' WHERE id = ANY($1::uuid[])`, [grown]);
    const fresh = await declareMany(5);
    const { lots, statements } = await route();
    expect(lots).toHaveLength(9);
    expect(statements.filter((q) => /^UPDATE lot /i.test(q))).toHaveLength(1);
    const rows: Array<{ donation_id: string; n: number; quantity: number; items: number; grown: boolean }> = await t.dataSource.query(
      `SELECT l.donation_id, count(*)::int AS n, sum(l.quantity)::int AS quantity, bool_and(l.grown_at IS NOT NULL) AS grown,
              sum((SELECT sum(quantity) FROM lot_item i WHERE i.lot_id = l.id))::int AS items
         FROM lot l WHERE l.donation_id = ANY($1::uuid[]) GROUP BY l.donation_id`,
      [[...grown, ...fresh]],
    );
    // one lot per donation still: the grown ones hold their two more devices, in their items too
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      expect(row.n).toBe(1);
      expect(row.items).toBe(row.quantity);
      expect(row.grown).toBe(grown.includes(row.donation_id));
    }
  });

  /** Graded laptops IN_STOCK at ARA's refurbisher, through GraphQL (the lot put COLLECTED by SQL). */
  const stockLaptops = async (n: number): Promise<string[]> => {
    const token = net.ara.tokens.refurbisher;
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: n }], { pickupAddress: LYON, availableFrom: FUTURE });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const intake = Array.from({ length: n }, () => ({
      serialNumber: `SET-SN-${++serial}`,
      category: 'LAPTOP' as const,
      specs: { ramGb: 16, storageGb: 512, ssd: true },
    }));
    const ids = inIntakeOrder(intake, await receiveLot(t, lot.id, intake, token)).map((d) => d.id);
    for (const id of ids) await eraseAndGrade(t, id, token, 'A', { ramGb: 16, storageGb: 512, ssd: true, os: 'Linux' });
    await t.dataSource.query(`UPDATE device SET webcam_works = true, microphone_works = true, battery_health_percent = 95 WHERE id = ANY($1::uuid[])`, [ids]);
    return ids;
  };

  const match = async () => {
    const { data, issued } = await sql.counted(MatchOrdersDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
    return { result: data.matchOrders, statements: ofCommand(issued) };
  };

  const submitMany = async (n: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], net.ara.tokens.partner));
    return ids;
  };

  it('a matching run reserving 8 devices for 8 orders sends as many statements as one reserving 2, and writes every link, event and counter', async () => {
    await stockLaptops(2);
    await submitMany(2);
    const first = await match();
    expect(first.result).toEqual({ allocatedQuantity: 2, unfilledQuantity: 0 });

    const devices = await stockLaptops(8);
    const orders = await submitMany(8);
    const [stockBefore] = await t.dataSource.query(
      `SELECT available::int, reserved::int FROM stock_level WHERE refurbisher_id = $1 AND category = 'LAPTOP' AND grade = 'A'`,
      [net.ara.refurbisher],
    );
    const second = await match();
    expect(second.result).toEqual({ allocatedQuantity: 8, unfilledQuantity: 0 });
    // it was a status UPDATE per order, and links in slices
    expect(second.statements.length).toBe(first.statements.length);
    expect(second.statements.filter((q) => /^UPDATE partner_order|^WITH locked AS \(SELECT id FROM partner_order/i.test(q))).toHaveLength(1);

    const links: Array<{ order_id: string; device_id: string }> = await t.dataSource.query(
      `SELECT order_id, device_id FROM order_line_device WHERE order_id = ANY($1::uuid[]) AND released_at IS NULL`,
      [orders],
    );
    expect(links.map((l) => l.device_id).sort()).toEqual([...devices].sort());
    expect(new Set(links.map((l) => l.order_id)).size).toBe(8);
    const states: Array<{ status: string; version: number; allocated: number }> = await t.dataSource.query(
      `SELECT o.status, o.version, (SELECT sum(allocated_quantity)::int FROM order_line l WHERE l.order_id = o.id) AS allocated
         FROM partner_order o WHERE o.id = ANY($1::uuid[])`,
      [orders],
    );
    expect(states.every((s) => s.status === 'ALLOCATED' && s.allocated === 1 && s.version === 2)).toBe(true);
    const events: Array<{ device_id: string; from_status: string; to_status: string }> = await t.dataSource.query(
      `SELECT device_id, from_status, to_status FROM custody_event WHERE device_id = ANY($1::uuid[]) AND action = 'RESERVED'`,
      [devices],
    );
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.from_status === 'IN_STOCK' && e.to_status === 'RESERVED')).toBe(true);
    const [stockAfter] = await t.dataSource.query(
      `SELECT available::int, reserved::int FROM stock_level WHERE refurbisher_id = $1 AND category = 'LAPTOP' AND grade = 'A'`,
      [net.ara.refurbisher],
    );
    expect(stockAfter).toEqual({ available: stockBefore.available - 8, reserved: stockBefore.reserved + 8 });
    const [statuses] = await t.dataSource.query(`SELECT count(*)::int AS n FROM device WHERE id = ANY($1::uuid[]) AND status = 'RESERVED'`, [devices]);
    expect(statuses.n).toBe(8);
  });
});
