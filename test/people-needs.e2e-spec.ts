import {
  NeedsAccompanimentsDocument,
  NeedsAcceptedBasesDocument,
  NeedsCancelDocument,
  NeedsCancelOrderDocument,
  NeedsDashboardDocument,
  NeedsDonorImpactDocument,
  NeedsListDocument,
  NeedsOrderDocument,
  NeedsRecordAccompanimentDocument,
  NeedsRecordDocument,
  NeedsSetBasesDocument,
  NeedsWaitingListDocument,
  RecordNeedInput,
} from './generated/graphql';
import { claimLot, declareAndRoute, eraseAndGrade, inIntakeOrder, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { confirmDelivery, matchOrders, orderDeviceIds, shipDevices } from './support/order-flow';
import { addOrganization, Member } from './support/organization-fixture';
import { TestApp } from './support/test-app';
import { waitingOrder, waitingPositions } from '@app/orders/needs/waiting-list.policy';
import { NeedUrgency } from '@app/orders/needs/need-urgency';

const DAY = 24 * 3600_000;
const FUTURE = new Date(Date.now() + 30 * DAY).toISOString();
const window = () => ({ from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() });

let serial = 0;

/**
 * The people equipped, part one, through GraphQL: a need recorded under a partner's pseudonymous
 * reference waits on the region's list (positions, an estimated wait), is ordered, and is served
 * when its device is delivered; regions choose the eligibility bases they accept; accompaniment
 * sessions are counted for the region and the donors, never shown to them.
 */
describe('needs, the waiting list and accompaniment', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second partner of ARA: partners never see each other's people */
  let partnerB: Member;

  const need = (beneficiaryRef: string, extra: Partial<RecordNeedInput> = {}): RecordNeedInput => ({
    beneficiaryRef,
    profile: 'STUDENT',
    referralSource: 'JOB_CENTRE',
    eligibilityBasis: 'INCOME_CRITERIA',
    ...extra,
  });
  const record = async (input: RecordNeedInput, token = net.ara.tokens.partner) => (await t.runOk(NeedsRecordDocument, { input }, token)).recordNeed;
  const refused = async (res: { errors?: Array<{ extensions?: { code?: string; reason?: unknown } }> }) => ({
    code: res.errors?.[0]?.extensions?.code,
    reason: res.errors?.[0]?.extensions?.reason,
  });
  const waitingList = async (token: string, profile?: RecordNeedInput['profile']) =>
    (await t.runOk(NeedsWaitingListDocument, { regionId: net.ara.id, profile }, token)).waitingList;
  const needsOf = async (token: string) => (await t.runOk(NeedsListDocument, { first: 100 }, token)).needs.edges.map((e) => e.node);

  /** Laptops IN_STOCK at ARA's refurbisher (8 GB, 256 GB SSD, grade B, webcam and microphone working): they reach stock now. */
  const stockLaptops = async (count: number): Promise<string[]> => {
    const token = net.ara.tokens.refurbisher;
    await t.dataSource.query(
      `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'LAPTOP', 10000)
       ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = 10000`,
      [net.ara.refurbisher],
    );
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: count }], {
      pickupAddress: { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
      availableFrom: FUTURE,
    });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const intake = Array.from({ length: count }, () => ({
      serialNumber: `NEEDS-SN-${++serial}`,
      category: 'LAPTOP' as const,
      specs: { ramGb: 8, storageGb: 256, ssd: true },
    }));
    const ids = inIntakeOrder(intake, await receiveLot(t, lot.id, intake, token)).map((d) => d.id);
    for (const id of ids) {
      await eraseAndGrade(t, id, token, 'B', { ramGb: 8, storageGb: 256, ssd: true, os: 'Xubuntu 24.04' });
      await t.dataSource.query(`UPDATE device SET webcam_works = true, microphone_works = true, battery_health_percent = 90 WHERE id = $1`, [id]);
    }
    return ids;
  };

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    partnerB = await addOrganization(
      t,
      {
        kind: 'PARTNER',
        name: 'Mission locale de Vénissieux',
        regionId: net.ara.id,
        address: { postalCode: '69200', city: 'Vénissieux', location: { lat: 45.7, lon: 4.88 } },
      },
      { email: `conseil-${++serial}@ml-venissieux.test`, role: 'PARTNER' },
      net.ara.tokens.coordinator,
    );
  });

  it('ranks the queue as waitingOrder does, ties included, and shows each caller only its rows', async () => {
    // 90 waiting needs of two partners: three categories, three urgencies, few distinct instants (many ties)
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const urgencies = [NeedUrgency.NORMAL, NeedUrgency.HIGH, NeedUrgency.URGENT];
    const rows = Array.from({ length: 90 }, (_, i) => ({
      partnerId: next(3) === 0 ? partnerB.id : net.ara.partner,
      ref: `RANK-${i}`,
      profile: ['STUDENT', 'SENIOR'][next(2)]!,
      category: ['LAPTOP', 'TABLET', 'DESKTOP'][next(3)]!,
      urgency: urgencies[next(3)]!,
      createdAt: new Date(Date.UTC(2026, 10, 1 + next(4), 9, 0, 0, next(2))),
    }));
    const inserted: Array<{ id: string }> = await t.dataSource.query(
      `INSERT INTO need (partner_id, region_id, beneficiary_ref, profile, category, referral_source, eligibility_basis, urgency, created_at)
       SELECT p, $1, r, pr::beneficiary_profile, c::device_category, 'JOB_CENTRE', 'INCOME_CRITERIA', u::need_urgency, at
         FROM unnest($2::uuid[], $3::varchar[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) WITH ORDINALITY AS x(p, r, pr, c, u, at, i)
        ORDER BY i RETURNING id`,
      [net.ara.id, ...(['partnerId', 'ref', 'profile', 'category', 'urgency', 'createdAt'] as const).map((k) => rows.map((r) => r[k]))],
    );
    const needs = rows.map((r, i) => ({ ...r, id: inserted[i]!.id }));
    const positions = waitingPositions(needs);
    const expected = (shown: typeof needs) => [...shown].sort(waitingOrder).map((n) => [n.ref, positions.get(n.id)]);
    const seen = (list: Awaited<ReturnType<typeof waitingList>>) => list.entries.map((e) => [e.beneficiaryRef, e.position]);

    const all = await waitingList(net.ara.tokens.coordinator);
    expect(all.totalWaiting).toBe(90);
    expect(seen(all)).toEqual(expected(needs));
    const mine = await waitingList(net.ara.tokens.partner);
    expect(mine.totalWaiting).toBe(90);
    expect(seen(mine)).toEqual(expected(needs.filter((n) => n.partnerId === net.ara.partner)));
    const theirSeniors = await waitingList(partnerB.token, 'SENIOR');
    const seniors = needs.filter((n) => n.profile === 'SENIOR');
    expect(theirSeniors.totalWaiting).toBe(seniors.length);
    expect(seen(theirSeniors)).toEqual(expected(seniors.filter((n) => n.partnerId === partnerB.id)));
    // a partner with nothing waiting sees the count, and no row
    await t.dataSource.query(`UPDATE need SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = 'NO_LONGER_NEEDED' WHERE partner_id = $1`, [
      partnerB.id,
    ]);
    const none = await waitingList(partnerB.token);
    expect(none).toMatchObject({ totalWaiting: needs.filter((n) => n.partnerId === net.ara.partner).length, entries: [] });
  });

  it('a need lives from referral to delivery: waiting list with positions and estimated waits, order, delivery, served', async () => {
    const a1 = await record(need('A-0001'));
    const b1 = await record(need('B-0001', { profile: 'JOB_SEEKER', urgency: 'HIGH', eligibilityBasis: 'SOCIAL_MINIMA' }), partnerB.token);
    const a2 = await record(need('A-0002', { profile: 'SENIOR', urgency: 'URGENT', referralSource: 'TOWN_SOCIAL_SERVICE' }));
    expect(a1).toMatchObject({ status: 'WAITING', urgency: 'NORMAL', category: 'LAPTOP', partnerId: net.ara.partner, voucherNumber: null });

    // nothing reached stock yet: the wait is unknown, not a made-up number
    const before = await waitingList(net.ara.tokens.partner);
    expect(before.totalWaiting).toBe(3);
    expect(before.entries.map((e) => [e.beneficiaryRef, e.position, e.estimatedWaitDays])).toEqual([
      ['A-0002', 1, null],
      ['A-0001', 3, null],
    ]);

    // two laptops reach stock: 2 devices in 90 days; two free now
    await stockLaptops(2);
    const mine = await waitingList(net.ara.tokens.partner);
    // the urgent one is covered by the stock now; the third in line waits for one more device at 2 per 90 days
    expect(mine.entries.map((e) => [e.beneficiaryRef, e.position, e.estimatedWaitDays])).toEqual([
      ['A-0002', 1, 0],
      ['A-0001', 3, 45],
    ]);
    expect(JSON.stringify(mine)).not.toContain('B-0001');
    const theirs = await waitingList(partnerB.token);
    expect(theirs.entries.map((e) => [e.beneficiaryRef, e.position])).toEqual([['B-0001', 2]]);
    expect(theirs.totalWaiting).toBe(3);
    expect((await waitingList(net.ara.tokens.coordinator)).entries.map((e) => e.needId)).toEqual([a2.id, b1.id, a1.id]);
    const seniors = await waitingList(net.ara.tokens.partner, 'SENIOR');
    expect({ total: seniors.totalWaiting, refs: seniors.entries.map((e) => e.beneficiaryRef) }).toEqual({ total: 1, refs: ['A-0002'] });

    // the partner orders for its two people: one line per profile and urgency, the urgent first
    const order = (await t.runOk(NeedsOrderDocument, { input: { needIds: [a1.id, a2.id] } }, net.ara.tokens.partner)).orderForNeeds;
    expect(order.lines.map((l) => [l.profile, l.quantity, l.priority])).toEqual([
      ['SENIOR', 1, 2],
      ['STUDENT', 1, 0],
    ]);
    const ordered = await needsOf(net.ara.tokens.partner);
    expect(ordered.map((n) => [n.beneficiaryRef, n.status, n.orderId])).toEqual([
      ['A-0002', 'ORDERED', order.id],
      ['A-0001', 'ORDERED', order.id],
    ]);
    expect((await waitingList(partnerB.token)).entries.map((e) => [e.beneficiaryRef, e.position])).toEqual([['B-0001', 1]]);

    // matched, shipped, delivered under the people's references: each need is served by its own device
    expect((await matchOrders(t, net.ara)).allocatedQuantity).toBe(2);
    const devices = await orderDeviceIds(t, order.id, net.ara.tokens.partner);
    await shipDevices(t, order.id, devices, net.ara.tokens.refurbisher);
    // lines are read in order (SENIOR, STUDENT); references given the other way round on purpose
    await confirmDelivery(t, order.id, [devices[1]!, devices[0]!], net.ara.tokens.partner, ['A-0001', 'A-0002']);
    const served = await needsOf(net.ara.tokens.partner);
    expect(served.map((n) => [n.beneficiaryRef, n.status, n.servedDeviceId])).toEqual([
      ['A-0002', 'SERVED', devices[0]],
      ['A-0001', 'SERVED', devices[1]],
    ]);
    expect(served.every((n) => n.servedAt !== null)).toBe(true);

    const dashboard = (await t.runOk(NeedsDashboardDocument, { regionId: net.ara.id, ...window() }, net.ara.tokens.coordinator)).regionDashboard;
    expect(dashboard.needsDemand).toEqual([{ profile: 'JOB_SEEKER', category: 'LAPTOP', waiting: 1, ordered: 0 }]);
    expect(dashboard.needsSupply).toEqual([{ category: 'LAPTOP', waiting: 1, availableNow: 0, orderedUnfilled: 0, stockedLast90Days: 2 }]);
    expect(dashboard.people).toMatchObject({ peopleEquipped: 2, needsRecorded: 3, needsServed: 2 });
  }, 120_000);

  it('a device delivered without references serves its line’s needs in waiting-list order', async () => {
    const older = await record(need('A-0010'));
    const newer = await record(need('A-0011'));
    await stockLaptops(1);
    const order = (await t.runOk(NeedsOrderDocument, { input: { needIds: [newer.id, older.id] } }, net.ara.tokens.partner)).orderForNeeds;
    expect(order.lines.map((l) => l.quantity)).toEqual([2]);
    await matchOrders(t, net.ara);
    const devices = await orderDeviceIds(t, order.id, net.ara.tokens.partner);
    await shipDevices(t, order.id, devices, net.ara.tokens.refurbisher);
    await confirmDelivery(t, order.id, devices, net.ara.tokens.partner);
    const rows = await needsOf(net.ara.tokens.partner);
    expect(rows.map((n) => [n.beneficiaryRef, n.status])).toEqual([
      ['A-0011', 'ORDERED'],
      ['A-0010', 'SERVED'],
    ]);
  }, 120_000);

  it('an order made of needs keeps their age in matching: it goes before a later plain order', async () => {
    const waiting = await record(need('B-0100'), partnerB.token);
    // the other partner orders the same laptop the plain way, after the need was recorded
    const plain = (
      await t.gql(`mutation { submitOrder(input: { lines: [{ category: LAPTOP, quantity: 1, profile: STUDENT }] }) { id } }`, {}, net.ara.tokens.partner)
    ).data!.submitOrder.id as string;
    const fromNeeds = (await t.runOk(NeedsOrderDocument, { input: { needIds: [waiting.id] } }, partnerB.token)).orderForNeeds;
    await stockLaptops(1);
    expect((await matchOrders(t, net.ara)).allocatedQuantity).toBe(1);
    expect(await orderDeviceIds(t, fromNeeds.id, partnerB.token)).toHaveLength(1);
    expect(await orderDeviceIds(t, plain, net.ara.tokens.partner)).toHaveLength(0);
  }, 120_000);

  it('a cancelled order sends its needs back to the waiting list, in their place; only a waiting need is cancelled', async () => {
    const first = await record(need('A-0020'));
    const second = await record(need('A-0021'));
    const order = (await t.runOk(NeedsOrderDocument, { input: { needIds: [first.id] } }, net.ara.tokens.partner)).orderForNeeds;
    const res = await t.run(NeedsCancelDocument, { needId: first.id, reason: 'NO_LONGER_NEEDED' }, net.ara.tokens.partner);
    expect(await refused(res)).toEqual({ code: 'CONFLICT', reason: 'NEED_NOT_WAITING' });
    // ordered twice at once: one order, the other refused
    const racing = await Promise.all([1, 2].map(() => t.run(NeedsOrderDocument, { input: { needIds: [second.id] } }, net.ara.tokens.partner)));
    expect(racing.filter((r) => !r.errors).length).toBe(1);
    expect((await refused(racing.find((r) => r.errors)!)).reason).toBe('NEED_NOT_WAITING');

    await t.runOk(NeedsCancelOrderDocument, { id: order.id }, net.ara.tokens.partner);
    const list = await waitingList(net.ara.tokens.partner);
    expect(list.entries.map((e) => [e.beneficiaryRef, e.position])).toEqual([['A-0020', 1]]);
    expect(list.entries[0]!.waitingSince).toBe(first.createdAt);

    const cancelled = (await t.runOk(NeedsCancelDocument, { needId: first.id, reason: 'EQUIPPED_OTHERWISE' }, net.ara.tokens.partner)).cancelNeed;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'EQUIPPED_OTHERWISE' });
    const again = await t.run(NeedsCancelDocument, { needId: first.id, reason: 'DUPLICATE' }, net.ara.tokens.partner);
    expect(await refused(again)).toEqual({ code: 'CONFLICT', reason: 'FINAL_STATE' });
    expect((await waitingList(net.ara.tokens.partner)).totalWaiting).toBe(0);
  }, 120_000);

  it('a region accepts the eligibility bases its coordinator chose; a basis not accepted is refused with its reason', async () => {
    expect((await t.runOk(NeedsAcceptedBasesDocument, { regionId: net.ara.id }, net.ara.tokens.partner)).acceptedEligibilityBases).toHaveLength(6);
    const set = await t.runOk(NeedsSetBasesDocument, { regionId: net.ara.id, bases: ['INCOME_CRITERIA', 'VOUCHER'] }, net.ara.tokens.coordinator);
    expect(set.setAcceptedEligibilityBases).toEqual(['VOUCHER', 'INCOME_CRITERIA']);
    expect((await t.runOk(NeedsAcceptedBasesDocument, { regionId: net.ara.id }, partnerB.token)).acceptedEligibilityBases).toEqual([
      'VOUCHER',
      'INCOME_CRITERIA',
    ]);

    const grant = await t.run(NeedsRecordDocument, { input: need('A-0030', { eligibilityBasis: 'STUDENT_GRANT' }) }, net.ara.tokens.partner);
    expect(await refused(grant)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ELIGIBILITY_BASIS_NOT_ACCEPTED' });
    const noNumber = await t.run(NeedsRecordDocument, { input: need('A-0031', { eligibilityBasis: 'VOUCHER' }) }, net.ara.tokens.partner);
    expect(await refused(noNumber)).toEqual({ code: 'BAD_USER_INPUT', reason: 'VOUCHER_NUMBER_REQUIRED' });
    const strayNumber = await t.run(NeedsRecordDocument, { input: need('A-0032', { voucherNumber: 'PASS-2026-17' }) }, net.ara.tokens.partner);
    expect(await refused(strayNumber)).toEqual({ code: 'BAD_USER_INPUT', reason: 'VOUCHER_NUMBER_NOT_APPLICABLE' });
    expect(await record(need('A-0033', { eligibilityBasis: 'VOUCHER', voucherNumber: 'PASS-2026-17' }))).toMatchObject({ voucherNumber: 'PASS-2026-17' });
    // BFC's own bases are untouched; neither a partner nor another region's coordinator sets ARA's
    expect((await t.runOk(NeedsAcceptedBasesDocument, { regionId: net.bfc.id }, net.bfc.tokens.partner)).acceptedEligibilityBases).toHaveLength(6);
    for (const token of [net.ara.tokens.partner, net.bfc.tokens.coordinator]) {
      expect((await refused(await t.run(NeedsSetBasesDocument, { regionId: net.ara.id, bases: ['VOUCHER'] }, token))).code).toBe('FORBIDDEN');
    }
    expect(await refused(await t.run(NeedsSetBasesDocument, { regionId: net.ara.id, bases: [] }, net.ara.tokens.coordinator))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALUE_REQUIRED',
    });
  }, 60_000);

  it('keeps people pseudonymous: no name or e-mail as a reference, one open need per person and device, a profile’s devices only', async () => {
    for (const beneficiaryRef of ['Jean Dupont', 'jean.dupont@example.org', '', 'x'.repeat(65)]) {
      const res = await t.run(NeedsRecordDocument, { input: need(beneficiaryRef) }, net.ara.tokens.partner);
      expect((await refused(res)).code).toBe('BAD_USER_INPUT');
    }
    expect(await refused(await t.run(NeedsRecordDocument, { input: need('Jean Dupont') }, net.ara.tokens.partner))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PSEUDONYMOUS_REFERENCE_INVALID',
    });
    const voucher = await t.run(
      NeedsRecordDocument,
      { input: need('A-0040', { eligibilityBasis: 'VOUCHER', voucherNumber: 'jean@example.org' }) },
      net.ara.tokens.partner,
    );
    expect((await refused(voucher)).reason).toBe('PSEUDONYMOUS_REFERENCE_INVALID');
    const session = await t.run(
      NeedsRecordAccompanimentDocument,
      { input: { beneficiaryRef: 'Marie Curie', kind: 'FOLLOW_UP', date: new Date().toISOString(), durationMinutes: 30 } },
      net.ara.tokens.partner,
    );
    expect((await refused(session)).reason).toBe('PSEUDONYMOUS_REFERENCE_INVALID');
    const [{ count }] = await t.dataSource.query(`SELECT (SELECT count(*) FROM need) + (SELECT count(*) FROM accompaniment) AS count`);
    expect(Number(count)).toBe(0);

    await record(need('A-0041'));
    expect(await refused(await t.run(NeedsRecordDocument, { input: need('A-0041') }, net.ara.tokens.partner))).toEqual({
      code: 'CONFLICT',
      reason: 'NEED_ALREADY_OPEN',
    });
    // the same person may wait for a tablet too, and another partner's file may carry the same number
    await record(need('A-0041', { category: 'TABLET' }));
    await record(need('A-0041'), partnerB.token);
    const desktop = await t.run(NeedsRecordDocument, { input: need('A-0042', { profile: 'DESIGN_STUDENT', category: 'DESKTOP' }) }, net.ara.tokens.partner);
    expect(await refused(desktop)).toEqual({ code: 'BAD_USER_INPUT', reason: 'NEED_CATEGORY_NOT_FOR_PROFILE' });
  }, 60_000);

  it('shows needs and sessions to their partner and the region’s staff only: never to donors, refurbishers, another partner or region', async () => {
    const mine = await record(need('A-0050'));
    await t.runOk(
      NeedsRecordAccompanimentDocument,
      { input: { beneficiaryRef: 'A-0050', kind: 'DIGITAL_SKILLS_WORKSHOP', date: new Date(Date.now() - DAY).toISOString(), durationMinutes: 90 } },
      net.ara.tokens.partner,
    );
    for (const token of [net.ara.tokens.donor, net.ara.tokens.refurbisher]) {
      for (const res of [
        await t.run(NeedsListDocument, {}, token),
        await t.run(NeedsAccompanimentsDocument, {}, token),
        await t.run(NeedsWaitingListDocument, { regionId: net.ara.id }, token),
        await t.run(NeedsRecordDocument, { input: need('D-0001') }, token),
      ]) {
        expect(res.data).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(JSON.stringify(res)).not.toContain('A-0050');
      }
    }
    // the other partner of the region: nothing of A's, and A's need is as if it did not exist
    expect(await needsOf(partnerB.token)).toEqual([]);
    expect((await t.runOk(NeedsAccompanimentsDocument, {}, partnerB.token)).accompaniments.totalCount).toBe(0);
    expect((await refused(await t.run(NeedsCancelDocument, { needId: mine.id, reason: 'DUPLICATE' }, partnerB.token))).code).toBe('NOT_FOUND');
    expect((await refused(await t.run(NeedsOrderDocument, { input: { needIds: [mine.id] } }, partnerB.token))).code).toBe('NOT_FOUND');
    const forA = await t.run(NeedsRecordDocument, { input: { ...need('B-0050'), partnerId: net.ara.partner } }, partnerB.token);
    expect((await refused(forA)).code).toBe('FORBIDDEN');
    // another region's staff and partner
    expect(await needsOf(net.bfc.tokens.coordinator)).toEqual([]);
    expect((await refused(await t.run(NeedsWaitingListDocument, { regionId: net.ara.id }, net.bfc.tokens.coordinator))).code).toBe('FORBIDDEN');
    expect((await refused(await t.run(NeedsWaitingListDocument, { regionId: net.ara.id }, net.bfc.tokens.partner))).code).toBe('FORBIDDEN');
    // the region's coordinator and the partner itself
    expect((await needsOf(net.ara.tokens.coordinator)).map((n) => n.id)).toEqual([mine.id]);
    expect(
      (await t.runOk(NeedsAccompanimentsDocument, { beneficiaryRef: 'A-0050' }, net.ara.tokens.partner)).accompaniments.edges.map((e) => e.node.kind),
    ).toEqual(['DIGITAL_SKILLS_WORKSHOP']);
  }, 60_000);

  it('counts people equipped and accompanied on the dashboard and in the donor report, without a reference', async () => {
    const a = await record(need('A-0060', { profile: 'SENIOR' }));
    await record(need('A-0061'));
    await stockLaptops(2);
    const order = (await t.runOk(NeedsOrderDocument, { input: { needIds: [a.id] } }, net.ara.tokens.partner)).orderForNeeds;
    await matchOrders(t, net.ara);
    const devices = await orderDeviceIds(t, order.id, net.ara.tokens.partner);
    await shipDevices(t, order.id, devices, net.ara.tokens.refurbisher);
    await confirmDelivery(t, order.id, devices, net.ara.tokens.partner, ['A-0060']);
    const yesterday = new Date(Date.now() - DAY).toISOString();
    // the person equipped is set up and trained; another, still waiting, already comes to workshops
    for (const [beneficiaryRef, kind, durationMinutes] of [
      ['A-0060', 'FIRST_SETUP', 60],
      ['A-0060', 'FOLLOW_UP', 30],
      ['A-0061', 'DIGITAL_SKILLS_WORKSHOP', 120],
    ] as const) {
      await t.runOk(NeedsRecordAccompanimentDocument, { input: { beneficiaryRef, kind, date: yesterday, durationMinutes } }, net.ara.tokens.partner);
    }
    const future = await t.run(
      NeedsRecordAccompanimentDocument,
      { input: { beneficiaryRef: 'A-0060', kind: 'FOLLOW_UP', date: new Date(Date.now() + 2 * DAY).toISOString(), durationMinutes: 30 } },
      net.ara.tokens.partner,
    );
    expect(await refused(future)).toEqual({ code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE' });

    const dashboard = (await t.runOk(NeedsDashboardDocument, { regionId: net.ara.id, ...window() }, net.ara.tokens.coordinator)).regionDashboard;
    expect(dashboard.people).toEqual({
      peopleEquipped: 1,
      peopleAccompanied: 2,
      peopleEquippedAndAccompanied: 1,
      accompanimentSessions: 3,
      accompanimentMinutes: 210,
      needsRecorded: 2,
      needsServed: 1,
    });
    expect(JSON.stringify(dashboard)).not.toMatch(/A-006/);

    const report = await t.run(NeedsDonorImpactDocument, window(), net.ara.tokens.donor);
    expect(report.data!.donorImpactReport).toEqual({ peopleEquipped: 1, peopleAccompanied: 1 });
    expect(JSON.stringify(report)).not.toMatch(/A-006/);
    // the other region's donor gave nothing that was delivered
    expect((await t.runOk(NeedsDonorImpactDocument, window(), net.bfc.tokens.donor)).donorImpactReport).toEqual({ peopleEquipped: 0, peopleAccompanied: 0 });
  }, 120_000);
});
