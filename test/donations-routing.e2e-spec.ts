import { LotOfferService } from '@app/donations/services/lot-offer.service';
import { RequestContext } from '@app/common';
import {
  DeclareDonationInput,
  DonationLineInput,
  DonationsRoutingCancelDocument,
  DonationsRoutingCapacityDocument,
  DonationsRoutingClaimDocument,
  DonationsRoutingDeclareDocument,
  DonationsRoutingDeclineDocument,
  DonationsRoutingDonationDocument,
  DonationsRoutingDonationsDocument,
  DonationsRoutingLotsDocument,
  DonationsRoutingLotsPageDocument,
  DonationsRoutingLotsPageQuery,
  DonationsRoutingPageOf500Document,
  DonationsRoutingRouteDocument,
} from './generated/graphql';
import { LYON } from './support/donation-flow';
import { addGrenobleRefurbisher, NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const declaration = (lines: DonationLineInput[], extra: Partial<DeclareDonationInput> = {}): DeclareDonationInput => ({
  pickupAddress: LYON,
  availableFrom: '2026-12-01T08:00:00.000Z',
  lines,
  ...extra,
});

describe('donations and routing', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second refurbisher in ARA, farther from Lyon (Grenoble) */
  let second: { id: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    second = await addGrenobleRefurbisher(t, net);
  });

  const declare = async (lines: DonationLineInput[], token = net.ara.tokens.donor, extra: Partial<DeclareDonationInput> = {}) =>
    (await t.runOk(DonationsRoutingDeclareDocument, { input: declaration(lines, extra) }, token)).declareDonation;

  describe('declaring', () => {
    it('a donor declares lines and a spreadsheet inventory; data-bearing defaults by category', async () => {
      const csv = '\uFEFFCategory;Quantity;Brand;Model;Year;DataBearing\nlaptop;3;Lenovo;T480;2019;\nMONITOR;2;Dell;P2419H;2020;\n';
      const d = await declare([{ category: 'SMARTPHONE', quantity: 4, brand: 'Samsung' }], net.ara.tokens.donor, { inventoryCsv: csv });
      expect(d.reference).toMatch(/^DON-\d{4}-\d{6}$/);
      expect(d).toMatchObject({ status: 'DECLARED', quantity: 9, unroutedQuantity: 9, donor: { id: net.ara.donor } });
      expect(d.lines).toEqual([
        { category: 'SMARTPHONE', quantity: 4, brand: 'Samsung', model: null, year: null, dataBearing: true },
        { category: 'LAPTOP', quantity: 3, brand: 'Lenovo', model: 'T480', year: 2019, dataBearing: true },
        { category: 'MONITOR', quantity: 2, brand: 'Dell', model: 'P2419H', year: 2020, dataBearing: false },
      ]);
    });

    it('every bad CSV row is reported with its line number, and nothing is saved', async () => {
      const csv = 'category,quantity\nLAPTOP,2\nFRIDGE,1\nLAPTOP,zero\n';
      const res = await t.run(DonationsRoutingDeclareDocument, { input: declaration([], { inventoryCsv: csv }) }, net.ara.tokens.donor);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/ligne 3 : .*FRIDGE.*ligne 4/);
      expect(await t.count('donation')).toBe(0);
      expect(await t.count('donation_line')).toBe(0);
    });

    it('an empty declaration and bad quantities are BAD_USER_INPUT', async () => {
      expect(await t.runError(DonationsRoutingDeclareDocument, { input: declaration([]) }, net.ara.tokens.donor)).toBe('BAD_USER_INPUT');
      expect(await t.runError(DonationsRoutingDeclareDocument, { input: declaration([{ category: 'LAPTOP', quantity: 0 }]) }, net.ara.tokens.donor)).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await t.runError(
          DonationsRoutingDeclareDocument,
          { input: declaration([{ category: 'LAPTOP', quantity: 1 }], { availableFrom: 'soon' }) },
          net.ara.tokens.donor,
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('a coordinator declares for a donor of its region; nobody declares for another donor', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 1 }], net.ara.tokens.coordinator, { donorId: net.ara.donor });
      expect(d.donor.id).toBe(net.ara.donor);
      expect(await t.runError(DonationsRoutingDeclareDocument, { input: declaration([{ category: 'LAPTOP', quantity: 1 }]) }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await t.runError(
          DonationsRoutingDeclareDocument,
          { input: declaration([{ category: 'LAPTOP', quantity: 1 }], { donorId: net.bfc.donor }) },
          net.ara.tokens.coordinator,
        ),
      ).toBe('NOT_FOUND');
      expect(
        await t.runError(
          DonationsRoutingDeclareDocument,
          { input: declaration([{ category: 'LAPTOP', quantity: 1 }], { donorId: net.bfc.donor }) },
          net.ara.tokens.donor,
        ),
      ).toBe('FORBIDDEN');
      for (const role of ['refurbisher', 'partner'] as const) {
        expect(await t.runError(DonationsRoutingDeclareDocument, { input: declaration([{ category: 'LAPTOP', quantity: 1 }]) }, net.ara.tokens[role])).toBe(
          'FORBIDDEN',
        );
      }
    });
  });

  describe('routing', () => {
    it('offers each donation to the nearest refurbisher with room, and counts the load', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 10 }]);
      const result = (await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations;
      expect(result).toMatchObject({ routedQuantity: 10, unroutedQuantity: 0 });
      expect(result.lots).toHaveLength(1);
      const lot = result.lots[0];
      expect(lot).toMatchObject({
        status: 'OFFERED',
        quantity: 10,
        refurbisher: { id: net.ara.refurbisher },
        donation: { id: d.id },
        items: [{ category: 'LAPTOP', quantity: 10 }],
      });
      expect(lot.reference).toMatch(/^LOT-\d{4}-\d{6}$/);
      expect(result.totalDeviceKm).toBeCloseTo(10 * lot.distanceKm, 6);
      expect(new Date(lot.offerExpiresAt!).getTime() - Date.now()).toBeGreaterThan(47 * 3600_000);
      expect((await t.runOk(DonationsRoutingCapacityDocument, { id: net.ara.refurbisher }, net.ara.tokens.coordinator)).organization!.capacities).toEqual([
        { category: 'LAPTOP', weeklyCapacity: 50, load: 10 },
      ]);
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: d.id }, net.ara.tokens.donor)).donation).toMatchObject({
        status: 'ROUTED',
        unroutedQuantity: 0,
      });
      // a second run finds nothing left to route
      expect((await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations).toMatchObject({
        routedQuantity: 0,
        lots: [],
      });
    });

    it('under shortage the oldest donation goes first, and capacity is never exceeded', async () => {
      // 7 a week each: one donation may hold 4 of each in offers, so the older one takes 8 of the 14
      await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 7 WHERE category = 'LAPTOP'`);
      const older = await declare([{ category: 'LAPTOP', quantity: 8 }]);
      const newer = await declare([{ category: 'LAPTOP', quantity: 8 }]);
      const result = (await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations;
      expect(result).toMatchObject({ routedQuantity: 14, unroutedQuantity: 2 });
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: older.id }, net.ara.tokens.donor)).donation).toMatchObject({
        unroutedQuantity: 0,
        status: 'ROUTED',
      });
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: newer.id }, net.ara.tokens.donor)).donation).toMatchObject({
        unroutedQuantity: 2,
        status: 'DECLARED',
      });
      const loads = await t.dataSource.query(`SELECT load, weekly_capacity FROM refurbisher_capacity WHERE category = 'LAPTOP' AND load > 0`);
      for (const row of loads) expect(row.load).toBeLessThanOrEqual(row.weekly_capacity);
    });

    it('is for staff only, within their region', async () => {
      for (const role of ['donor', 'refurbisher', 'partner'] as const)
        expect(await t.runError(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens[role])).toBe('FORBIDDEN');
      expect(await t.runError(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.bfc.tokens.coordinator)).toBe('FORBIDDEN');
    });
  });

  describe('offers', () => {
    const routeOne = async (quantity = 5) => {
      const d = await declare([{ category: 'LAPTOP', quantity }]);
      const lot = (await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.lots[0];
      return { donation: d, lot };
    };

    it('twenty concurrent claims: exactly one wins, the others are CONFLICT, and the data stays consistent', async () => {
      const { lot } = await routeOne();
      const results = await Promise.all(Array.from({ length: 20 }, () => t.run(DonationsRoutingClaimDocument, { id: lot.id }, net.ara.tokens.refurbisher)));
      const wins = results.filter((r) => !r.errors);
      expect(wins).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(19);
      const [row] = await t.dataSource.query(`SELECT status, version FROM lot WHERE id = $1`, [lot.id]);
      expect(row).toEqual({ status: 'CLAIMED', version: 2 });
    });

    it('only the refurbisher offered the lot may claim or decline it (others: NOT_FOUND)', async () => {
      const { lot } = await routeOne();
      expect(await t.runError(DonationsRoutingClaimDocument, { id: lot.id }, second.token)).toBe('NOT_FOUND');
      expect(await t.runError(DonationsRoutingDeclineDocument, { id: lot.id, reason: 'no' }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      for (const role of ['donor', 'partner', 'coordinator'] as const)
        expect(await t.runError(DonationsRoutingClaimDocument, { id: lot.id }, net.ara.tokens[role])).toBe('FORBIDDEN');
    });

    it('a declined lot goes back to routing, never to the refurbisher that declined it', async () => {
      const { donation, lot } = await routeOne();
      const declined = (await t.runOk(DonationsRoutingDeclineDocument, { id: lot.id, reason: 'workshop closed for inventory' }, net.ara.tokens.refurbisher))
        .declineLot;
      expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'workshop closed for inventory' });
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: donation.id }, net.ara.tokens.donor)).donation).toMatchObject({
        status: 'DECLARED',
        unroutedQuantity: 5,
      });
      expect((await t.runOk(DonationsRoutingCapacityDocument, { id: net.ara.refurbisher }, net.ara.tokens.coordinator)).organization!.capacities[0].load).toBe(
        0,
      );
      const again = (await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations;
      expect(again.lots).toHaveLength(1);
      expect(again.lots[0].refurbisher.id).toBe(second.id);
      // declined and claimed lots refuse the other answer
      expect(await t.runError(DonationsRoutingClaimDocument, { id: lot.id }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      await t.runOk(DonationsRoutingClaimDocument, { id: again.lots[0].id }, second.token);
      expect(await t.runError(DonationsRoutingDeclineDocument, { id: again.lots[0].id, reason: 'too late' }, second.token)).toBe('CONFLICT');
    });

    it('a decline needs a reason', async () => {
      const { lot } = await routeOne();
      expect(await t.runError(DonationsRoutingDeclineDocument, { id: lot.id, reason: '   ' }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
    });

    it('offers past their time expire and are routed again elsewhere; a late claim is CONFLICT', async () => {
      const { donation, lot } = await routeOne();
      await t.dataSource.query(`UPDATE lot SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`, [lot.id]);
      expect(await t.runError(DonationsRoutingClaimDocument, { id: lot.id }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      const expired = await t.app.get(LotOfferService).expireDue(RequestContext.system());
      expect(expired).toEqual({ lotIds: [lot.id], regionIds: [net.ara.id] });
      expect(await t.app.get(LotOfferService).expireDue(RequestContext.system())).toEqual({ lotIds: [], regionIds: [] });
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: donation.id }, net.ara.tokens.donor)).donation!.lots).toEqual([
        { id: lot.id, status: 'EXPIRED', refurbisher: { id: net.ara.refurbisher } },
      ]);
      const again = (await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations;
      expect(again.lots.map((l) => l.refurbisher.id)).toEqual([second.id]);
    });
  });

  describe('cancelling', () => {
    it('withdraws the offered lots and frees the capacity; a second cancel is CONFLICT', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 7 }]);
      await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
      expect((await t.runOk(DonationsRoutingCancelDocument, { id: d.id }, net.ara.tokens.donor)).cancelDonation.status).toBe('CANCELLED');
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: d.id }, net.ara.tokens.donor)).donation!.lots.map((l) => l.status)).toEqual(['CANCELLED']);
      expect((await t.runOk(DonationsRoutingCapacityDocument, { id: net.ara.refurbisher }, net.ara.tokens.coordinator)).organization!.capacities[0].load).toBe(
        0,
      );
      expect(await t.runError(DonationsRoutingCancelDocument, { id: d.id }, net.ara.tokens.donor)).toBe('CONFLICT');
      expect((await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.routedQuantity).toBe(0);
    });

    it('is refused once a lot was collected, and for anyone but the donor or its coordinator', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 2 }]);
      expect(await t.runError(DonationsRoutingCancelDocument, { id: d.id }, net.bfc.tokens.donor)).toBe('NOT_FOUND');
      expect(await t.runError(DonationsRoutingCancelDocument, { id: d.id }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      expect(await t.runError(DonationsRoutingCancelDocument, { id: d.id }, net.ara.tokens.partner)).toBe('FORBIDDEN');
      await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
      await t.dataSource.query(`UPDATE lot SET status = 'COLLECTED' WHERE donation_id = $1`, [d.id]);
      expect(await t.runError(DonationsRoutingCancelDocument, { id: d.id }, net.ara.tokens.coordinator)).toBe('CONFLICT');
    });
  });

  describe('who sees what', () => {
    it('a donor sees its own donations only; staff their region; partners none', async () => {
      const mine = await declare([{ category: 'LAPTOP', quantity: 1 }]);
      await declare([{ category: 'LAPTOP', quantity: 1 }], net.bfc.tokens.donor, { pickupAddress: { postalCode: '21000', city: 'Dijon' } });
      expect((await t.runOk(DonationsRoutingDonationsDocument, {}, net.ara.tokens.donor)).donations.edges.map((e) => e.node.id)).toEqual([mine.id]);
      expect((await t.runOk(DonationsRoutingDonationsDocument, {}, net.ara.tokens.coordinator)).donations.totalCount).toBe(1);
      expect((await t.runOk(DonationsRoutingDonationsDocument, {}, net.adminToken)).donations.totalCount).toBe(2);
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: mine.id }, net.bfc.tokens.donor)).donation).toBeNull();
      expect(await t.runError(DonationsRoutingDonationsDocument, {}, net.ara.tokens.partner)).toBe('FORBIDDEN');
    });

    it('a refurbisher sees only the lots offered to or claimed by it, and their donations', async () => {
      const d = await declare([{ category: 'LAPTOP', quantity: 3 }]);
      await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
      expect((await t.runOk(DonationsRoutingLotsDocument, {}, net.ara.tokens.refurbisher)).lots.totalCount).toBe(1);
      expect((await t.runOk(DonationsRoutingLotsDocument, {}, second.token)).lots.totalCount).toBe(0);
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: d.id }, net.ara.tokens.refurbisher)).donation!.id).toBe(d.id);
      expect((await t.runOk(DonationsRoutingDonationDocument, { id: d.id }, second.token)).donation).toBeNull();
      expect((await t.runOk(DonationsRoutingLotsDocument, {}, net.ara.tokens.donor)).lots.totalCount).toBe(1);
      expect((await t.runOk(DonationsRoutingLotsDocument, {}, net.bfc.tokens.donor)).lots.totalCount).toBe(0);
      expect(await t.runError(DonationsRoutingLotsDocument, {}, net.ara.tokens.partner)).toBe('FORBIDDEN');
    });

    it('pages with cursors, newest first', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await declare([{ category: 'LAPTOP', quantity: 1 }])).id);
      const page1 = (await t.runOk(DonationsRoutingDonationsDocument, { first: 2 }, net.ara.tokens.donor)).donations;
      expect(page1.totalCount).toBe(5);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (await t.runOk(DonationsRoutingDonationsDocument, { first: 2, after: page1.pageInfo.endCursor }, net.ara.tokens.donor)).donations;
      const page3 = (await t.runOk(DonationsRoutingDonationsDocument, { first: 2, after: page2.pageInfo.endCursor }, net.ara.tokens.donor)).donations;
      const seen = [...page1.edges, ...page2.edges, ...page3.edges].map((e) => e.node.id);
      expect(seen).toEqual([...ids].reverse());
      expect(page3.pageInfo.hasNextPage).toBe(false);
      expect(await t.runError(DonationsRoutingDonationsDocument, { first: 2, after: 'garbage' }, net.ara.tokens.donor)).toBe('BAD_USER_INPUT');
    });

    it('pages through lots made in one routing run (they share their creation time)', async () => {
      for (let i = 0; i < 5; i++) await declare([{ category: 'LAPTOP', quantity: 1 }]);
      const routed = (await t.runOk(DonationsRoutingRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.lots.map((l) => l.id);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: DonationsRoutingLotsPageQuery['lots'] = (await t.runOk(DonationsRoutingLotsPageDocument, { after }, net.ara.tokens.coordinator)).lots;
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen.sort()).toEqual([...routed].sort());
    });

    it('a page of 500 is an ordinary query, within the cost limit', async () => {
      const res = await t.run(DonationsRoutingPageOf500Document, {}, net.ara.tokens.coordinator);
      expect(res.errors).toBeUndefined();
    });
  });
});
