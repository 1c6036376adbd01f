import { Role } from '@app/common';
import { AuthService } from '@app/auth';
import {
  AddressInput,
  ClaimLotDocument,
  DeclareDonationDocument,
  DonationLineInput,
  RoutingControlsAssignDocument,
  RoutingControlsDashboardStuckDocument,
  RoutingControlsDeclineDocument,
  RoutingControlsDonationDocument,
  RoutingControlsLiftDeclineDocument,
  RoutingControlsOrganizationDocument,
  RoutingControlsPauseDocument,
  RoutingControlsReassignDocument,
  RoutingControlsResumeDocument,
  RoutingControlsRouteDocument,
  RoutingControlsStuckDocument,
  SchedulePickupDocument,
} from './generated/graphql';
import { claimLot, collectLot, LYON } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { submitOrder } from './support/order-flow';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
/** available since yesterday: pickups are scheduled ahead and completed now */
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY - DAY).toISOString();
const pickupAt = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * DAY + 9 * 3600_000).toISOString();
/** beyond both refurbishers' radius (Lyon 150 km, Grenoble 200 km) */
const MARSEILLE: AddressInput = { street: '1 La Canebière', postalCode: '13001', city: 'Marseille', location: { lat: 43.3, lon: 5.37 } };
const GRENOBLE: AddressInput = { street: '1 place Grenette', postalCode: '38000', city: 'Grenoble', location: { lat: 45.19, lon: 5.72 } };

