import { RequestContext } from '@app/common';
import { LoanReturnService } from '@app/orders/loans/loan-return.service';
import { RepairTicketOpeningService } from '@app/orders/repairs/repair-ticket-opening.service';
import { RemindLoansJob, SendDailyDigestsJob } from '@app/notifications';
import {
  Notify2ConfirmDeliveryDocument,
  Notify2ExtendLoanDocument,
  Notify2InboxDocument,
  Notify2IssueTaxReceiptDocument,
  Notify2LoansDocument,
  Notify2OpenRepairTicketDocument,
  Notify2OrderForNeedsDocument,
  Notify2RecordNeedDocument,
  Notify2ResolveRepairTicketDocument,
  Notify2ReturnLoanDocument,
  Notify2SetPreferenceDocument,
  Notify2SetPricesDocument,
} from './generated/graphql';
import {
  claimLot,
  declareAndRoute,
  declareDonation,
  eraseAndGrade,
  inIntakeOrder,
  LYON,
  markCollected,
  receiveLot,
  routeDonations,
} from './support/donation-flow';
import { callerOf } from './support/edge-walk';
import { addGrenobleRefurbisher, NetworkFixture, seedNetwork } from './support/network-fixture';
import { matchOrders, orderDeviceIds, shipDevices, submitOrder } from './support/order-flow';
import { addOrganization } from './support/organization-fixture';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const DAY = 24 * 3600_000;
const PUBLIC_URL = 'https://reemploi.test';
const inDays = (days: number): string => new Date(Date.now() + days * DAY).toISOString();
/** every address of ARA and BFC that is not the one told: nobody else of the region (nor the other) hears */
const EVERYONE = ['donor', 'refurbisher', 'partner', 'coordinator'].flatMap((role) => [`${role}@ara.test`, `${role}@bfc.test`]);

let serial = 0;

/**
 * The events of the people equipped and of the paperwork, through GraphQL with the worker and a
 * real SMTP server: each reaches exactly the people it concerns, once, in French, with the console
 * page where they act; a command rolled back tells nobody.
 */
