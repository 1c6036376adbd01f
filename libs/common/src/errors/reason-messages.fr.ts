import { ErrorReason } from './error-reason';

type Details = Record<string, unknown>;

/** The things a refusal names, as a French sentence names them. */
const ENTITY: Record<string, string> = {
  Donation: 'ce don',
  Lot: 'ce lot',
  Pickup: 'cet enlèvement',
  Device: 'cet appareil',
  Order: 'cette commande',
  Organization: 'cette organisation',
  Region: 'cette région',
  User: 'cet utilisateur',
  Reconciliation: 'cet inventaire',
  StockCount: 'cet inventaire',
  Donor: 'ce donateur',
};

/** States as the people who handle the objects say them. */
const STATE: Record<string, string> = {
  DECLARED: 'déclaré',
  ROUTED: 'orienté',
  COLLECTED: 'collecté',
  PROCESSED: 'traité',
  CANCELLED: 'annulé',
  OFFERED: 'proposé',
  CLAIMED: 'accepté',
  PICKUP_SCHEDULED: 'enlèvement planifié',
  RECEIVED: 'réceptionné',
  CLOSED: 'clos',
  DECLINED: 'refusé',
  EXPIRED: 'expiré',
  SCHEDULED: 'planifié',
  COMPLETED: 'effectué',
  MISSED: 'manqué',
  WIPED: 'effacé',
  IN_STOCK: 'en stock',
  RESERVED: 'réservé',
  SHIPPED: 'expédié',
  DELIVERED: 'livré',
  RECYCLED: 'recyclé',
  MISSING: 'manquant',
  OPEN: 'ouverte',
  ALLOCATED: 'attribuée',
};

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const entity = (d: Details): string => ENTITY[text(d.entity)] ?? 'cet élément';
const state = (value: unknown): string => STATE[text(value)] ?? text(value).toLowerCase().replace(/_/g, ' ');
const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What a French-speaking person reads for each reason, from its details. Every reason has its
 * sentence (the type says so), and each sentence says what to do next where there is something
 * to do. The web console shows these; any client may.
 */
export const FRENCH_REASON_MESSAGES: Record<ErrorReason, (details: Details) => string> = {
  [ErrorReason.UNAUTHENTICATED]: () => 'Votre session a expiré ou vous n’êtes pas connecté : connectez-vous.',
  [ErrorReason.FORBIDDEN]: () => 'Votre rôle ne permet pas cette action. Demandez-la au coordinateur de votre région.',
  [ErrorReason.NOT_FOUND]: (d) => `${capitalized(entity(d))} n’existe pas, ou vous n’y avez pas accès.`,
  [ErrorReason.INVALID_INPUT]: (d) =>
    d.field ? `La valeur du champ « ${text(d.field)} » n’est pas valable : corrigez-la.` : 'Une valeur saisie n’est pas valable : corrigez-la.',
  [ErrorReason.CONFLICT]: () => 'Cette action n’est plus possible dans l’état actuel : rechargez la page.',
  [ErrorReason.RATE_LIMITED]: (d) =>
    d.retryAfterSeconds ? `Trop de demandes : réessayez dans ${text(d.retryAfterSeconds)} secondes.` : 'Trop de demandes : réessayez dans quelques instants.',
  [ErrorReason.QUERY_TOO_COMPLEX]: () => 'La demande est trop volumineuse : demandez moins d’éléments à la fois.',
  [ErrorReason.INTERNAL]: () => 'Une erreur interne est survenue. Réessayez ; si elle persiste, prévenez le coordinateur.',
  [ErrorReason.TRANSITION_NOT_ALLOWED]: (d) =>
    `${capitalized(entity(d))} est « ${state(d.from)} » : il ne peut pas passer à « ${state(d.to)} ». Rechargez la page pour voir son état.`,
  [ErrorReason.FINAL_STATE]: (d) => `${capitalized(entity(d))} est « ${state(d.state ?? d.from)} » : il ne peut plus changer.`,
  [ErrorReason.ALREADY_EXISTS]: () => 'Cet élément existe déjà.',
  [ErrorReason.CONCURRENT_CHANGE]: () => 'Quelqu’un d’autre vient de modifier cet élément : réessayez.',
  [ErrorReason.VALUE_TOO_LONG]: () => 'Un texte saisi est trop long : raccourcissez-le.',
  [ErrorReason.VALUE_OUT_OF_RANGE]: () => 'Un nombre saisi est hors des limites permises.',
  [ErrorReason.INVALID_DATE]: () => 'Une date saisie n’est pas valable (format attendu : 2026-03-01T09:30:00Z).',
  [ErrorReason.INVALID_CHARACTER]: () => 'Un texte contient un caractère qui ne peut pas être enregistré : retirez-le.',
};

/** The French sentence of a refusal, as a client shows it. */
export function frenchMessage(reason: ErrorReason, details: Details = {}): string {
  return FRENCH_REASON_MESSAGES[reason](details);
}
