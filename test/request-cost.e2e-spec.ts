import { RequestContext, Role } from '@app/common';
import { preparedQuery } from '@app/database';
import { Organization, OrganizationService } from '@app/network';
import { StockLevel } from '@app/refurbishing';
import { QueryFailedError } from 'typeorm';
import {
  RequestCostDashboardAllDocument,
  RequestCostDashboardNeedsDocument,
  RequestCostDashboardOpenDemandDocument,
  RequestCostDashboardTotalsDocument,
  RequestCostLotDocument,
  RequestCostLotIdsDocument,
  RequestCostLotsDocument,
  type RequestCostLotsQuery,
  RequestCostOrderDocument,
  RequestCostOrderReferencesDocument,
  RequestCostOrdersDocument,
  RequestCostStockCountsDocument,
  RequestCostStockLevelsDocument,
} from './generated/graphql';
import { claimLot, declareAndRoute, LYON } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { submitOrder } from './support/order-flow';
import { SqlRecorder } from './support/sql-recorder';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;

/**
 * The per-request cost of reads: the dashboard computes only the figures a query asks for (one
 * statement of their parts), and the lots, orders and stock levels lists read only the columns
 * their selection shows, with statements kept per shape. Each answer is compared with the whole
 * computation's or with the single-item path's (TypeORM's own hydration), so that reading less
 * never answers differently.
 */
