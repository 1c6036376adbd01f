import { formatEuros, Role, parisDateTime, parisDay } from '@app/common';
import { NotificationEvent, NotificationJobData } from '@app/jobs';

/** What the notify job read about an event, to say it to people (names and references, never ids alone). */
export interface NotificationFacts {
  lotId?: string;
  donationId?: string;
  lotReference?: string;
  donationReference?: string;
  orderReference?: string;
  donorName?: string;
  refurbisherName?: string;
  partnerName?: string;
  city?: string;
  quantity?: number;
  /** LOT_REASSIGNED: the refurbisher that got the devices */
  newRefurbisherName?: string;
  declineReason?: string;
  /** a loan's, a repair ticket's or a need's order: the partner's page for it */
  orderId?: string;
  serialNumber?: string;
  /** CATEGORY_LABEL's singular, "ordinateur portable" */
  categoryLabel?: string;
  /** the partner's own words: a repair's symptom, its resolution */
  symptom?: string;
  resolution?: string;
  underWarranty?: boolean;
  /** a repair's RepairOutcome */
  outcome?: string;
  replacementSerialNumber?: string;
  /** an invoice's or a tax receipt's number */
  documentNumber?: string;
  amountCents?: number;
  /** when a need was recorded, or a device lent */
  since?: string;
}

/** The text of a notification: its inbox row and the core of its e-mail. */
export interface NotificationText {
  title: string;
  body: string;
  reference: string | null;
  /** a page of the web console (apps/web/src/routes.tsx) for this recipient's role; PUBLIC_URL goes in front */
  actionPath: string;
}

const when = (iso: string): string => parisDateTime(new Date(iso));
const devices = (n: number | undefined): string => (n === undefined ? 'des appareils' : n === 1 ? '1 appareil' : `${n} appareils`);

/** French text for each kind of event, from its payload and the facts read for it, with the page where this recipient acts. */
export function notificationText(data: NotificationJobData, f: NotificationFacts, role: Role): NotificationText {
  return { ...words(data, f), actionPath: actionPath(data, f, role) };
}

/**
 * Where each role acts on an event, among the console's pages: a donor follows a donation, a
 * refurbisher its offers and lots, a partner its orders, staff the list of what is stuck.
 */
export function actionPath(data: NotificationJobData, f: NotificationFacts, role: Role): string {
  const staff = role === Role.COORDINATOR || role === Role.ADMIN;
  switch (data.event) {
    case NotificationEvent.LOT_OFFERED:
    case NotificationEvent.OFFER_EXPIRING:
      return '/offres';
    case NotificationEvent.LOT_DECLINED:
    case NotificationEvent.STOCK_COUNT_DISCREPANCIES:
      return '/a-traiter';
    case NotificationEvent.LOT_EXPIRED:
      return staff ? '/a-traiter' : '/offres';
    case NotificationEvent.LOT_REASSIGNED:
    case NotificationEvent.DONATION_CANCELLED:
      return staff ? '/a-traiter' : '/lots';
    case NotificationEvent.PICKUP_SCHEDULED:
    case NotificationEvent.PICKUP_RESCHEDULED:
    case NotificationEvent.PICKUP_CANCELLED:
    case NotificationEvent.PICKUP_REMINDER:
    case NotificationEvent.PICKUP_MISSED:
      if (role === Role.DONOR) return `/dons/${f.donationId}`;
      return staff ? '/a-traiter' : `/lots/${f.lotId}`;
    case NotificationEvent.ORDER_ALLOCATED:
    case NotificationEvent.DEVICES_SHIPPED:
      return `/commandes/${data.orderId}`;
    case NotificationEvent.DELIVERY_CONFIRMED:
      return staff ? '/tableau-de-bord' : '/stock';
    case NotificationEvent.DONOR_REPORT_READY:
      return '/impact';
    case NotificationEvent.PASSWORD_RESET:
      return '/';
    case NotificationEvent.LOAN_DUE_SOON:
    case NotificationEvent.LOAN_OVERDUE:
      return '/prets';
    // the workshop's Atelier lists the loans given back, to erase again
    case NotificationEvent.LOAN_RETURNED:
      return '/atelier';
    case NotificationEvent.REPAIR_TICKET_OPENED:
    case NotificationEvent.REPAIR_TICKET_RESOLVED:
      return '/reparations';
    // the bill is on the order it was issued for
    case NotificationEvent.INVOICE_ISSUED:
      return f.orderId ? `/commandes/${f.orderId}` : '/commandes';
    // "Tous vos besoins": the partner finds it there under its reference, which the e-mail leaves out
    case NotificationEvent.NEED_SERVED:
      return '/personnes';
    case NotificationEvent.TAX_RECEIPT_ISSUED:
    case NotificationEvent.DONATION_AGREEMENT_READY:
      return f.donationId ? `/dons/${f.donationId}` : '/dons';
  }
}