describe('routing the coordinator can steer', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second refurbisher in ARA (Grenoble), 50 laptops a week like the first (Lyon) */
  let second: { id: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    second = await grenobleRefurbisher();
  });

  /** A second refurbisher in ARA (Grenoble, 200 km radius, 50 laptops a week), written by SQL as the shared fixture's are. */
  const grenobleRefurbisher = async (): Promise<{ id: string; token: string }> => {
    const [org] = await t.dataSource.query(
      `INSERT INTO organization (kind, name, region_id, address_street, address_postal_code, address_city, address_location_lat, address_location_lon, service_radius_km)
       VALUES ('REFURBISHER', 'Atelier Grenoble', $1, '2 rue de test', '38000', 'Grenoble', 45.19, 5.72, 200) RETURNING id`,
      [net.ara.id],
    );
    await t.dataSource.query(`INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'LAPTOP', 50)`, [org.id]);
    const [user] = await t.dataSource.query(
      `INSERT INTO "user" (email, password_hash, role, organization_id) VALUES ('atelier@grenoble.test', 'not-a-hash', 'REFURBISHER', $1) RETURNING id`,
      [org.id],
    );
    const token = t.app.get(AuthService).issueToken({ id: user.id as string, role: Role.REFURBISHER } as Parameters<AuthService['issueToken']>[0]);
    return { id: org.id as string, token };
  };

  const declare = async (lines: DonationLineInput[], pickupAddress: AddressInput = LYON): Promise<string> =>
    (await t.runOk(DeclareDonationDocument, { input: { pickupAddress, availableFrom, lines } }, net.ara.tokens.donor)).declareDonation.id;
  const route = async () => (await t.runOk(RoutingControlsRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations;
  const donation = async (id: string) => (await t.runOk(RoutingControlsDonationDocument, { id }, net.ara.tokens.coordinator)).donation!;
  const loadOf = async (organizationId: string) =>
    (await t.runOk(RoutingControlsOrganizationDocument, { id: organizationId }, net.ara.tokens.coordinator)).organization!.capacities.find(
      (c) => c.category === 'LAPTOP',
    )!.load;
  const decline = (lotId: string, token: string) => t.runOk(RoutingControlsDeclineDocument, { lotId, reason: 'atelier complet cette semaine' }, token);
  const setLaptopCapacity = (organizationId: string, weekly: number) =>
    t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = $2 WHERE organization_id = $1 AND category = 'LAPTOP'`, [organizationId, weekly]);

  describe('a decline bars for a cooldown, not for ever', () => {
    it('declined by both, the devices say ALL_DECLINED; the cooldown runs out (time moved by SQL) or the coordinator lifts it', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 5 }]);
      const first = (await route()).lots[0]!;
      expect(first.refurbisher.id).toBe(net.ara.refurbisher);
      await decline(first.id, net.ara.tokens.refurbisher);
      const again = (await route()).lots[0]!;
      expect(again.refurbisher.id).toBe(second.id);
      await decline(again.id, second.token);

      const stranded = await route();
      expect(stranded).toMatchObject({ routedQuantity: 0, unroutedQuantity: 5, lots: [] });
      expect(stranded.unrouted).toEqual([{ donationId: d, category: 'LAPTOP', quantity: 5, reason: 'ALL_DECLINED' }]);
      expect((await donation(d)).unrouted).toEqual([{ donationId: d, category: 'LAPTOP', quantity: 5, reason: 'ALL_DECLINED' }]);

      // the coordinator lifts Grenoble's decline: offered there again at once
      expect(await t.runError(RoutingControlsLiftDeclineDocument, { donationId: d, refurbisherId: second.id }, net.ara.tokens.donor)).toBe('FORBIDDEN');
      expect(await t.runError(RoutingControlsLiftDeclineDocument, { donationId: d, refurbisherId: second.id }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      await t.runOk(RoutingControlsLiftDeclineDocument, { donationId: d, refurbisherId: second.id }, net.ara.tokens.coordinator);
      expect(await t.runError(RoutingControlsLiftDeclineDocument, { donationId: d, refurbisherId: second.id }, net.ara.tokens.coordinator)).toBe('CONFLICT');
      const lifted = (await route()).lots;
      expect(lifted.map((l) => l.refurbisher.id)).toEqual([second.id]);
      await decline(lifted[0]!.id, second.token);

      // Lyon's cooldown (7 days) runs out: moved back by SQL on the decline row
      await t.dataSource.query(`UPDATE lot_refusal SET at = now() - interval '6 days' WHERE refurbisher_id = $1`, [net.ara.refurbisher]);
      expect((await route()).lots).toEqual([]);
      await t.dataSource.query(`UPDATE lot_refusal SET at = now() - interval '7 days 1 minute' WHERE refurbisher_id = $1`, [net.ara.refurbisher]);
      expect((await route()).lots.map((l) => l.refurbisher.id)).toEqual([net.ara.refurbisher]);
      // a decline after the cooldown bars again, from now
      const [lot] = (await donation(d)).lots.filter((l) => l.status === 'OFFERED');
      await decline(lot!.id, net.ara.tokens.refurbisher);
      expect((await route()).lots).toEqual([]);
    });
  });

  describe('one lot per donation and refurbisher until it is collected', () => {
    it('a later run grows the offered lot, then the claimed one (recorded as added after the claim), with one pickup for all', async () => {
      await setLaptopCapacity(second.id, 0);
      const d = await declare([{ category: 'LAPTOP', quantity: 40 }]);
      // one donation holds at most half of a week in unclaimed offers: 25 of 50
      const first = await route();
      expect(first.lots).toHaveLength(1);
      expect(first.lots[0]).toMatchObject({ status: 'OFFERED', quantity: 25, addedAfterClaim: 0, grownAt: null });
      expect(first.unrouted).toEqual([{ donationId: d, category: 'LAPTOP', quantity: 15, reason: 'NO_CAPACITY' }]);
      const lotId = first.lots[0]!.id;

      // more room: the same offered lot grows, no second lot
      await setLaptopCapacity(net.ara.refurbisher, 60);
      const grown = await route();
      expect(grown.lots).toHaveLength(1);
      expect(grown.lots[0]).toMatchObject({ id: lotId, status: 'OFFERED', quantity: 30, addedAfterClaim: 0, items: [{ category: 'LAPTOP', quantity: 30 }] });
      expect(grown.lots[0]!.grownAt).not.toBeNull();
      expect(await loadOf(net.ara.refurbisher)).toBe(30);

      // claimed: the refurbisher confirmed; the next run adds the rest to the same lot, within the week
      await claimLot(t, lotId, net.ara.tokens.refurbisher);
      const afterClaim = await route();
      expect(afterClaim.lots).toHaveLength(1);
      expect(afterClaim.lots[0]).toMatchObject({ id: lotId, status: 'CLAIMED', quantity: 40, addedAfterClaim: 10 });
      expect(afterClaim.unrouted).toEqual([]);
      expect(await loadOf(net.ara.refurbisher)).toBe(40);
      const seen = await donation(d);
      expect(seen).toMatchObject({ status: 'ROUTED', unroutedQuantity: 0, unrouted: [] });
      expect(seen.lots.map((l) => l.id)).toEqual([lotId]);

      // one pickup takes the whole lot
      await collectLot(t, lotId, net.ara.tokens.refurbisher, pickupAt, 40);
      expect(await t.count('pickup')).toBe(1);
      expect((await donation(d)).status).toBe('COLLECTED');
    });
  });

  describe('under concurrency', () => {
    it('routing runs racing claims, declines and assignments keep one open lot per pair and exact counters, without deadlocks', async () => {
      await setLaptopCapacity(net.ara.refurbisher, 120);
      await setLaptopCapacity(second.id, 120);
      const donations: string[] = [];
      for (let i = 0; i < 6; i++) donations.push(await declare([{ category: 'LAPTOP', quantity: 40 }], i % 2 ? GRENOBLE : LYON));
      const first = (await route()).lots;
      const tokenOf = (refurbisherId: string) => (refurbisherId === second.id ? second.token : net.ara.tokens.refurbisher);
      const results = await Promise.all([
        ...first.map((lot, i) =>
          i % 3 === 2
            ? t.run(RoutingControlsDeclineDocument, { lotId: lot.id, reason: 'complet' }, tokenOf(lot.refurbisher.id))
            : t.run(ClaimLotDocument, { lotId: lot.id }, tokenOf(lot.refurbisher.id)),
        ),
        ...Array.from({ length: 4 }, () => t.run(RoutingControlsRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)),
        t.run(
          RoutingControlsAssignDocument,
          { donationId: donations[0]!, refurbisherId: second.id, items: [{ category: 'LAPTOP', quantity: 1 }] },
          net.ara.tokens.coordinator,
        ),
      ]);
      // a claim may come after the lot grew, an assignment may find nothing left to assign: never a deadlock or a server error
      for (const r of results) expect(r.errors?.[0]?.extensions?.code ?? 'OK').toMatch(/^(OK|CONFLICT|BAD_USER_INPUT)$/);
      await route();
      const pairs: Array<{ n: number }> = await t.dataSource.query(
        `SELECT COUNT(*)::int AS n FROM lot WHERE status IN ('OFFERED', 'CLAIMED', 'PICKUP_SCHEDULED') GROUP BY donation_id, refurbisher_id`,
      );
      expect(pairs.every((p) => p.n === 1)).toBe(true);
      const drift: unknown[] = await t.dataSource.query(
        `SELECT rc.organization_id, rc.load, COALESCE(h.held, 0) AS held FROM refurbisher_capacity rc
           LEFT JOIN (SELECT l.refurbisher_id, SUM(li.quantity)::int AS held FROM lot l JOIN lot_item li ON li.lot_id = l.id
                       WHERE l.status IN ('OFFERED', 'CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED') AND li.category = 'LAPTOP' GROUP BY l.refurbisher_id) h
             ON h.refurbisher_id = rc.organization_id
          WHERE rc.category = 'LAPTOP' AND rc.load <> COALESCE(h.held, 0)`,
      );
      expect(drift).toEqual([]);
      const lotItems: Array<{ n: number }> = await t.dataSource.query(
        `SELECT COUNT(*)::int AS n FROM lot l WHERE l.quantity <> (SELECT SUM(quantity) FROM lot_item li WHERE li.lot_id = l.id)`,
      );
      expect(lotItems[0]!.n).toBe(0);
    });
  });

  describe('every unrouted device says why', () => {
    it('no refurbisher for the category, none in radius, paused, no capacity, awaiting routing', async () => {
      const tablets = await declare([{ category: 'TABLET', quantity: 2 }]);
      const far = await declare([{ category: 'LAPTOP', quantity: 3 }], MARSEILLE);
      // before any run, the laptops near Lyon wait for it
      const near = await declare([{ category: 'LAPTOP', quantity: 4 }]);
      expect((await donation(near)).unrouted).toEqual([{ donationId: near, category: 'LAPTOP', quantity: 4, reason: 'AWAITING_ROUTING' }]);

      for (const id of [net.ara.refurbisher, second.id]) {
        await t.runOk(
          RoutingControlsPauseDocument,
          { until: new Date(Date.now() + 3 * DAY).toISOString(), reason: 'inventaire', organizationId: id },
          net.ara.tokens.coordinator,
        );
      }
      const paused = await route();
      expect(paused.routedQuantity).toBe(0);
      expect(new Set(paused.unrouted)).toEqual(
        new Set([
          { donationId: tablets, category: 'TABLET', quantity: 2, reason: 'NO_REFURBISHER_FOR_CATEGORY' },
          { donationId: far, category: 'LAPTOP', quantity: 3, reason: 'NO_REFURBISHER_IN_RADIUS' },
          { donationId: near, category: 'LAPTOP', quantity: 4, reason: 'PAUSED' },
        ]),
      );
      expect((await donation(near)).unrouted[0]!.reason).toBe('PAUSED');
      expect((await donation(far)).unrouted[0]!.reason).toBe('NO_REFURBISHER_IN_RADIUS');
      expect((await donation(tablets)).unrouted[0]!.reason).toBe('NO_REFURBISHER_FOR_CATEGORY');

      for (const id of [net.ara.refurbisher, second.id]) await t.runOk(RoutingControlsResumeDocument, { organizationId: id }, net.ara.tokens.coordinator);
      await setLaptopCapacity(net.ara.refurbisher, 2);
      await setLaptopCapacity(second.id, 2);
      // a share of 1 per refurbisher for one donation: 2 routed, 2 left for want of room
      const short = await route();
      expect(short.routedQuantity).toBe(2);
      expect(short.unrouted).toContainEqual({ donationId: near, category: 'LAPTOP', quantity: 2, reason: 'NO_CAPACITY' });
      expect((await donation(near)).unrouted).toEqual([{ donationId: near, category: 'LAPTOP', quantity: 2, reason: 'NO_CAPACITY' }]);
    });
  });

  describe('pauses', () => {
    it('a paused refurbisher is offered nothing until it resumes; who may pause whom', async () => {
      const until = new Date(Date.now() + 5 * DAY).toISOString();
      const paused = (await t.runOk(RoutingControlsPauseDocument, { until, reason: 'camion au garage' }, net.ara.tokens.refurbisher)).pauseIntake;
      expect(paused).toEqual({ id: net.ara.refurbisher, intakePausedUntil: until, intakePauseReason: 'camion au garage' });
      expect((await t.runOk(RoutingControlsOrganizationDocument, { id: net.ara.refurbisher }, net.ara.tokens.coordinator)).organization).toMatchObject({
        intakePausedUntil: until,
      });
      await declare([{ category: 'LAPTOP', quantity: 3 }]);
      expect((await route()).lots.map((l) => l.refurbisher.id)).toEqual([second.id]);

      await t.runOk(RoutingControlsResumeDocument, {}, net.ara.tokens.refurbisher);
      await declare([{ category: 'LAPTOP', quantity: 3 }]);
      expect((await route()).lots.map((l) => l.refurbisher.id)).toEqual([net.ara.refurbisher]);

      expect(await t.runError(RoutingControlsPauseDocument, { until, reason: 'x', organizationId: second.id }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
      expect(await t.runError(RoutingControlsPauseDocument, { until, reason: 'x', organizationId: second.id }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(RoutingControlsPauseDocument, { until, reason: 'x' }, net.ara.tokens.donor)).toBe('FORBIDDEN');
      expect(await t.runError(RoutingControlsPauseDocument, { until: new Date(Date.now() - DAY).toISOString(), reason: 'x' }, second.token)).toBe(
        'BAD_USER_INPUT',
      );
      expect(await t.runError(RoutingControlsPauseDocument, { until, reason: ' ' }, second.token)).toBe('BAD_USER_INPUT');
      expect(await t.runError(RoutingControlsPauseDocument, { until, reason: 'x', organizationId: net.ara.donor }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('a deactivated refurbisher is offered nothing', async () => {
      await t.dataSource.query(`UPDATE organization SET deactivated_at = now() WHERE id = $1`, [net.ara.refurbisher]);
      await declare([{ category: 'LAPTOP', quantity: 3 }]);
      expect((await route()).lots.map((l) => l.refurbisher.id)).toEqual([second.id]);
    });
  });

  describe("the coordinator's assignments", () => {
    it('assigns out of radius and over capacity with warnings, grows the open lot, reassigns with the counters right on both sides', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 6 }], MARSEILLE);
      expect((await route()).unrouted).toEqual([{ donationId: d, category: 'LAPTOP', quantity: 6, reason: 'NO_REFURBISHER_IN_RADIUS' }]);
      await setLaptopCapacity(net.ara.refurbisher, 5);

      const first = (
        await t.runOk(
          RoutingControlsAssignDocument,
          { donationId: d, refurbisherId: net.ara.refurbisher, items: [{ category: 'LAPTOP', quantity: 4 }] },
          net.ara.tokens.coordinator,
        )
      ).assignLot;
      expect(first.lot).toMatchObject({ status: 'OFFERED', quantity: 4, refurbisher: { id: net.ara.refurbisher } });
      expect(first.warnings.map((w) => w.code)).toEqual(['OUT_OF_RADIUS']);
      expect(first.warnings[0]!.message).toMatch(/au-delà de son rayon d'intervention de 150 km/);

      // the rest goes into the same lot, over the week's capacity: said, not refused
      const second2 = (
        await t.runOk(
          RoutingControlsAssignDocument,
          { donationId: d, refurbisherId: net.ara.refurbisher, items: [{ category: 'LAPTOP', quantity: 2 }] },
          net.ara.tokens.coordinator,
        )
      ).assignLot;
      expect(second2.lot).toMatchObject({ id: first.lot.id, quantity: 6 });
      expect(second2.warnings.map((w) => [w.code, w.category])).toEqual([
        ['OUT_OF_RADIUS', null],
        ['OVER_CAPACITY', 'LAPTOP'],
      ]);
      expect(second2.warnings[1]!.message).toMatch(/6 appareils en charge pour 5 par semaine/);
      expect(await loadOf(net.ara.refurbisher)).toBe(6);
      expect((await donation(d)).unrouted).toEqual([]);
      // nothing left to assign
      expect(
        await t.runError(
          RoutingControlsAssignDocument,
          { donationId: d, refurbisherId: second.id, items: [{ category: 'LAPTOP', quantity: 1 }] },
          net.ara.tokens.coordinator,
        ),
      ).toBe('BAD_USER_INPUT');

      // moved to Grenoble: the old lot is CANCELLED, a new one offered there, both counters right
      const moved = (await t.runOk(RoutingControlsReassignDocument, { lotId: first.lot.id, refurbisherId: second.id }, net.ara.tokens.coordinator)).reassignLot;
      expect(moved.lot).toMatchObject({ status: 'OFFERED', quantity: 6, refurbisher: { id: second.id }, items: [{ category: 'LAPTOP', quantity: 6 }] });
      expect(moved.warnings.map((w) => w.code)).toEqual(['OUT_OF_RADIUS']);
      expect(await loadOf(net.ara.refurbisher)).toBe(0);
      expect(await loadOf(second.id)).toBe(6);
      const lots = (await donation(d)).lots;
      expect(lots.find((l) => l.id === first.lot.id)!.status).toBe('CANCELLED');
      const [{ reassigned_to_lot_id }] = await t.dataSource.query(`SELECT reassigned_to_lot_id FROM lot WHERE id = $1`, [first.lot.id]);
      expect(reassigned_to_lot_id).toBe(moved.lot.id);

      // a claimed lot moves too; a scheduled one must have its pickup cancelled first
      await claimLot(t, moved.lot.id, second.token);
      const back = (await t.runOk(RoutingControlsReassignDocument, { lotId: moved.lot.id, refurbisherId: net.ara.refurbisher }, net.ara.tokens.coordinator))
        .reassignLot;
      expect(back.lot).toMatchObject({ status: 'OFFERED', quantity: 6, refurbisher: { id: net.ara.refurbisher } });
      expect([await loadOf(net.ara.refurbisher), await loadOf(second.id)]).toEqual([6, 0]);
      await claimLot(t, back.lot.id, net.ara.tokens.refurbisher);
      await t.runOk(SchedulePickupDocument, { input: { lotId: back.lot.id, scheduledAt: pickupAt } }, net.ara.tokens.refurbisher);
      expect(await t.runError(RoutingControlsReassignDocument, { lotId: back.lot.id, refurbisherId: second.id }, net.ara.tokens.coordinator)).toBe('CONFLICT');

      // who may
      expect(await t.runError(RoutingControlsReassignDocument, { lotId: back.lot.id, refurbisherId: second.id }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
      expect(await t.runError(RoutingControlsReassignDocument, { lotId: back.lot.id, refurbisherId: second.id }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(
        await t.runError(
          RoutingControlsAssignDocument,
          { donationId: d, refurbisherId: net.bfc.refurbisher, items: [{ category: 'LAPTOP', quantity: 1 }] },
          net.ara.tokens.coordinator,
        ),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('stuck work', () => {
    it('lists what stopped moving with the object to act on, and the dashboard counts it by kind', async () => {
      const tablets = await declare([{ category: 'TABLET', quantity: 2 }]);
      const expiring = await declare([{ category: 'LAPTOP', quantity: 1 }]);
      const claimed = await declare([{ category: 'LAPTOP', quantity: 2 }], GRENOBLE);
      const lots = (await route()).lots;
      const expiringLot = lots.find((l) => l.donation.id === expiring)!;
      const claimedLot = lots.find((l) => l.donation.id === claimed)!;
      await t.dataSource.query(`UPDATE lot SET offer_expires_at = now() + interval '3 hours' WHERE id = $1`, [expiringLot.id]);
      await claimLot(t, claimedLot.id, claimedLot.refurbisher.id === second.id ? second.token : net.ara.tokens.refurbisher);
      await t.dataSource.query(`UPDATE lot SET claimed_at = now() - interval '10 days' WHERE id = $1`, [claimedLot.id]);
      const pickup = (
        await t.runOk(
          SchedulePickupDocument,
          { input: { lotId: claimedLot.id, scheduledAt: pickupAt } },
          claimedLot.refurbisher.id === second.id ? second.token : net.ara.tokens.refurbisher,
        )
      ).schedulePickup;
      await t.dataSource.query(`UPDATE pickup SET status = 'MISSED' WHERE id = $1`, [pickup.id]);
      const order = await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], net.ara.tokens.partner);
      await t.dataSource.query(`UPDATE partner_order SET created_at = now() - interval '30 days' WHERE id = $1`, [order]);

      const items = (await t.runOk(RoutingControlsStuckDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).stuckWork;
      expect(items.find((i) => i.kind === 'UNROUTED_DEVICES')).toMatchObject({
        donationId: tablets,
        category: 'TABLET',
        quantity: 2,
        reason: 'NO_REFURBISHER_FOR_CATEGORY',
      });
      expect(items.find((i) => i.kind === 'OFFER_EXPIRING')).toMatchObject({ lotId: expiringLot.id, donationId: expiring, status: 'OFFERED', quantity: 1 });
      expect(items.find((i) => i.kind === 'OFFER_EXPIRING')!.dueAt).not.toBeNull();
      expect(items.find((i) => i.kind === 'LOT_NOT_COLLECTED')).toMatchObject({
        lotId: claimedLot.id,
        status: 'PICKUP_SCHEDULED',
        refurbisherId: claimedLot.refurbisher.id,
      });
      expect(items.find((i) => i.kind === 'PICKUP_MISSED')).toMatchObject({ lotId: claimedLot.id, pickupId: pickup.id, status: 'MISSED', since: pickupAt });
      expect(items.find((i) => i.kind === 'ORDER_WAITING')).toMatchObject({ orderId: order, status: 'OPEN' });
      expect(items.filter((i) => i.kind === 'RESERVATION_NOT_SHIPPED')).toEqual([]);

      const window = { from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
      const { stuck } = (await t.runOk(RoutingControlsDashboardStuckDocument, { regionId: net.ara.id, ...window }, net.ara.tokens.coordinator)).regionDashboard;
      expect(Object.fromEntries(stuck.map((s) => [s.kind, s.count]))).toEqual({
        UNROUTED_DEVICES: 1,
        OFFER_EXPIRING: 1,
        LOT_NOT_COLLECTED: 1,
        PICKUP_MISSED: 1,
        ORDER_WAITING: 1,
        RESERVATION_NOT_SHIPPED: 0,
      });
      expect(stuck.every((s) => !s.capped)).toBe(true);

      expect(await t.runError(RoutingControlsStuckDocument, { regionId: net.ara.id }, net.bfc.tokens.coordinator)).toBe('FORBIDDEN');
      expect(await t.runError(RoutingControlsStuckDocument, { regionId: net.ara.id }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
      expect((await t.runOk(RoutingControlsStuckDocument, { regionId: net.ara.id }, net.adminToken)).stuckWork).toHaveLength(items.length);
    });
  });

  describe('the scenario', () => {
    it('a donor of 160 devices in Grenoble, declined twice, still ends collected through the coordinator', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 160 }], GRENOBLE);
      // both refurbishers reach Grenoble; each may hold 25 of its 50 in unclaimed offers
      const offered = await route();
      expect(offered.lots.map((l) => l.quantity).sort()).toEqual([25, 25]);
      for (const lot of offered.lots) await decline(lot.id, lot.refurbisher.id === second.id ? second.token : net.ara.tokens.refurbisher);
      expect((await route()).unrouted).toEqual([{ donationId: d, category: 'LAPTOP', quantity: 160, reason: 'ALL_DECLINED' }]);

      // Grenoble called back: the coordinator lifts its decline; offered again, declined a second time
      await t.runOk(RoutingControlsLiftDeclineDocument, { donationId: d, refurbisherId: second.id }, net.ara.tokens.coordinator);
      const retry = (await route()).lots;
      expect(retry.map((l) => [l.refurbisher.id, l.quantity])).toEqual([[second.id, 25]]);
      await decline(retry[0]!.id, second.token);
      expect((await donation(d)).unrouted[0]!.reason).toBe('ALL_DECLINED');

      // the Lyon workshop agrees on the phone to take it all in one trip: assigned by hand, with the warnings said
      const assigned = (
        await t.runOk(
          RoutingControlsAssignDocument,
          { donationId: d, refurbisherId: net.ara.refurbisher, items: [{ category: 'LAPTOP', quantity: 160 }] },
          net.ara.tokens.coordinator,
        )
      ).assignLot;
      expect(assigned.warnings.map((w) => w.code).sort()).toEqual(['DECLINED_RECENTLY', 'OVER_CAPACITY']);
      expect(assigned.lot).toMatchObject({ status: 'OFFERED', quantity: 160 });
      await claimLot(t, assigned.lot.id, net.ara.tokens.refurbisher);
      await collectLot(t, assigned.lot.id, net.ara.tokens.refurbisher, pickupAt, 160);
      expect(await donation(d)).toMatchObject({ status: 'COLLECTED', unroutedQuantity: 0, unrouted: [] });
      expect(await loadOf(net.ara.refurbisher)).toBe(160);
      expect(await loadOf(second.id)).toBe(0);
    });
  });
});
