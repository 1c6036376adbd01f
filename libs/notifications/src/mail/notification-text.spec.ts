import { Role } from '@app/common';
import { NotificationEvent, NotificationJobData } from '@app/jobs';
import { loanReminderKey } from '../jobs/remind-loans.job';
import { defaultDelivery } from '../policies/default-preferences';
import { NotificationDelivery } from '../entities/notification-delivery';
import { NotificationFacts, notificationText } from './notification-text';

const loan: NotificationFacts = {
  orderId: 'order-1',
  orderReference: 'CMD-2026-0007',
  serialNumber: 'PF1234',
  categoryLabel: 'ordinateur portable',
  partnerName: 'CCAS de Lyon',
};
/** 2026-03-01T10:00Z: the first of March in Paris */
const DUE = '2026-03-01T10:00:00.000Z';

const text = (data: NotificationJobData, facts: NotificationFacts, role: Role) => notificationText(data, facts, role);

describe('the French texts of the people-equipped and paperwork events', () => {
  it('a loan due soon and a loan overdue tell the partner the day, the device and the order, and point to the order', () => {
    const soon = text({ event: NotificationEvent.LOAN_DUE_SOON, loanId: 'l', dueDate: DUE }, loan, Role.PARTNER);
    expect(soon.title).toBe('Prêt à rendre le 1er mars 2026');
    expect(soon.body).toContain('l’ordinateur portable n° PF1234 (commande CMD-2026-0007)');
    expect(soon.body).toContain('prolongez le prêt');
    expect(soon.actionPath).toBe('/prets');

    const late = text({ event: NotificationEvent.LOAN_OVERDUE, loanId: 'l', dueDate: DUE }, { ...loan, categoryLabel: 'tablette' }, Role.PARTNER);
    expect(late.title).toBe('Prêt en retard depuis le 1er mars 2026');
    expect(late.body).toContain('la tablette n° PF1234');
    expect(late.body).toContain('transformez-le en don');
    expect(late.reference).toBe('CMD-2026-0007');
  });

  it('a loan given back sends the workshop to its workbench, saying the device must be erased again', () => {
    const back = text({ event: NotificationEvent.LOAN_RETURNED, loanId: 'l' }, loan, Role.REFURBISHER);
    expect(back.title).toBe('Prêt rendu : appareil n° PF1234');
    expect(back.body).toMatch(/^CCAS de Lyon a rendu l’ordinateur portable n° PF1234/);
    expect(back.body).toContain('effacez-le à nouveau');
    expect(back.actionPath).toBe('/atelier');
  });

  it('a repair ticket: the workshop reads the symptom and the warranty; the partner reads the outcome in French', () => {
    const ticket: NotificationFacts = { ...loan, refurbisherName: 'Atelier Rhône', symptom: 'écran noir au démarrage', underWarranty: true };
    const opened = text({ event: NotificationEvent.REPAIR_TICKET_OPENED, ticketId: 't' }, ticket, Role.REFURBISHER);
    expect(opened.body).toContain('« écran noir au démarrage »');
    expect(opened.body).toContain('sous garantie');
    expect(opened.actionPath).toBe('/reparations');
    const outside = text({ event: NotificationEvent.REPAIR_TICKET_OPENED, ticketId: 't' }, { ...ticket, underWarranty: false }, Role.REFURBISHER);
    expect(outside.body).toContain('n’est plus sous garantie');

    const outcomes: Array<[string, string]> = [
      ['REPAIRED', 'l’appareil est réparé et reste à la personne'],
      ['REPLACED', 'l’appareil est remplacé par un autre (n° NEW-9, livré à la même personne)'],
      ['CLOSED', 'le ticket est clos sans réparation'],
    ];
    for (const [outcome, words] of outcomes) {
      const facts = { ...ticket, outcome, replacementSerialNumber: outcome === 'REPLACED' ? 'NEW-9' : undefined, resolution: 'carte mère changée' };
      const resolved = text({ event: NotificationEvent.REPAIR_TICKET_RESOLVED, ticketId: 't' }, facts, Role.PARTNER);
      expect(resolved.body).toContain(words);
      expect(resolved.body).toContain('« carte mère changée »');
      expect(resolved.body).not.toContain(outcome);
      expect(resolved.actionPath).toBe('/reparations');
    }
  });

  it('an invoice, a tax receipt and an agreement carry their number and amount in euros, and link to the order or the donation', () => {
    const invoice = text(
      { event: NotificationEvent.INVOICE_ISSUED, invoiceId: 'i' },
      { orderId: 'order-1', orderReference: 'CMD-7', refurbisherName: 'Atelier Rhône', documentNumber: 'FA-2026-00003', amountCents: 123456 },
      Role.PARTNER,
    );
    expect(invoice.title).toBe('Facture FA-2026-00003 pour la commande CMD-7');
    expect(invoice.body).toContain('de 1\u202f234,56\u00a0€');
    expect(invoice.reference).toBe('FA-2026-00003');
    expect(invoice.actionPath).toBe('/commandes/order-1');

    const receipt = text(
      { event: NotificationEvent.TAX_RECEIPT_ISSUED, taxReceiptId: 'r' },
      { donationId: 'don-1', donationReference: 'DON-12', refurbisherName: 'Atelier Rhône', documentNumber: 'RF-2026-00001', amountCents: 50000 },
      Role.DONOR,
    );
    expect(receipt.title).toBe('Reçu fiscal RF-2026-00001 émis');
    expect(receipt.body).toContain('de 500,00\u00a0€ pour votre don DON-12');
    expect(receipt.actionPath).toBe('/dons/don-1');

    const agreement = text(
      { event: NotificationEvent.DONATION_AGREEMENT_READY, donationId: 'don-1' },
      { donationId: 'don-1', donationReference: 'DON-12', refurbisherName: 'Atelier Rhône' },
      Role.DONOR,
    );
    expect(agreement.title).toBe('Don DON-12 : convention de don disponible');
    expect(agreement.actionPath).toBe('/dons/don-1');
  });

  it('a need served says since when it waited, never the person’s reference', () => {
    const served = text(
      { event: NotificationEvent.NEED_SERVED, needId: 'n' },
      { since: '2026-01-15T09:00:00.000Z', categoryLabel: 'ordinateur portable', orderId: 'order-1', orderReference: 'CMD-7' },
      Role.PARTNER,
    );
    expect(served.title).toBe('Un besoin en attente a été servi');
    expect(served.body).toBe(
      "Un besoin en attente depuis le 15 janvier 2026 (ordinateur portable) a été servi : l'appareil livré par la commande CMD-7 lui est attribué.",
    );
    expect(served.actionPath).toBe('/personnes');
  });

  it('what the partner confirmed itself waits for the digest; what someone must act on goes at once', () => {
    expect(defaultDelivery(Role.PARTNER, NotificationEvent.INVOICE_ISSUED)).toBe(NotificationDelivery.DAILY_DIGEST);
    expect(defaultDelivery(Role.PARTNER, NotificationEvent.NEED_SERVED)).toBe(NotificationDelivery.DAILY_DIGEST);
    for (const event of [NotificationEvent.LOAN_DUE_SOON, NotificationEvent.LOAN_OVERDUE, NotificationEvent.REPAIR_TICKET_RESOLVED]) {
      expect(defaultDelivery(Role.PARTNER, event)).toBe(NotificationDelivery.IMMEDIATE);
    }
    expect(defaultDelivery(Role.REFURBISHER, NotificationEvent.REPAIR_TICKET_OPENED)).toBe(NotificationDelivery.IMMEDIATE);
    expect(defaultDelivery(Role.DONOR, NotificationEvent.TAX_RECEIPT_ISSUED)).toBe(NotificationDelivery.IMMEDIATE);
  });

  it('a loan reminder is keyed by loan and due date: an extension arms a new one, the same date never twice', () => {
    const due = new Date(DUE);
    expect(loanReminderKey(NotificationEvent.LOAN_DUE_SOON, 'l1', due)).toBe(loanReminderKey(NotificationEvent.LOAN_DUE_SOON, 'l1', new Date(DUE)));
    expect(loanReminderKey(NotificationEvent.LOAN_DUE_SOON, 'l1', due)).not.toBe(
      loanReminderKey(NotificationEvent.LOAN_DUE_SOON, 'l1', new Date(due.getTime() + 86_400_000)),
    );
    expect(loanReminderKey(NotificationEvent.LOAN_DUE_SOON, 'l1', due)).not.toBe(loanReminderKey(NotificationEvent.LOAN_OVERDUE, 'l1', due));
    expect(loanReminderKey(NotificationEvent.LOAN_OVERDUE, 'l1', due).length).toBeLessThanOrEqual(200);
  });
});