describe('request cost: compute and read only what is asked', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let sql: SqlRecorder;
  const lotIds: string[] = [];
  const orderIds: string[] = [];
  const period = () => ({ from: new Date(Date.now() - 7 * DAY).toISOString(), to: new Date(Date.now() + 7 * DAY).toISOString() });

  beforeAll(async () => {
    t = await TestApp.start();
    // whole statements: the test reads which parts of the dashboard's were sent
    sql = new SqlRecorder(t, 100_000);
    await t.reset();
    net = await seedNetwork(t);
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 1000`);
    const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * DAY).toISOString();
    for (const quantity of [3, 5, 2]) {
      const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity }], { pickupAddress: LYON, availableFrom });
      lotIds.push(lot.id);
    }
    await claimLot(t, lotIds[1]!, net.ara.tokens.refurbisher);
    for (const quantity of [1, 4, 2]) {
      orderIds.push(await submitOrder(t, [{ category: 'LAPTOP', quantity, profile: 'STUDENT' }], net.ara.tokens.partner));
    }
    // stock as its counters hold it: two levels of Lyon's workshop, an empty one (never listed), one in the other region
    await t.dataSource.query(
      `INSERT INTO stock_level (refurbisher_id, category, grade, region_id, available, reserved)
       VALUES ($1, 'LAPTOP', 'A', $2, 4, 1), ($1, 'MONITOR', 'B', $2, 2, 0), ($1, 'TABLET', 'C', $2, 0, 0), ($3, 'LAPTOP', 'A', $4, 7, 0)`,
      [net.ara.refurbisher, net.ara.id, net.bfc.refurbisher, net.bfc.id],
    );
  });
  afterAll(async () => {
    sql.restore();
    await t.close();
  });

  describe('regionDashboard', () => {
    const dashboardStatements = (issued: string[]) => issued.filter((s) => s.includes('region_exists'));

    it('asked for open demand only, sends one statement reading only the open orders, and answers as the whole dashboard does', async () => {
      const vars = { regionId: net.ara.id, ...period() };
      const whole = (await t.runOk(RequestCostDashboardAllDocument, vars, net.ara.tokens.coordinator)).regionDashboard;
      expect(whole.openDemand).toBe(7);

      const { data, issued, prepared } = await sql.counted(RequestCostDashboardOpenDemandDocument, vars, net.ara.tokens.coordinator);
      expect(data.regionDashboard).toEqual({ openDemand: whole.openDemand });
      const [statement, ...others] = dashboardStatements(issued);
      expect(others).toEqual([]);
      // a named statement: PostgreSQL plans it once per connection, not on every call
      expect(prepared).toEqual([statement]);
      expect(statement).toContain('open_demand');
      for (const part of ['region_daily_reuse', 'lead_time', 'stock_level', 'refurbisher_capacity', 'weekly', 'row_to_json'])
        expect(statement).not.toContain(part);
      // neither the region's row, nor the refurbishers, nor the stuck work
      expect(issued.filter((s) => /FROM "region"|FROM "organization"|lot_offer|stuck/i.test(s))).toEqual([]);
    });

    it('asked for the flow totals, reads the daily flow of the period and nothing else', async () => {
      const vars = { regionId: net.ara.id, ...period() };
      const whole = (await t.runOk(RequestCostDashboardAllDocument, vars, net.ara.tokens.coordinator)).regionDashboard;
      expect(whole.devicesDeclared).toBe(10);

      const { data, issued } = await sql.counted(RequestCostDashboardTotalsDocument, vars, net.ara.tokens.coordinator);
      const { devicesDeclared, devicesCollected, devicesRefurbished, devicesDelivered, devicesRecycled, fillRate } = whole;
      expect(data.regionDashboard).toEqual({ devicesDeclared, devicesCollected, devicesRefurbished, devicesDelivered, devicesRecycled, fillRate });
      const [statement, ...others] = dashboardStatements(issued);
      expect(others).toEqual([]);
      expect(statement).toContain('row_to_json(t) FROM totals');
      for (const part of ['open_demand', 'region_daily_reuse', 'lead_time', 'stock_level', 'refurbisher_capacity', 'week_sums'])
        expect(statement).not.toContain(part);
    });

    it('asked for everything, sends one statement of every part; its figures are those of each part asked alone', async () => {
      const vars = { regionId: net.ara.id, ...period() };
      const { data, issued } = await sql.counted(RequestCostDashboardAllDocument, vars, net.ara.tokens.coordinator);
      const [statement, ...others] = dashboardStatements(issued);
      expect(others).toEqual([]);
      for (const part of ['totals', 'open_demand', 'region_daily_reuse', 'region_monthly_lead_time', 'stock_level', 'refurbisher_capacity', 'week_sums']) {
        expect(statement).toContain(part);
      }
      const whole = data.regionDashboard;
      expect(whole.region).toEqual({ id: net.ara.id, code: 'ARA', name: 'Auvergne-Rhône-Alpes' });
      expect(whole.stock.map((s) => [s.refurbisher.id, s.category, s.grade, s.available, s.reserved])).toEqual([
        [net.ara.refurbisher, 'LAPTOP', 'A', 4, 1],
        [net.ara.refurbisher, 'MONITOR', 'B', 2, 0],
      ]);
      expect(whole.refurbishers).toEqual([expect.objectContaining({ refurbisher: { id: net.ara.refurbisher }, inStock: 7 })]);
      expect(whole.weekly.length).toBeGreaterThanOrEqual(2);
      // the same figures, a group at a time
      const alone = await t.runOk(RequestCostDashboardTotalsDocument, vars, net.ara.tokens.coordinator);
      expect(alone.regionDashboard.devicesDeclared).toBe(whole.devicesDeclared);
      expect((await t.runOk(RequestCostDashboardOpenDemandDocument, vars, net.ara.tokens.coordinator)).regionDashboard.openDemand).toBe(whole.openDemand);
    });

    it("keeps the other fields working without the region's row, and still refuses a region that does not exist", async () => {
      const vars = { regionId: net.ara.id, ...period() };
      const { data, issued } = await sql.counted(RequestCostDashboardNeedsDocument, vars, net.ara.tokens.coordinator);
      expect(data.regionDashboard.needsDemand).toEqual([]);
      // one statement: whether the region exists, no figure
      expect(dashboardStatements(issued)).toHaveLength(1);
      expect(dashboardStatements(issued)[0]).not.toContain('open_demand');

      const missing = { regionId: '00000000-0000-4000-8000-000000000000', ...period() };
      expect(await t.runError(RequestCostDashboardOpenDemandDocument, missing, net.adminToken)).toBe('NOT_FOUND');
      expect(await t.runError(RequestCostDashboardOpenDemandDocument, vars, net.bfc.tokens.coordinator)).toBe('FORBIDDEN');
    });
  });

  describe('kept statements, prepared', () => {
    it("run on the open transaction when there is one, the pool otherwise; a failure is TypeORM's QueryFailedError", async () => {
      // a temporary table exists on its own connection only: seen, the statement ran in the transaction
      const inside = await t.dataSource.transaction(async (manager) => {
        await manager.query(`CREATE TEMPORARY TABLE kept_statement_probe (n int) ON COMMIT DROP`);
        await manager.query(`INSERT INTO kept_statement_probe VALUES (1), (2)`);
        return preparedQuery<{ n: number }>(manager, `SELECT count(*)::int AS n FROM kept_statement_probe WHERE n >= $1`, [1]);
      });
      expect(inside).toEqual([{ n: 2 }]);
      // twice on the pool: prepared once per connection, answered each time
      for (const value of [1, 2]) expect(await preparedQuery(t.dataSource.manager, `SELECT $1::int + 1 AS next`, [value])).toEqual([{ next: value + 1 }]);
      await expect(preparedQuery(t.dataSource.manager, `SELECT $1::uuid AS id`, ['not-a-uuid'])).rejects.toBeInstanceOf(QueryFailedError);
    });
  });

  describe('lists', () => {
    it('organizations: every column of every listed organization equals what TypeORM loads, and a projection reads only its columns', async () => {
      const admin = new RequestContext({
        userId: '00000000-0000-4000-8000-000000000001',
        email: 'admin@platform.test',
        role: Role.ADMIN,
        organizationId: null,
        regionId: null,
      });
      const listed = await t.app.get(OrganizationService).list(admin, {});
      const loaded = await t.dataSource.getRepository(Organization).find({ order: { name: 'ASC' } });
      expect(listed.length).toBeGreaterThan(5);
      expect(listed).toEqual(loaded);
      // a hydration that skipped TypeORM's conversions would show here: dates, booleans, the embedded address
      const donor = listed.find((o) => o.id === net.ara.donor)!;
      expect(donor.createdAt).toBeInstanceOf(Date);

      const projected = await t.app.get(OrganizationService).list(admin, { regionId: net.ara.id }, new Set(['id', 'name', 'kind']));
      expect(projected.map((o) => [o.id, o.name, o.kind])).toEqual(loaded.filter((o) => o.regionId === net.ara.id).map((o) => [o.id, o.name, o.kind]));
      expect(projected[0]!.createdAt).toBeUndefined();
    });

    it('lots: every field of every page equals what the single-lot path (TypeORM) answers, field resolvers included', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const { lots }: RequestCostLotsQuery = await t.runOk(RequestCostLotsDocument, { first: 2, after }, net.ara.tokens.refurbisher);
        expect(lots.totalCount).toBe(3);
        for (const edge of lots.edges) {
          const { lot } = await t.runOk(RequestCostLotDocument, { id: edge.node.id }, net.ara.tokens.refurbisher);
          expect(edge.node).toEqual(lot);
          seen.push(edge.node.id);
        }
        after = lots.pageInfo.hasNextPage ? lots.pageInfo.endCursor : null;
      } while (after);
      // newest first, each once
      expect(seen).toEqual([...lotIds].reverse());
    });

    it('lots: asked for ids, reads the id and the cursor columns only, and counts nothing', async () => {
      const { data, issued, prepared } = await sql.counted(RequestCostLotIdsDocument, { first: 2 }, net.ara.tokens.refurbisher);
      expect(data.lots.edges.map((e) => e.node.id)).toEqual([lotIds[2], lotIds[1]]);
      const listing = issued.filter((s) => s.includes('FROM "lot" "l"'));
      expect(listing).toHaveLength(1);
      expect(prepared).toEqual(listing);
      expect(listing[0]).toContain('"l"."id" AS "l_id"');
      expect(listing[0]).toContain('"l"."created_at" AS "l_created_at"');
      for (const column of ['reference', 'distance_km', 'quantity', 'donation_id', 'decline_reason']) expect(listing[0]).not.toContain(`AS "l_${column}"`);
      // the next page through the kept statement with a cursor
      const next = await t.runOk(RequestCostLotIdsDocument, { first: 2, after: data.lots.pageInfo.endCursor }, net.ara.tokens.refurbisher);
      expect(next.lots.edges.map((e) => e.node.id)).toEqual([lotIds[0]]);
    });

    it('lots: the scope holds in the kept statements (another region reads none), and a forged cursor is refused', async () => {
      // the same shape, first for the region's refurbisher, then for the other region's
      expect((await t.runOk(RequestCostLotsDocument, { first: 5 }, net.ara.tokens.refurbisher)).lots.totalCount).toBe(3);
      const other = (await t.runOk(RequestCostLotsDocument, { first: 5 }, net.bfc.tokens.refurbisher)).lots;
      expect([other.totalCount, other.edges]).toEqual([0, []]);
      expect((await t.runOk(RequestCostLotsDocument, { first: 5 }, net.bfc.tokens.coordinator)).lots.totalCount).toBe(0);
      const forged = Buffer.from(`2026-01-01T00:00:00.000Z|' OR 1=1 --`, 'utf8').toString('base64url');
      expect(await t.runError(RequestCostLotIdsDocument, { first: 2, after: forged }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
    });

    it('orders: every field of every page equals what the single-order path answers; a filter is its own shape', async () => {
      const { orders } = await t.runOk(RequestCostOrdersDocument, { first: 10 }, net.ara.tokens.partner);
      expect(orders.totalCount).toBe(3);
      expect(orders.edges.map((e) => e.node.id)).toEqual([...orderIds].reverse());
      for (const edge of orders.edges) {
        const { order } = await t.runOk(RequestCostOrderDocument, { id: edge.node.id }, net.ara.tokens.partner);
        expect(edge.node).toEqual(order);
      }
      const cancelled = await t.runOk(RequestCostOrdersDocument, { first: 10, status: 'CANCELLED' }, net.ara.tokens.partner);
      expect([cancelled.orders.totalCount, cancelled.orders.edges]).toEqual([0, []]);
      expect((await t.runOk(RequestCostOrdersDocument, { first: 10 }, net.bfc.tokens.partner)).orders.totalCount).toBe(0);
      expect((await t.runOk(RequestCostOrdersDocument, { first: 10 }, net.ara.tokens.coordinator)).orders.totalCount).toBe(3);
    });

    it('orders: asked for references, reads them with the cursor columns and nothing else', async () => {
      const { data, issued } = await sql.counted(RequestCostOrderReferencesDocument, { first: 1 }, net.ara.tokens.partner);
      expect(data.orders.totalCount).toBe(3);
      expect(data.orders.edges).toHaveLength(1);
      const listing = issued.filter((s) => s.includes('FROM "partner_order" "o"'));
      // the page and the count
      expect(listing).toHaveLength(2);
      const page = listing.find((s) => s.includes('LIMIT'))!;
      expect(page).toContain('"o"."reference" AS "o_reference"');
      // the partner's column is in the scope's WHERE, never read
      for (const column of ['partner_id', 'status', 'needed_by', 'submitted_by']) expect(page).not.toContain(`AS "o_${column}"`);
    });

    it('stockLevels: every field equals the levels TypeORM loads with their refurbisher, for staff and the workshop', async () => {
      const expected = async (where: Record<string, string>) =>
        (
          await t.dataSource
            .getRepository(StockLevel)
            .find({ where, relations: { refurbisher: true }, order: { refurbisherId: 'ASC', category: 'ASC', grade: 'ASC' } })
        )
          .filter((s) => s.available > 0 || s.reserved > 0)
          .map((s) => ({
            category: s.category,
            grade: s.grade,
            available: s.available,
            reserved: s.reserved,
            refurbisher: {
              id: s.refurbisher!.id,
              name: s.refurbisher!.name,
              kind: s.refurbisher!.kind,
              siret: s.refurbisher!.siret,
              region: { id: s.refurbisher!.regionId },
            },
          }));
      const asCoordinator = await t.runOk(RequestCostStockLevelsDocument, {}, net.ara.tokens.coordinator);
      expect(asCoordinator.stockLevels).toEqual(await expected({ regionId: net.ara.id }));
      expect(asCoordinator.stockLevels).toHaveLength(2);
      const asWorkshop = await t.runOk(RequestCostStockLevelsDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.refurbisher);
      expect(asWorkshop.stockLevels).toEqual(await expected({ refurbisherId: net.ara.refurbisher }));
      const asAdmin = await t.runOk(RequestCostStockLevelsDocument, { regionId: net.bfc.id }, net.adminToken);
      expect(asAdmin.stockLevels).toEqual(await expected({ regionId: net.bfc.id }));
      expect(await t.runError(RequestCostStockLevelsDocument, { regionId: net.bfc.id }, net.ara.tokens.coordinator)).toBeDefined();
    });

    it('stockLevels: asked for counts, reads no column of the refurbisher, yet lists only levels whose refurbisher exists', async () => {
      const { data, issued } = await sql.counted(RequestCostStockCountsDocument, {}, net.ara.tokens.coordinator);
      expect(data.stockLevels).toEqual([{ available: 4 }, { available: 2 }]);
      const listing = issued.filter((s) => s.includes('FROM "stock_level" "s"'));
      expect(listing).toHaveLength(1);
      expect(listing[0]).toContain('INNER JOIN "organization" "refurbisher"');
      expect(listing[0]).not.toContain('AS "refurbisher_name"');
      expect(listing[0]).not.toContain('AS "s_updated_at"');
    });
  });
});
