import { countPeopleEquipped } from '@app/orders/services/people-equipped';
import {
  GradeDeviceDocument,
  LoansConfirmDeliveryDocument,
  LoansConvertLoanToGiftDocument,
  LoansDashboardDocument,
  LoansDeviceDocument,
  LoansExtendLoanDocument,
  LoansLoansDocument,
  LoansOpenRepairTicketDocument,
  LoansOrderRefsDocument,
  LoansRepairTicketsDocument,
  LoansResolveRepairTicketDocument,
  LoansReturnLoanDocument,
  LoansSetWarrantyDocument,
  LoansWarrantyDocument,
} from './generated/graphql';
import { claimLot, declareAndRoute, eraseAndGrade, inIntakeOrder, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { matchOrders, orderDeviceIds, shipDevices, submitOrder } from './support/order-flow';
import { addOrganization } from './support/organization-fixture';
import { GqlResponse, TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const FUTURE = new Date(Date.now() + 30 * DAY).toISOString();
const inDays = (days: number): string => new Date(Date.now() + days * DAY).toISOString();
const reasonOf = (res: GqlResponse) => ({
  code: res.errors?.[0]?.extensions?.code,
  reason: (res.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason,
});

let serial = 0;

describe('the people equipped: gift or loan, returns, warranty and repairs', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second partner of ARA: it must see nothing of the first one's loans and tickets */
  let other: { id: string; token: string };

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    other = await addOrganization(
      t,
      { kind: 'PARTNER', name: 'CCAS de Bron', regionId: net.ara.id, address: { postalCode: '69500', city: 'Bron', location: { lat: 45.73, lon: 4.91 } } },
      { email: 'anne@ccas-bron.test', role: 'PARTNER' },
      net.ara.tokens.coordinator,
    );
  });

  /** Laptops IN_STOCK at ARA's refurbisher, through GraphQL (the lot put COLLECTED by SQL: pickups are tested elsewhere). */
  const stock = async (count: number): Promise<string[]> => {
    const token = net.ara.tokens.refurbisher;
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: count }], {
      pickupAddress: { postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } },
      availableFrom: FUTURE,
    });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const intake = Array.from({ length: count }, () => ({
      serialNumber: `LOAN-SN-${++serial}`,
      category: 'LAPTOP' as const,
      specs: { ramGb: 8, storageGb: 256, ssd: true },
    }));
    const ids = inIntakeOrder(intake, await receiveLot(t, lot.id, intake, token)).map((d) => d.id);
    for (const id of ids) await eraseAndGrade(t, id, token, 'B', { ramGb: 8, storageGb: 256, ssd: true });
    return ids;
  };

  /** One laptop ordered by a partner, matched and shipped to it: the order and the device, ready to be confirmed. */
  const shipOne = async (partnerToken: string): Promise<{ orderId: string; deviceId: string }> => {
    const orderId = await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], partnerToken);
    await matchOrders(t, net.ara);
    const [deviceId] = await orderDeviceIds(t, orderId, partnerToken);
    await shipDevices(t, orderId, [deviceId!], net.ara.tokens.refurbisher);
    return { orderId, deviceId: deviceId! };
  };

  const lend = async (orderId: string, deviceId: string, ref: string, dueDate = inDays(30)) =>
    t.runOk(
      LoansConfirmDeliveryDocument,
      { input: { orderId, deviceIds: [deviceId], beneficiaryRefs: [ref], terms: 'LOAN', dueDate } },
      net.ara.tokens.partner,
    );
  const loansOf = async (token: string, overdueOnly?: boolean) => (await t.runOk(LoansLoansDocument, { overdueOnly }, token)).loans;
  /** the device as this caller reads it; null when it may not */
  const readable = async (id: string, token: string) => (await t.runOk(LoansDeviceDocument, { id }, token)).device;
  const device = async (id: string, token = net.ara.tokens.coordinator) => {
    const seen = await readable(id, token);
    if (!seen) throw new Error(`device ${id} is not readable`);
    return seen;
  };
  const dashboard = async () =>
    (await t.runOk(LoansDashboardDocument, { regionId: net.ara.id, from: inDays(-1), to: inDays(1) }, net.ara.tokens.coordinator)).regionDashboard;

  it('a loan: lent, extended, overdue, returned, erased again and delivered to someone else as a gift, one custody history on the same device', async () => {
    await t.runOk(LoansSetWarrantyDocument, { months: 12 }, net.ara.tokens.refurbisher);
    const [laptop] = await stock(1);
    const first = await shipOne(net.ara.tokens.partner);
    expect(first.deviceId).toBe(laptop);

    // a loan has a due date, in the future and at most three years away; a gift has none
    const confirm = (terms: 'GIFT' | 'LOAN' | null, dueDate?: string) =>
      t.run(LoansConfirmDeliveryDocument, { input: { orderId: first.orderId, deviceIds: [laptop!], terms, dueDate } }, net.ara.tokens.partner);
    expect(reasonOf(await confirm('LOAN'))).toEqual({ code: 'BAD_USER_INPUT', reason: 'LOAN_DUE_DATE_INVALID' });
    expect(reasonOf(await confirm('LOAN', inDays(-1)))).toEqual({ code: 'BAD_USER_INPUT', reason: 'LOAN_DUE_DATE_INVALID' });
    expect(reasonOf(await confirm('LOAN', inDays(4 * 366)))).toEqual({ code: 'BAD_USER_INPUT', reason: 'LOAN_DUE_DATE_INVALID' });
    expect(reasonOf(await confirm('GIFT', inDays(30)))).toEqual({ code: 'BAD_USER_INPUT', reason: 'LOAN_DUE_DATE_INVALID' });
    expect(await t.count('loan')).toBe(0);
    expect((await device(laptop!)).status).toBe('SHIPPED');

    const dueDate = inDays(30);
    expect((await lend(first.orderId, laptop!, 'DOSSIER-1', dueDate)).confirmDelivery.status).toBe('DELIVERED');
    const delivered = await device(laptop!, net.ara.tokens.partner);
    expect(delivered.status).toBe('DELIVERED');
    // the warranty the refurbisher gives starts at delivery
    const warrantyDays = (Date.parse(delivered.warrantyUntil!) - Date.now()) / DAY;
    expect(warrantyDays).toBeGreaterThan(360);
    expect(warrantyDays).toBeLessThan(370);

    // the partner sees its loan and the person's reference; the refurbisher the loan without it; the other partner nothing
    const mine = await loansOf(net.ara.tokens.partner);
    expect(mine.totalCount).toBe(1);
    const loan = mine.edges[0]!.node;
    expect(loan).toMatchObject({
      status: 'ACTIVE',
      dueDate,
      extensions: 0,
      overdue: false,
      beneficiaryRef: 'DOSSIER-1',
      device: { id: laptop, status: 'DELIVERED' },
    });
    expect((await loansOf(net.ara.tokens.refurbisher)).edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: loan.id, beneficiaryRef: null })]);
    expect((await loansOf(other.token)).totalCount).toBe(0);
    expect((await loansOf(net.bfc.tokens.coordinator)).totalCount).toBe(0);
    expect(await t.runError(LoansLoansDocument, {}, net.ara.tokens.donor)).toBe('FORBIDDEN');
    // another partner cannot act on it: not found, as if it did not exist
    expect(await t.runError(LoansExtendLoanDocument, { loanId: loan.id, dueDate: inDays(60) }, other.token)).toBe('NOT_FOUND');
    expect(await t.runError(LoansReturnLoanDocument, { loanId: loan.id }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');

    // extended: later only
    const extended = (await t.runOk(LoansExtendLoanDocument, { loanId: loan.id, dueDate: inDays(60) }, net.ara.tokens.partner)).extendLoan;
    expect(extended).toMatchObject({ extensions: 1, overdue: false });
    expect(reasonOf(await t.run(LoansExtendLoanDocument, { loanId: loan.id, dueDate: inDays(45) }, net.ara.tokens.partner))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'LOAN_DUE_DATE_INVALID',
    });

    // a month later nobody has brought it back (the due date put in the past: a test does not wait a month)
    await t.dataSource.query(`UPDATE loan SET due_date = now() - interval '2 days' WHERE id = $1`, [loan.id]);
    const overdue = await loansOf(net.ara.tokens.partner, true);
    expect(overdue.edges.map((e) => [e.node.id, e.node.overdue])).toEqual([[loan.id, true]]);
    expect((await loansOf(other.token, true)).totalCount).toBe(0);
    expect((await dashboard()).loans).toEqual({ active: 1, overdue: 1 });

    // returned by the partner: back in the refurbisher's custody, on the workbench
    const returned = (await t.runOk(LoansReturnLoanDocument, { loanId: loan.id }, net.ara.tokens.partner)).returnLoan;
    // the partner no longer reads the device nor, with no live work together, the workshop; the coordinator sees where it went
    expect(returned).toMatchObject({ status: 'RETURNED', overdue: false, device: null });
    const asStaff = (await t.runOk(LoansLoansDocument, { loanId: loan.id }, net.ara.tokens.coordinator)).loans.edges[0]!.node;
    expect(asStaff).toMatchObject({ status: 'RETURNED', returnedTo: { id: net.ara.refurbisher }, device: { id: laptop, status: 'RECEIVED' } });
    expect(returned.endedAt).not.toBeNull();
    expect(await readable(laptop!, net.ara.tokens.partner)).toBeNull();
    expect(await device(laptop!, net.ara.tokens.refurbisher)).toMatchObject({
      status: 'RECEIVED',
      warrantyUntil: null,
      refurbisher: { id: net.ara.refurbisher },
    });
    expect((await loansOf(net.ara.tokens.partner, true)).totalCount).toBe(0);
    expect((await dashboard()).loans).toEqual({ active: 0, overdue: 0 });
    // over: nothing more changes it
    expect(reasonOf(await t.run(LoansExtendLoanDocument, { loanId: loan.id, dueDate: inDays(90) }, net.ara.tokens.partner))).toEqual({
      code: 'CONFLICT',
      reason: 'FINAL_STATE',
    });

    // the borrower's data may be on it: no grading before a new erasure
    const gradeEarly = await t.run(GradeDeviceDocument, { input: { deviceId: laptop!, grade: 'B', os: 'Xubuntu 24.04' } }, net.ara.tokens.refurbisher);
    expect(gradeEarly.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await eraseAndGrade(t, laptop!, net.ara.tokens.refurbisher, 'B', { ramGb: 8, storageGb: 256, ssd: true });

    // the same device goes to another partner's person, as a gift
    const second = await shipOne(other.token);
    expect(second.deviceId).toBe(laptop);
    await t.runOk(LoansConfirmDeliveryDocument, { input: { orderId: second.orderId, deviceIds: [laptop!], beneficiaryRefs: ['B-77'] } }, other.token);
    expect(await t.count('loan')).toBe(1);

    // one continuous chain of custody on the one device row
    const history = (await device(laptop!)).history;
    const steps = history.map((e) => `${e.action}:${e.fromStatus ?? ''}>${e.toStatus ?? ''}`);
    expect(steps).toEqual([
      'RECEIVED:>RECEIVED',
      'ERASED:RECEIVED>WIPED',
      'GRADED:WIPED>IN_STOCK',
      'RESERVED:IN_STOCK>RESERVED',
      'SHIPPED:RESERVED>SHIPPED',
      'DELIVERED:SHIPPED>DELIVERED',
      'LOAN_RETURNED:DELIVERED>RECEIVED',
      'ERASED:RECEIVED>WIPED',
      'GRADED:WIPED>IN_STOCK',
      'RESERVED:IN_STOCK>RESERVED',
      'SHIPPED:RESERVED>SHIPPED',
      'DELIVERED:SHIPPED>DELIVERED',
    ]);
    expect(history.map((e) => Date.parse(e.at))).toEqual([...history.map((e) => Date.parse(e.at))].sort((a, b) => a - b));

    // both people are kept, each by their own partner; each partner reads only its own
    expect((await t.runOk(LoansOrderRefsDocument, { id: first.orderId }, net.ara.tokens.partner)).order!.lines[0]!.beneficiaryRefs).toEqual(['DOSSIER-1']);
    expect((await t.runOk(LoansOrderRefsDocument, { id: second.orderId }, other.token)).order!.lines[0]!.beneficiaryRefs).toEqual(['B-77']);
    expect((await t.runOk(LoansOrderRefsDocument, { id: first.orderId }, other.token)).order).toBeNull();
    expect(await countPeopleEquipped(t.dataSource.manager, net.ara.donor, new Date(Date.now() - DAY), new Date(Date.now() + DAY))).toBe(2);
    // the partner that lent it no longer reads the device, the new one does
    expect(await readable(laptop!, net.ara.tokens.partner)).toBeNull();
    expect((await device(laptop!, other.token)).status).toBe('DELIVERED');

    // the donor follows its device's whole journey, never who had it
    const seenByDonor = JSON.stringify(await device(laptop!, net.ara.tokens.donor));
    expect(seenByDonor).toContain('LOAN_RETURNED');
    expect(seenByDonor).not.toMatch(/DOSSIER-1|B-77/);
  });

  it('a loan converted to a gift stays with the person: never overdue, never returned', async () => {
    await stock(1);
    const { orderId, deviceId } = await shipOne(net.ara.tokens.partner);
    await lend(orderId, deviceId, 'DOSSIER-2');
    const [{ node: loan }] = (await loansOf(net.ara.tokens.partner)).edges;
    // the refurbisher takes devices back, it does not give them away
    expect(await t.runError(LoansConvertLoanToGiftDocument, { loanId: loan!.id }, net.ara.tokens.refurbisher)).toBe('FORBIDDEN');
    const converted = (await t.runOk(LoansConvertLoanToGiftDocument, { loanId: loan!.id }, net.ara.tokens.partner)).convertLoanToGift;
    expect(converted).toMatchObject({ status: 'CONVERTED', overdue: false, device: { id: deviceId, status: 'DELIVERED' } });
    await t.dataSource.query(`UPDATE loan SET due_date = now() - interval '1 day' WHERE id = $1`, [loan!.id]);
    expect((await loansOf(net.ara.tokens.partner, true)).totalCount).toBe(0);
    expect(reasonOf(await t.run(LoansReturnLoanDocument, { loanId: loan!.id }, net.ara.tokens.refurbisher))).toEqual({
      code: 'CONFLICT',
      reason: 'FINAL_STATE',
    });
    expect((await device(deviceId)).status).toBe('DELIVERED');
  });

  it('two returns of one loan at once: one takes the device back, the other is told it is over', async () => {
    await stock(1);
    const { orderId, deviceId } = await shipOne(net.ara.tokens.partner);
    await lend(orderId, deviceId, 'DOSSIER-3');
    const [{ node: loan }] = (await loansOf(net.ara.tokens.partner)).edges;
    const answers = await Promise.all([
      t.run(LoansReturnLoanDocument, { loanId: loan!.id }, net.ara.tokens.partner),
      t.run(LoansReturnLoanDocument, { loanId: loan!.id }, net.ara.tokens.refurbisher),
    ]);
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const history = (await device(deviceId)).history;
    expect(history.filter((e) => e.action === 'LOAN_RETURNED')).toHaveLength(1);
    expect((await device(deviceId)).status).toBe('RECEIVED');
  });

  it('a repair swap: the person gets another device of the stock, the faulty one goes back to the workshop, both histories kept', async () => {
    await t.runOk(LoansSetWarrantyDocument, { refurbisherId: net.ara.refurbisher, months: 6 }, net.ara.tokens.coordinator);
    const [faulty] = await stock(1);
    const { orderId } = await shipOne(net.ara.tokens.partner);
    await lend(orderId, faulty!, 'DOSSIER-4', inDays(90));
    const [spare] = await stock(1);

    // the partner reports what fails, without anyone's contact details
    const open = (symptom: string, token = net.ara.tokens.partner) => t.run(LoansOpenRepairTicketDocument, { deviceId: faulty!, symptom }, token);
    expect(reasonOf(await open('écran noir, rappeler Mme Martin au 06 12 34 56 78'))).toEqual({ code: 'BAD_USER_INPUT', reason: 'PERSONAL_DATA_REFUSED' });
    expect((await open('écran noir', other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await open('écran noir', net.ara.tokens.donor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ticket = (await t.runOk(LoansOpenRepairTicketDocument, { deviceId: faulty!, symptom: 'écran noir au démarrage' }, net.ara.tokens.partner))
      .openRepairTicket;
    expect(ticket).toMatchObject({ status: 'OPEN', underWarranty: true, outcome: null, turnaroundHours: null, device: { id: faulty } });
    expect(reasonOf(await open('toujours noir'))).toEqual({ code: 'CONFLICT', reason: 'REPAIR_TICKET_ALREADY_OPEN' });
    // a device still in stock has no one to repair it for
    expect(reasonOf(await t.run(LoansOpenRepairTicketDocument, { deviceId: spare!, symptom: 'rien' }, net.ara.tokens.coordinator))).toEqual({
      code: 'CONFLICT',
      reason: 'DEVICE_NOT_DELIVERED',
    });

    // the refurbisher replaces it by a device of its stock, not by the faulty one nor by nothing
    const resolve = (outcome: 'REPLACED' | 'REPAIRED' | 'CLOSED', replacementDeviceId?: string, token = net.ara.tokens.refurbisher) =>
      t.run(LoansResolveRepairTicketDocument, { ticketId: ticket.id, outcome, replacementDeviceId, resolution: 'carte mère' }, token);
    expect(reasonOf(await resolve('REPLACED'))).toEqual({ code: 'BAD_USER_INPUT', reason: 'REPLACEMENT_DEVICE_INVALID' });
    expect(reasonOf(await resolve('REPLACED', faulty))).toEqual({ code: 'BAD_USER_INPUT', reason: 'REPLACEMENT_DEVICE_INVALID' });
    expect((await resolve('REPLACED', spare, net.bfc.tokens.refurbisher)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await resolve('REPLACED', spare, net.ara.tokens.partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resolved = (await resolve('REPLACED', spare)).data!.resolveRepairTicket;
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcome: 'REPLACED', replacementDevice: { id: spare, status: 'DELIVERED' } });
    expect(resolved.turnaroundHours).toBeGreaterThanOrEqual(0);
    expect(reasonOf(await resolve('CLOSED'))).toEqual({ code: 'CONFLICT', reason: 'FINAL_STATE' });

    // the faulty device is back on the workbench; the spare is with the person, on the same order line and reference
    expect(await device(faulty!, net.ara.tokens.refurbisher)).toMatchObject({ status: 'RECEIVED', warrantyUntil: null });
    const given = await device(spare!, net.ara.tokens.partner);
    expect(given.status).toBe('DELIVERED');
    // the warranty goes on to the same end
    const [warranty] = await t.dataSource.query(`SELECT count(DISTINCT warranty_until)::int AS ends FROM device_warranty`);
    expect(warranty.ends).toBe(1);
    expect(given.warrantyUntil).not.toBeNull();
    expect(await orderDeviceIds(t, orderId, net.ara.tokens.partner)).toEqual([spare]);
    expect((await t.runOk(LoansOrderRefsDocument, { id: orderId }, net.ara.tokens.partner)).order!.lines[0]).toEqual({
      deliveredQuantity: 1,
      beneficiaryRefs: ['DOSSIER-4'],
    });
    expect(await countPeopleEquipped(t.dataSource.manager, net.ara.donor, new Date(Date.now() - DAY), new Date(Date.now() + DAY))).toBe(1);

    // the loan goes on with the spare, due the same day
    const loans = (await loansOf(net.ara.tokens.partner)).edges.map((e) => e.node);
    expect(loans.map((l) => [l.status, l.device?.id ?? null]).sort()).toEqual([
      ['ACTIVE', spare],
      ['REPLACED', null],
    ]);
    expect(new Set(loans.map((l) => l.dueDate)).size).toBe(1);

    // both chains of custody, each on its own device
    const steps = async (id: string) => (await device(id)).history.map((e) => `${e.action}:${e.toStatus}`);
    expect((await steps(faulty!)).slice(-2)).toEqual(['DELIVERED:DELIVERED', 'REPLACED_UNDER_WARRANTY:RECEIVED']);
    expect((await steps(spare!)).slice(-3)).toEqual(['RESERVED:RESERVED', 'SHIPPED:SHIPPED', 'DELIVERED:DELIVERED']);

    // the ticket is found from either device, by the partner, the refurbisher and staff; by nobody else
    for (const token of [net.ara.tokens.partner, net.ara.tokens.refurbisher, net.ara.tokens.coordinator]) {
      expect((await t.runOk(LoansRepairTicketsDocument, { deviceId: spare }, token)).repairTickets.edges.map((e) => e.node.id)).toEqual([ticket.id]);
    }
    expect((await t.runOk(LoansRepairTicketsDocument, {}, other.token)).repairTickets.totalCount).toBe(0);
    expect((await t.runOk(LoansRepairTicketsDocument, {}, net.bfc.tokens.coordinator)).repairTickets.totalCount).toBe(0);
    expect(await t.runError(LoansRepairTicketsDocument, {}, net.ara.tokens.donor)).toBe('FORBIDDEN');

    // the dashboard counts the ticket and its turnaround, and the loan that goes on
    expect(await dashboard()).toEqual({
      repairTickets: {
        opened: 1,
        underWarranty: 1,
        resolved: 1,
        repaired: 0,
        replaced: 1,
        closed: 0,
        openNow: 0,
        medianTurnaroundHours: expect.any(Number),
      },
      loans: { active: 1, overdue: 0 },
    });
  });

  it('warranty: set by the refurbisher for what it delivers next; a ticket outside it is opened and says so', async () => {
    expect(await t.runError(LoansSetWarrantyDocument, { refurbisherId: net.ara.refurbisher, months: 12 }, net.ara.tokens.partner)).toBe('FORBIDDEN');
    expect(await t.runError(LoansSetWarrantyDocument, { months: 61 }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
    expect(await t.runError(LoansSetWarrantyDocument, { refurbisherId: net.bfc.refurbisher, months: 12 }, net.ara.tokens.coordinator)).toBe('NOT_FOUND');
    expect(await t.runError(LoansSetWarrantyDocument, { refurbisherId: net.ara.partner, months: 12 }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    expect((await t.runOk(LoansSetWarrantyDocument, { months: 0 }, net.ara.tokens.refurbisher)).setWarranty).toEqual({
      months: 0,
      refurbisher: { id: net.ara.refurbisher },
    });
    await stock(1);
    const { orderId, deviceId } = await shipOne(net.ara.tokens.partner);
    await t.runOk(LoansConfirmDeliveryDocument, { input: { orderId, deviceIds: [deviceId] } }, net.ara.tokens.partner);
    // a later, longer warranty does not reach back to what was delivered before
    await t.runOk(LoansSetWarrantyDocument, { months: 24 }, net.ara.tokens.refurbisher);
    // what is set reads back, for the refurbisher and its coordinator; a partner does not read it, another region's coordinator finds nothing
    expect((await t.runOk(LoansWarrantyDocument, {}, net.ara.tokens.refurbisher)).warranty).toMatchObject({
      months: 24,
      refurbisher: { id: net.ara.refurbisher },
    });
    expect((await t.runOk(LoansWarrantyDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.coordinator)).warranty.months).toBe(24);
    expect(await t.runError(LoansWarrantyDocument, { refurbisherId: net.ara.refurbisher }, net.ara.tokens.partner)).toBe('FORBIDDEN');
    expect(await t.runError(LoansWarrantyDocument, { refurbisherId: net.ara.refurbisher }, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
    // one that never set a warranty gives none
    expect((await t.runOk(LoansWarrantyDocument, {}, net.bfc.tokens.refurbisher)).warranty).toMatchObject({ months: 0, updatedAt: null });
    const ticket = (await t.runOk(LoansOpenRepairTicketDocument, { deviceId, symptom: 'clavier : touches @ et # muettes' }, net.ara.tokens.partner))
      .openRepairTicket;
    expect(ticket).toMatchObject({ status: 'OPEN', underWarranty: false, symptom: 'clavier : touches @ et # muettes' });
    const repaired = (
      await t.runOk(LoansResolveRepairTicketDocument, { ticketId: ticket.id, outcome: 'REPAIRED', resolution: 'clavier changé' }, net.ara.tokens.refurbisher)
    ).resolveRepairTicket;
    expect(repaired).toMatchObject({ outcome: 'REPAIRED', replacementDevice: null, device: { id: deviceId, status: 'DELIVERED' } });
    expect((await dashboard()).repairTickets).toMatchObject({ opened: 1, underWarranty: 0, repaired: 1, openNow: 0 });
    // no loan was made of a gift
    expect(await t.count('loan')).toBe(0);
  });
});