const OUTCOME: Record<string, string> = {
  REPAIRED: 'l’appareil est réparé et reste à la personne',
  REPLACED: 'l’appareil est remplacé par un autre',
  CLOSED: 'le ticket est clos sans réparation',
};

/** "l’ordinateur portable n° SN-1", "la tablette n° T-2": the device as its partner and workshop know it, never the person's reference */
const device = (f: NotificationFacts): string => `${f.categoryLabel ? withArticle(f.categoryLabel) : 'l’appareil'} n° ${f.serialNumber}`;
const FEMININE = new Set(['tablette', 'imprimante']);
const withArticle = (label: string): string => (/^[aeéèiouh]/i.test(label) ? `l’${label}` : FEMININE.has(label) ? `la ${label}` : `le ${label}`);
const quoted = (text: string | undefined): string => (text ? ` : « ${text} »` : '');

function words(data: NotificationJobData, f: NotificationFacts): Omit<NotificationText, 'actionPath'> {
  switch (data.event) {
    case NotificationEvent.LOT_OFFERED:
      return {
        title: `Nouveau lot proposé : ${f.lotReference}`,
        body: `Le lot ${f.lotReference} (${devices(f.quantity)} du don ${f.donationReference} de ${f.donorName}, ${f.city}) vous est proposé. Acceptez-le ou refusez-le avant le ${when(data.offerExpiresAt)} ; sans réponse, il sera proposé à un autre atelier.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.OFFER_EXPIRING:
      return {
        title: `Le lot ${f.lotReference} attend votre réponse`,
        body: `La proposition du lot ${f.lotReference} (${devices(f.quantity)}, ${f.city}) expire le ${when(data.offerExpiresAt)}. Acceptez-le ou refusez-le avant cette date.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.LOT_DECLINED:
      return {
        title: `Lot ${f.lotReference} refusé par ${f.refurbisherName}`,
        body: `${f.refurbisherName} a refusé le lot ${f.lotReference} (don ${f.donationReference} de ${f.donorName})${f.declineReason ? ` : « ${f.declineReason} »` : ''}. Ses appareils repartent dans l'orientation automatique.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.LOT_EXPIRED:
      return {
        title: `Proposition expirée : lot ${f.lotReference}`,
        body: `Le lot ${f.lotReference} (don ${f.donationReference} de ${f.donorName}) n'a pas été accepté à temps par ${f.refurbisherName}. Ses appareils sont proposés à nouveau.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.LOT_REASSIGNED:
      return {
        title: `Lot ${f.lotReference} réattribué`,
        body: `La coordination a confié les appareils du lot ${f.lotReference} (don ${f.donationReference} de ${f.donorName}) à ${f.newRefurbisherName}.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.DONATION_CANCELLED:
      return {
        title: `Don ${f.donationReference} annulé : enlèvement supprimé`,
        body: `${f.donorName} a annulé le don ${f.donationReference} (${f.city}). L'enlèvement prévu est annulé : ne vous déplacez pas.`,
        reference: f.donationReference ?? null,
      };
    case NotificationEvent.PICKUP_SCHEDULED:
      return {
        title: `Enlèvement prévu le ${when(data.scheduledAt)}`,
        body: `${f.refurbisherName} viendra chercher le lot ${f.lotReference} (${devices(f.quantity)} du don ${f.donationReference}) le ${when(data.scheduledAt)}, à l'adresse d'enlèvement (${f.city}).`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.PICKUP_RESCHEDULED:
      return {
        title: `Enlèvement déplacé au ${when(data.scheduledAt)}`,
        body: `L'enlèvement du lot ${f.lotReference} (don ${f.donationReference}, ${f.city}) prévu le ${when(data.from)} aura lieu le ${when(data.scheduledAt)}.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.PICKUP_CANCELLED:
      return {
        title: `Enlèvement annulé : lot ${f.lotReference}`,
        body: `L'enlèvement du lot ${f.lotReference} (don ${f.donationReference}, ${f.city}) est annulé${data.reason ? ` : « ${data.reason} »` : ''}. Un nouvel enlèvement pourra être programmé.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.PICKUP_REMINDER:
      return {
        title: `Rappel : enlèvement demain, ${when(data.scheduledAt)}`,
        body: `Le lot ${f.lotReference} (${devices(f.quantity)} du don ${f.donationReference} de ${f.donorName}) est enlevé par ${f.refurbisherName} le ${when(data.scheduledAt)}, ${f.city}.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.PICKUP_MISSED:
      return {
        title: `Enlèvement manqué : lot ${f.lotReference}`,
        body: `L'enlèvement du lot ${f.lotReference} (don ${f.donationReference} de ${f.donorName}, ${f.city}) n'a pas eu lieu. ${f.refurbisherName} doit le reprogrammer ou l'annuler.`,
        reference: f.lotReference ?? null,
      };
    case NotificationEvent.ORDER_ALLOCATED:
      return {
        title: data.complete ? `Commande ${f.orderReference} : tous les appareils sont réservés` : `Commande ${f.orderReference} : des appareils sont réservés`,
        body: data.complete
          ? `Tous les appareils de votre commande ${f.orderReference} sont réservés ; l'atelier va les expédier.`
          : `Une partie des appareils de votre commande ${f.orderReference} est réservée ; le reste le sera dès que du stock arrivera.`,
        reference: f.orderReference ?? null,
      };
    case NotificationEvent.DEVICES_SHIPPED:
      return {
        title: `Commande ${f.orderReference} : ${devices(data.deviceCount)} expédiés`,
        body: `${devices(data.deviceCount)} de votre commande ${f.orderReference} ${data.deviceCount === 1 ? 'est expédié' : 'sont expédiés'}. Confirmez la réception dès leur arrivée.`,
        reference: f.orderReference ?? null,
      };
    case NotificationEvent.DELIVERY_CONFIRMED:
      return {
        title: `Commande ${f.orderReference} : réception confirmée`,
        body: `${f.partnerName} a confirmé la réception de ${devices(data.deviceCount)} de la commande ${f.orderReference}.`,
        reference: f.orderReference ?? null,
      };
    case NotificationEvent.DONOR_REPORT_READY:
      return {
        title: `Votre bilan du trimestre est disponible`,
        body: `Le bilan de vos dons du ${parisDay(new Date(data.from))} au ${parisDay(new Date(new Date(data.to).getTime() - 1))} est prêt : appareils réemployés, effacements certifiés, personnes équipées et CO2e évité.`,
        reference: null,
      };
    case NotificationEvent.STOCK_COUNT_DISCREPANCIES:
      return {
        title: `Inventaire de ${f.refurbisherName} : ${data.discrepancies} écart${data.discrepancies > 1 ? 's' : ''}`,
        body: `L'inventaire déposé par ${f.refurbisherName} présente ${data.discrepancies} écart${data.discrepancies > 1 ? 's' : ''} avec le stock attendu. Examinez-les et résolvez-les.`,
        reference: null,
      };
    case NotificationEvent.PASSWORD_RESET:
      return {
        title: 'Réinitialisation de votre mot de passe',
        body: `Une demande de réinitialisation de mot de passe a été faite pour votre compte. Le lien envoyé par e-mail fonctionne une fois, jusqu'au ${when(data.expiresAt)}. Si vous n'êtes pas à l'origine de cette demande, ignorez-le.`,
        reference: null,
      };
    case NotificationEvent.LOAN_DUE_SOON:
      return {
        title: `Prêt à rendre le ${parisDay(new Date(data.dueDate))}`,
        body: `Le prêt de ${device(f)} (commande ${f.orderReference}) arrive à échéance le ${parisDay(new Date(data.dueDate))}. Prévenez la personne, ou prolongez le prêt s'il doit durer.`,
        reference: f.orderReference ?? null,
      };
    case NotificationEvent.LOAN_OVERDUE:
      return {
        title: `Prêt en retard depuis le ${parisDay(new Date(data.dueDate))}`,
        body: `Le prêt de ${device(f)} (commande ${f.orderReference}) devait prendre fin le ${parisDay(new Date(data.dueDate))}. Organisez son retour, prolongez-le ou transformez-le en don.`,
        reference: f.orderReference ?? null,
      };
    case NotificationEvent.LOAN_RETURNED:
      return {
        title: `Prêt rendu : appareil n° ${f.serialNumber}`,
        body: `${f.partnerName} a rendu ${device(f)}, prêté par la commande ${f.orderReference}. Il revient dans votre atelier : effacez-le à nouveau avant de le noter.`,
        reference: f.serialNumber ?? null,
      };
    case NotificationEvent.REPAIR_TICKET_OPENED:
      return {
        title: `Demande de réparation : appareil n° ${f.serialNumber}`,
        body: `${f.partnerName} signale une panne sur ${device(f)} (commande ${f.orderReference})${quoted(f.symptom)}. ${f.underWarranty ? 'L’appareil est sous garantie.' : 'L’appareil n’est plus sous garantie : à vous de décider.'}`,
        reference: f.serialNumber ?? null,
      };
    case NotificationEvent.REPAIR_TICKET_RESOLVED:
      return {
        title: `Réparation traitée : appareil n° ${f.serialNumber}`,
        body: `${f.refurbisherName} a traité la demande de réparation de ${device(f)} (commande ${f.orderReference}) : ${OUTCOME[f.outcome ?? ''] ?? 'la demande est close'}${f.replacementSerialNumber ? ` (n° ${f.replacementSerialNumber}, livré à la même personne)` : ''}.${f.resolution ? ` Son mot : « ${f.resolution} ».` : ''}`,
        reference: f.serialNumber ?? null,
      };
    case NotificationEvent.INVOICE_ISSUED:
      return {
        title: `Facture ${f.documentNumber} pour la commande ${f.orderReference}`,
        body: `${f.refurbisherName} vous a adressé la facture ${f.documentNumber}${f.amountCents === undefined ? '' : ` de ${formatEuros(f.amountCents)}`} pour les appareils expédiés de la commande ${f.orderReference}. Elle se télécharge depuis la commande.`,
        reference: f.documentNumber ?? null,
      };
    case NotificationEvent.TAX_RECEIPT_ISSUED:
      return {
        title: `Reçu fiscal ${f.documentNumber} émis`,
        body: `${f.refurbisherName} a émis le reçu fiscal ${f.documentNumber}${f.amountCents === undefined ? '' : ` de ${formatEuros(f.amountCents)}`} pour votre don ${f.donationReference}. Il se télécharge depuis la page du don.`,
        reference: f.documentNumber ?? null,
      };
    case NotificationEvent.DONATION_AGREEMENT_READY:
      return {
        title: `Don ${f.donationReference} : convention de don disponible`,
        body: `${f.refurbisherName} a accepté un lot de votre don ${f.donationReference}. La convention de don est prête : elle se télécharge depuis la page du don, avec celles des autres ateliers qui en accepteront.`,
        reference: f.donationReference ?? null,
      };
    case NotificationEvent.NEED_SERVED:
      return {
        title: 'Un besoin en attente a été servi',
        body: `Un besoin en attente depuis le ${f.since ? parisDay(new Date(f.since)) : '?'}${f.categoryLabel ? ` (${f.categoryLabel})` : ''} a été servi : l'appareil livré par la commande ${f.orderReference} lui est attribué.`,
        reference: f.orderReference ?? null,
      };
  }
}