describe('notifications of loans, repairs, invoices, tax receipts, agreements and needs served', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let grenoble: { id: string; token: string };
  const smtp = new SmtpCapture();

  /** The rows the notify job wrote for an event, as (recipient e-mail, delivery): the inbox is the record, e-mails follow it. */
  const told = async (event: string, payloadKey: string, id: string): Promise<Array<[string, string]>> => {
    const rows: Array<{ email: string; delivery: string }> = await t.dataSource.query(
      `SELECT u.email, n.delivery FROM notification n JOIN "user" u ON u.id = n.user_id WHERE n.event = $1 AND n.payload->>$2 = $3 ORDER BY u.email`,
      [event, payloadKey, id],
    );
    return rows.map((r) => [r.email, r.delivery]);
  };
  const toldOnce = (event: string, payloadKey: string, id: string) =>
    waitFor(`${event} recorded`, async () => {
      const rows = await told(event, payloadKey, id);
      return rows.length ? rows : null;
    });

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    // routing and matching are the tests' (routeDonations, matchOrders): the worker's debounced runs would race them
    t = await TestApp.start({ smtpUrl, publicUrl: PUBLIC_URL, routingDebounceMs: 600_000 }, { withWorker: true });
    await t.reset();
    net = await seedNetwork(t);
    grenoble = await addGrenobleRefurbisher(t, net);
    await addOrganization(
      t,
      { kind: 'PARTNER', name: 'CCAS de Bron', regionId: net.ara.id, address: { postalCode: '69500', city: 'Bron', location: { lat: 45.73, lon: 4.91 } } },
      { email: 'anne@ccas-bron.test', role: 'PARTNER' },
      net.ara.tokens.coordinator,
    );
  }, 90_000);

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  /** Laptops IN_STOCK at ARA's Lyon workshop; returns the devices and their donation. */
  const stock = async (count: number): Promise<{ deviceIds: string[]; donationId: string }> => {
    const token = net.ara.tokens.refurbisher;
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: count }], { pickupAddress: LYON, availableFrom: inDays(30) });
    await claimLot(t, lot.id, token);
    await markCollected(t, lot.id);
    const intake = Array.from({ length: count }, () => ({
      serialNumber: `N2-SN-${++serial}`,
      category: 'LAPTOP' as const,
      specs: { ramGb: 8, storageGb: 256, ssd: true },
    }));
    const deviceIds = inIntakeOrder(intake, await receiveLot(t, lot.id, intake, token)).map((d) => d.id);
    for (const id of deviceIds) await eraseAndGrade(t, id, token, 'B', { ramGb: 8, storageGb: 256, ssd: true });
    return { deviceIds, donationId: lot.donationId };
  };

  /** One laptop ordered by ARA's partner, matched and shipped to it. */
  const shipOne = async (): Promise<{ orderId: string; deviceId: string }> => {
    const orderId = await submitOrder(t, [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }], net.ara.tokens.partner);
    await matchOrders(t, net.ara);
    const [deviceId] = await orderDeviceIds(t, orderId, net.ara.tokens.partner);
    await shipDevices(t, orderId, [deviceId!], net.ara.tokens.refurbisher);
    return { orderId, deviceId: deviceId! };
  };

  const serialOf = async (deviceId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT serial_number FROM device WHERE id = $1`, [deviceId]))[0].serial_number as string;

  it('a loan: the partner alone is reminded before its due date and told when it is late, once per due date; an extension re-arms; the workshop taking it back hears of its return', async () => {
    await stock(1);
    const { orderId, deviceId } = await shipOne();
    await t.runOk(
      Notify2ConfirmDeliveryDocument,
      { input: { orderId, deviceIds: [deviceId], beneficiaryRefs: ['PRET-N2-1'], terms: 'LOAN', dueDate: inDays(2) } },
      net.ara.tokens.partner,
    );
    const loanId = (await t.runOk(Notify2LoansDocument, {}, net.ara.tokens.partner)).loans.edges[0]!.node.id;
    const job = t.app.get(RemindLoansJob);

    // due in two days: reminded; the sweep run again (the same day, or by two workers) asks nothing more
    expect(await job.handle()).toEqual({ dueSoon: 1, overdue: 0 });
    expect(await job.handle()).toEqual({ dueSoon: 0, overdue: 0 });
    const soon = await smtp.waitFor('partner@ara.test', /Prêt à rendre le/);
    expect(soon.raw).toContain(`Pour agir : ${PUBLIC_URL}/prets`);
    expect(soon.raw).toContain(await serialOf(deviceId));
    // the person's reference stays in the console: e-mails travel
    expect(soon.raw).not.toContain('PRET-N2-1');
    expect(await toldOnce('LOAN_DUE_SOON', 'loanId', loanId)).toEqual([['partner@ara.test', 'IMMEDIATE']]);
    expect(await job.handle()).toEqual({ dueSoon: 0, overdue: 0 });

    // moved later, still within three days: a new due date, a new reminder
    await t.runOk(Notify2ExtendLoanDocument, { loanId, dueDate: inDays(2.5) }, net.ara.tokens.partner);
    expect(await job.handle()).toEqual({ dueSoon: 1, overdue: 0 });
    await waitFor('the second reminder', async () => smtp.to('partner@ara.test', /Prêt à rendre le/).length === 2);

    // the due date passes (put in the past: a test does not wait): late, told once even when two sweeps run at once
    await t.dataSource.query(`UPDATE loan SET due_date = now() - interval '1 day' WHERE id = $1`, [loanId]);
    const both = await Promise.all([job.handle(), job.handle()]);
    expect(both.map((r) => r.dueSoon)).toEqual([0, 0]);
    expect(both.reduce((n, r) => n + r.overdue, 0)).toBeGreaterThanOrEqual(1);
    const late = await smtp.waitFor('partner@ara.test', /Prêt en retard depuis le/);
    expect(late.raw).toContain('transformez-le en don');
    expect(await toldOnce('LOAN_OVERDUE', 'loanId', loanId)).toEqual([['partner@ara.test', 'IMMEDIATE']]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await job.handle()).toEqual({ dueSoon: 0, overdue: 0 });
    expect(smtp.recipients(/Prêt à rendre le/)).toEqual(['partner@ara.test', 'partner@ara.test']);
    expect(smtp.recipients(/Prêt en retard/)).toEqual(['partner@ara.test']);

    // given back to Grenoble's workshop: that workshop is told, not the one that lent it, nor anyone else
    await t.runOk(Notify2ReturnLoanDocument, { loanId, refurbisherId: grenoble.id }, net.ara.tokens.partner);
    const back = await smtp.waitFor('atelier@grenoble.test', /Prêt rendu/);
    expect(back.raw).toContain(`Pour agir : ${PUBLIC_URL}/atelier`);
    expect(back.raw).toContain('effacez-le à nouveau');
    expect(await toldOnce('LOAN_RETURNED', 'loanId', loanId)).toEqual([['atelier@grenoble.test', 'IMMEDIATE']]);
    expect(smtp.recipients(/Prêt rendu/)).toEqual(['atelier@grenoble.test']);
    // an ended loan is reminded of no more
    expect(await job.handle()).toEqual({ dueSoon: 0, overdue: 0 });
  });

  it('a repair ticket reaches the workshop that delivered the device, and its outcome the partner, in French', async () => {
    await stock(1);
    const { orderId, deviceId } = await shipOne();
    await t.runOk(Notify2ConfirmDeliveryDocument, { input: { orderId, deviceIds: [deviceId], beneficiaryRefs: ['REP-N2-1'] } }, net.ara.tokens.partner);
    const serialNumber = await serialOf(deviceId);

    const ticket = (await t.runOk(Notify2OpenRepairTicketDocument, { deviceId, symptom: 'écran noir au démarrage' }, net.ara.tokens.partner)).openRepairTicket;
    const opened = await smtp.waitFor('refurbisher@ara.test', new RegExp(`Demande de réparation : appareil n° ${serialNumber}`));
    expect(opened.raw).toContain('« écran noir au démarrage »');
    expect(opened.raw).toContain(`Pour agir : ${PUBLIC_URL}/reparations`);
    expect(await toldOnce('REPAIR_TICKET_OPENED', 'ticketId', ticket.id)).toEqual([['refurbisher@ara.test', 'IMMEDIATE']]);

    await t.runOk(
      Notify2ResolveRepairTicketDocument,
      { ticketId: ticket.id, outcome: 'REPAIRED', resolution: 'nappe d’écran changée' },
      net.ara.tokens.refurbisher,
    );
    const resolved = await smtp.waitFor('partner@ara.test', new RegExp(`Réparation traitée : appareil n° ${serialNumber}`));
    expect(resolved.raw).toContain('l’appareil est réparé et reste à la personne');
    expect(resolved.raw).toContain('« nappe d’écran changée »');
    expect(resolved.raw).not.toContain('REPAIRED');
    expect(await toldOnce('REPAIR_TICKET_RESOLVED', 'ticketId', ticket.id)).toEqual([['partner@ara.test', 'IMMEDIATE']]);

    // nobody else of the region, nor the other partner, nor the other workshop
    expect(smtp.recipients(new RegExp(`Demande de réparation : appareil n° ${serialNumber}`))).toEqual(['refurbisher@ara.test']);
    expect(smtp.recipients(new RegExp(`Réparation traitée : appareil n° ${serialNumber}`))).toEqual(['partner@ara.test']);
  });

  it('an invoice at shipment goes to the partner’s evening digest with its number and order; a delivery note (nothing to pay) tells nobody', async () => {
    // the first shipment is free: a delivery note
    await stock(2);
    const free = await shipOne();
    expect(await t.dataSource.query(`SELECT kind FROM invoice WHERE order_id = $1`, [free.orderId])).toEqual([{ kind: 'DELIVERY_NOTE' }]);
    await t.runOk(Notify2SetPricesDocument, { input: { prices: [{ category: 'LAPTOP', grade: 'B', priceCents: 4500 }] } }, net.ara.tokens.refurbisher);
    const paid = await shipOne();
    const [invoice] = await t.dataSource.query(
      `SELECT i.id, i.number, i.kind, o.reference FROM invoice i JOIN partner_order o ON o.id = i.order_id WHERE i.order_id = $1`,
      [paid.orderId],
    );
    expect(invoice.kind).toBe('INVOICE');
    expect(await toldOnce('INVOICE_ISSUED', 'invoiceId', invoice.id)).toEqual([['partner@ara.test', 'DAILY_DIGEST']]);
    expect(await t.dataSource.query(`SELECT 1 FROM notification WHERE event = 'INVOICE_ISSUED' AND payload->>'invoiceId' <> $1`, [invoice.id])).toEqual([]);

    const inbox = (await t.runOk(Notify2InboxDocument, { first: 50 }, net.ara.tokens.partner)).notifications.edges.map((e) => e.node);
    expect(inbox.find((n) => n.event === 'INVOICE_ISSUED')).toMatchObject({
      title: `Facture ${invoice.number} pour la commande ${invoice.reference}`,
      link: `${PUBLIC_URL}/commandes/${paid.orderId}`,
      reference: invoice.number,
    });
    expect(smtp.to('partner@ara.test', /^Facture/)).toHaveLength(0);
    await t.app.get(SendDailyDigestsJob).handle();
    const digest = await smtp.waitFor('partner@ara.test', /Votre récapitulatif/);
    expect(digest.raw).toContain(`la facture ${invoice.number} de 45,00\u00a0€`);
    expect(digest.raw).toContain(`${PUBLIC_URL}/commandes/${paid.orderId}`);
  });

  it('a donation’s agreement is announced to its donor once, at the first claim; a tax receipt to its donor with its number', async () => {
    // Lyon's workshop takes one laptop a week: a donation of three is split between it and Grenoble's
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 1 WHERE organization_id = $1 AND category = 'LAPTOP'`, [net.ara.refurbisher]);
    const donationId = await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 3 }], { pickupAddress: LYON, availableFrom: inDays(30) });
    const lots = (await routeDonations(t, net.ara)).filter((l) => l.donationId === donationId);
    await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 100 WHERE organization_id = $1 AND category = 'LAPTOP'`, [net.ara.refurbisher]);
    expect(lots).toHaveLength(2);
    const lyonLot = lots.find((l) => l.refurbisherId === net.ara.refurbisher)!;
    const grenobleLot = lots.find((l) => l.refurbisherId === grenoble.id)!;
    await claimLot(t, grenobleLot.id, grenoble.token);
    await claimLot(t, lyonLot.id, net.ara.tokens.refurbisher);
    const [{ reference }] = await t.dataSource.query(`SELECT reference FROM donation WHERE id = $1`, [donationId]);
    const subject = new RegExp(`Don ${reference} : convention de don disponible`);
    const mail = await smtp.waitFor('donor@ara.test', subject);
    expect(mail.raw).toContain(`Pour agir : ${PUBLIC_URL}/dons/${donationId}`);
    expect(mail.raw).toContain('Atelier Grenoble a accepté un lot');
    expect(await toldOnce('DONATION_AGREEMENT_READY', 'donationId', donationId)).toEqual([['donor@ara.test', 'IMMEDIATE']]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.recipients(subject)).toEqual(['donor@ara.test']);

    // a receipt for a donation whose devices the workshop received
    const { donationId: given } = await stock(1);
    await t.dataSource.query(`UPDATE organization SET tax_receipt_eligible = true WHERE id = $1`, [net.ara.refurbisher]);
    const receipt = (await t.runOk(Notify2IssueTaxReceiptDocument, { input: { donationId: given, valuationCents: 12000 } }, net.ara.tokens.refurbisher))
      .issueTaxReceipt;
    const told = await smtp.waitFor('donor@ara.test', new RegExp(`Reçu fiscal ${receipt.number} émis`));
    expect(told.raw).toContain('de 120,00\u00a0€');
    expect(told.raw).toContain(`Pour agir : ${PUBLIC_URL}/dons/${given}`);
    expect(await toldOnce('TAX_RECEIPT_ISSUED', 'taxReceiptId', receipt.id)).toEqual([['donor@ara.test', 'IMMEDIATE']]);
    expect(smtp.recipients(new RegExp(`Reçu fiscal ${receipt.number}`))).toEqual(['donor@ara.test']);
  });

  it('a need served tells the partner that recorded it, without its reference, with the link to its needs', async () => {
    await stock(1);
    // the partner wants these at once rather than in the evening digest
    await t.runOk(Notify2SetPreferenceDocument, { event: 'NEED_SERVED', delivery: 'IMMEDIATE' }, net.ara.tokens.partner);
    const need = (
      await t.runOk(
        Notify2RecordNeedDocument,
        { input: { beneficiaryRef: 'BESOIN-N2-7', profile: 'STUDENT', referralSource: 'JOB_CENTRE', eligibilityBasis: 'INCOME_CRITERIA' } },
        net.ara.tokens.partner,
      )
    ).recordNeed;
    const orderId = (await t.runOk(Notify2OrderForNeedsDocument, { input: { needIds: [need.id] } }, net.ara.tokens.partner)).orderForNeeds.id;
    await matchOrders(t, net.ara);
    const [deviceId] = await orderDeviceIds(t, orderId, net.ara.tokens.partner);
    await shipDevices(t, orderId, [deviceId!], net.ara.tokens.refurbisher);
    await t.runOk(Notify2ConfirmDeliveryDocument, { input: { orderId, deviceIds: [deviceId!], beneficiaryRefs: ['BESOIN-N2-7'] } }, net.ara.tokens.partner);

    const mail = await smtp.waitFor('partner@ara.test', /Un besoin en attente a été servi/);
    expect(mail.raw).toMatch(/Un besoin en attente depuis le \d{1,2}(er)? \S+ \d{4} \(ordinateur portable\) a été servi/);
    expect(mail.raw).toContain(`Pour agir : ${PUBLIC_URL}/personnes`);
    expect(mail.raw).not.toContain('BESOIN-N2-7');
    expect(await toldOnce('NEED_SERVED', 'needId', need.id)).toEqual([['partner@ara.test', 'IMMEDIATE']]);
    expect(smtp.recipients(/Un besoin en attente a été servi/)).toEqual(['partner@ara.test']);
  });

  it('a command rolled back tells nobody: a repair ticket or a loan return that fails after its writes leaves no request', async () => {
    await stock(1);
    const { orderId, deviceId } = await shipOne();
    await t.runOk(
      Notify2ConfirmDeliveryDocument,
      { input: { orderId, deviceIds: [deviceId], beneficiaryRefs: ['RB-N2-1'], terms: 'LOAN', dueDate: inDays(20) } },
      net.ara.tokens.partner,
    );
    const loanId = (await t.dataSource.query(`SELECT id FROM loan WHERE device_id = $1 AND status = 'ACTIVE'`, [deviceId]))[0].id as string;
    const partner = await callerOf(t, 'partner@ara.test');
    const requests = async (event: string) =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE name = 'notify' AND payload->>'event' = $1`, [event]))[0].n as number;
    const before = { opened: await requests('REPAIR_TICKET_OPENED'), returned: await requests('LOAN_RETURNED') };

    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app.get(RepairTicketOpeningService).open(new RequestContext(partner, 'test', manager), deviceId, 'ne s’allume plus');
        throw new Error('the command fails after its writes');
      }),
    ).rejects.toThrow('the command fails');
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app.get(LoanReturnService).returnLoan(new RequestContext(partner, 'test', manager), loanId);
        throw new Error('the command fails after its writes');
      }),
    ).rejects.toThrow('the command fails');
    expect({ opened: await requests('REPAIR_TICKET_OPENED'), returned: await requests('LOAN_RETURNED') }).toEqual(before);
    expect(await t.dataSource.query(`SELECT status FROM loan WHERE id = $1`, [loanId])).toEqual([{ status: 'ACTIVE' }]);

    // the same commands committed are told: the path was not silent for another reason
    await t.runOk(Notify2ReturnLoanDocument, { loanId }, net.ara.tokens.partner);
    expect(await toldOnce('LOAN_RETURNED', 'loanId', loanId)).toEqual([['refurbisher@ara.test', 'IMMEDIATE']]);
    expect(await requests('LOAN_RETURNED')).toBe(before.returned + 1);
    // and nobody of the other region ever heard of any of this
    for (const address of EVERYONE.filter((a) => a.endsWith('@bfc.test'))) expect(smtp.received.filter((m) => m.to.includes(address))).toEqual([]);
    expect(smtp.received.filter((m) => m.to.includes('anne@ccas-bron.test'))).toEqual([]);
  });
});
