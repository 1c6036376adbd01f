import { formatEuros } from '../format/euros';
import { formatDelay, formatDuration, formatFrenchDateTime } from '../format/units';
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
  Discrepancy: 'cet écart d’inventaire',
  Reservation: 'cette réservation',
  PartnerOrder: 'cette commande',
  Loan: 'ce prêt',
  RepairTicket: 'ce ticket de réparation',
  Donor: 'ce donateur',
};

/** Organizations by kind, as "choose …" says them. */
const KIND: Record<string, string> = {
  DONOR: 'un donateur',
  REFURBISHER: 'un atelier de reconditionnement',
  PARTNER: 'une structure partenaire',
  COORDINATOR: 'une coordination régionale',
};

/** Roles, as "the role …" says them. */
const ROLE: Record<string, string> = {
  ADMIN: 'administrateur',
  COORDINATOR: 'coordinateur',
  DONOR: 'donateur',
  REFURBISHER: 'reconditionneur',
  PARTNER: 'partenaire',
};

const CATEGORY: Record<string, string> = {
  LAPTOP: 'ordinateurs portables',
  DESKTOP: 'ordinateurs fixes',
  MONITOR: 'écrans',
  TABLET: 'tablettes',
  SMARTPHONE: 'smartphones',
  PRINTER: 'imprimantes',
  OTHER: 'autres appareils',
};

/** What a stock-count decision is called on the count screen. */
const DECISION: Record<string, string> = {
  FOUND: 'retrouvé',
  MISSCANNED: 'erreur de saisie',
  CONFIRM_MISSING: 'manquant confirmé',
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
  ACTIVE: 'en cours',
  RETURNED: 'rendu',
  CONVERTED: 'converti en don',
  REPLACED: 'remplacé',
  RESOLVED: 'résolu',
};

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const entity = (d: Details): string => ENTITY[text(d.entity)] ?? 'cet élément';
const state = (value: unknown): string => STATE[text(value)] ?? text(value).toLowerCase().replace(/_/g, ' ');
const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** « field », or nothing when the refusal names no field. */
const inField = (d: Details): string => (text(d.field) ? ` (champ « ${text(d.field)} »)` : '');
const when = (value: unknown): string | null => (text(value) ? formatFrenchDateTime(text(value)) : null);
const list = (value: unknown, max = 5): string | null => {
  if (!Array.isArray(value) || !value.length) return null;
  const shown = value
    .slice(0, max)
    .map((v) => text(v))
    .filter(Boolean);
  return shown.join(', ') + (value.length > max ? ` et ${value.length - max} autre${value.length - max > 1 ? 's' : ''}` : '');
};
const categories = (value: unknown): string | null => {
  if (!Array.isArray(value) || !value.length) return null;
  return value.map((c) => CATEGORY[text(c)] ?? text(c).toLowerCase()).join(', ');
};
const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

/** What a weak password lacks, from the policy's own reason. */
function passwordAdvice(d: Details): string {
  switch (text(d.reason)) {
    case 'PASSWORD_TOO_SHORT':
      return `Choisissez un mot de passe d’au moins ${num(d.minLength) ?? 12} caractères : quelques mots sans rapport entre eux en font un bon.`;
    case 'PASSWORD_TOO_COMMON':
      return 'Ce mot de passe est trop courant et se devine facilement : choisissez-en un autre, par exemple quelques mots sans rapport entre eux.';
    case 'PASSWORD_CONTAINS_EMAIL':
      return 'Le mot de passe reprend votre adresse e-mail : choisissez-en un qui ne la contient pas.';
    default:
      return 'Ce mot de passe est trop faible : choisissez-en un plus long, fait de quelques mots sans rapport entre eux.';
  }
}

/**
 * What a French-speaking person reads for each reason, from its details. Every reason has its
 * sentence (the type says so), and each sentence says what to do next where there is something
 * to do. The web console shows these; any client may.
 */
export const FRENCH_REASON_MESSAGES: Record<ErrorReason, (details: Details) => string> = {
  [ErrorReason.UNAUTHENTICATED]: () => 'Votre session a expiré ou vous n’êtes pas connecté : connectez-vous.',
  [ErrorReason.FORBIDDEN]: () => 'Votre rôle ne permet pas cette action. Demandez-la au coordinateur de votre région.',
  [ErrorReason.NOT_FOUND]: (d) => `${capitalized(entity(d))} n’existe pas, ou vous n’y avez pas accès.`,
  [ErrorReason.INVALID_INPUT]: (d) => {
    const fields = Array.isArray(d.fields) ? [...new Set(d.fields.map((f: { path?: unknown }) => text(f?.path)).filter(Boolean))] : [];
    if (fields.length > 1) return `Les valeurs des champs ${fields.map((f) => `« ${f} »`).join(', ')} ne sont pas valables : corrigez-les.`;
    const field = text(d.field) || fields[0];
    return field ? `La valeur du champ « ${field} » n’est pas valable : corrigez-la.` : 'Une valeur saisie n’est pas valable : corrigez-la.';
  },
  [ErrorReason.CONFLICT]: () => 'Cette action n’est plus possible dans l’état actuel : rechargez la page.',
  [ErrorReason.RATE_LIMITED]: (d) =>
    num(d.retryAfterSeconds)
      ? `Trop de demandes : réessayez dans ${formatDuration(num(d.retryAfterSeconds)! * 1000)}.`
      : 'Trop de demandes : réessayez dans quelques instants.',
  [ErrorReason.QUERY_TOO_COMPLEX]: () => 'La demande est trop volumineuse : demandez moins d’éléments à la fois.',
  [ErrorReason.INTERNAL]: () => 'Une erreur interne est survenue. Réessayez ; si elle persiste, prévenez le coordinateur.',
  [ErrorReason.TRANSITION_NOT_ALLOWED]: (d) =>
    `${capitalized(entity(d))} est à l’état « ${state(d.from)} » : impossible de passer à l’état « ${state(d.to)} ». Rechargez la page pour voir son état actuel.`,
  // "à l’état « … »" agrees with every noun: "cette commande est annulé" would not
  [ErrorReason.FINAL_STATE]: (d) => `${capitalized(entity(d))} est à l’état « ${state(d.state ?? d.from)} » : plus aucun changement n’est possible.`,
  [ErrorReason.ALREADY_EXISTS]: () => 'Cet élément existe déjà.',
  [ErrorReason.CONCURRENT_CHANGE]: () => 'Quelqu’un d’autre vient de modifier cet élément : réessayez.',
  [ErrorReason.VALUE_TOO_LONG]: () => 'Un texte saisi est trop long : raccourcissez-le.',
  [ErrorReason.VALUE_OUT_OF_RANGE]: () => 'Un nombre saisi est hors des limites permises.',
  [ErrorReason.INVALID_DATE]: () => 'Une date saisie n’est pas valable (format attendu : 2026-03-01T09:30:00Z).',
  [ErrorReason.INVALID_CHARACTER]: () => 'Un texte contient un caractère qui ne peut pas être enregistré : retirez-le.',

  [ErrorReason.VALUE_REQUIRED]: (d) =>
    text(d.field)
      ? `Remplissez le champ « ${text(d.field)} » : il ne peut pas rester vide.`
      : 'Remplissez les champs obligatoires : ils ne peuvent pas rester vides.',
  [ErrorReason.DUPLICATE_VALUE]: (d) =>
    text(d.value)
      ? `« ${text(d.value)} » figure deux fois${inField(d)} : ne le donnez qu’une fois.`
      : `Une même valeur figure deux fois${inField(d)} : ne la donnez qu’une fois.`,
  [ErrorReason.LIST_TOO_LONG]: (d) =>
    num(d.max) !== null
      ? `La liste est trop longue${inField(d)} : envoyez au plus ${num(d.max)} éléments à la fois.`
      : `La liste est trop longue${inField(d)} : envoyez-la en plusieurs fois.`,
  [ErrorReason.PAGE_TOO_LARGE]: (d) => (num(d.max) !== null ? `Demandez au plus ${num(d.max)} éléments par page.` : 'Demandez moins d’éléments par page.'),
  [ErrorReason.CURSOR_INVALID]: () => 'Ce repère de page n’est pas valable : repartez de la première page.',
  [ErrorReason.DATE_IN_PAST]: (d) =>
    when(d.given)
      ? `La date choisie (${when(d.given)}) est déjà passée${inField(d)} : choisissez une date à venir.`
      : `La date choisie est déjà passée${inField(d)} : choisissez une date à venir.`,
  [ErrorReason.PERIOD_REVERSED]: () => 'La date de début doit précéder la date de fin : corrigez la période.',
  [ErrorReason.PERIOD_TOO_LONG]: (d) =>
    num(d.maxYears) !== null
      ? `Une période couvre au plus ${plural(num(d.maxYears)!, 'an', 'ans')} : raccourcissez-la.`
      : 'Cette période est trop longue : raccourcissez-la.',
  [ErrorReason.REASON_REQUIRED]: (d) =>
    num(d.max) !== null
      ? `Indiquez la raison en quelques mots (au plus ${num(d.max)} caractères) : elle est lue par les personnes concernées.`
      : 'Indiquez la raison en quelques mots : elle est lue par les personnes concernées.',
  [ErrorReason.NOTHING_TO_CHANGE]: () => 'Indiquez au moins une valeur à modifier.',
  [ErrorReason.ORGANIZATION_REQUIRED]: (d) => `Choisissez l’organisation pour laquelle vous agissez${inField(d)}.`,
  [ErrorReason.WRONG_ORGANIZATION_KIND]: (d) =>
    KIND[text(d.expected)]
      ? `L’organisation choisie n’est pas ${KIND[text(d.expected)]} : choisissez-en une qui l’est.`
      : 'L’organisation choisie n’est pas du bon type : choisissez-en une autre.',
  [ErrorReason.ORGANIZATION_MEMBER_REQUIRED]: () => 'Cette action se fait au nom d’une organisation : connectez-vous avec le compte d’un de ses membres.',

  [ErrorReason.INVALID_CREDENTIALS]: () => 'Adresse e-mail ou mot de passe incorrect : vérifiez-les, ou demandez un lien pour choisir un nouveau mot de passe.',
  [ErrorReason.SESSION_INVALID]: () => 'Votre session n’est plus valable : reconnectez-vous.',
  [ErrorReason.TOO_MANY_LOGIN_FAILURES]: (d) =>
    num(d.retryAfterSeconds) !== null
      ? `Trop d’échecs de connexion : réessayez dans ${formatDuration(num(d.retryAfterSeconds)! * 1000)}, ou demandez un lien pour choisir un nouveau mot de passe.`
      : 'Trop d’échecs de connexion : réessayez plus tard, ou demandez un lien pour choisir un nouveau mot de passe.',
  [ErrorReason.PASSWORD_TOO_WEAK]: (d) => passwordAdvice(d),
  [ErrorReason.PASSWORD_UNCHANGED]: () => 'Le nouveau mot de passe est identique à l’actuel : choisissez-en un autre.',
  [ErrorReason.WRONG_CURRENT_PASSWORD]: () => 'Le mot de passe actuel est incorrect : saisissez-le à nouveau, ou demandez un lien si vous l’avez oublié.',
  [ErrorReason.RESET_LINK_INVALID]: () => 'Ce lien n’est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.',
  [ErrorReason.ACCOUNT_DEACTIVATED]: () => 'Ce compte est désactivé : réactivez-le d’abord, puis envoyez le lien.',
  [ErrorReason.EMAIL_INVALID]: () => 'Cette adresse e-mail n’est pas valable : corrigez-la.',
  [ErrorReason.EMAIL_TAKEN]: () => 'Cette adresse e-mail ne peut pas servir à un nouveau compte : utilisez-en une autre, ou réactivez le compte existant.',
  [ErrorReason.ROLE_MISMATCH]: (d) =>
    ROLE[text(d.role)]
      ? `Les comptes de cette organisation ont le rôle ${ROLE[text(d.role)]} : pour un autre rôle, créez un compte dans une organisation du type voulu.`
      : 'Ce rôle ne correspond pas à l’organisation du compte : pour un autre rôle, créez un compte dans une organisation du type voulu.',
  [ErrorReason.SELF_DEACTIVATION]: () => 'Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.',
  [ErrorReason.LAST_ADMINISTRATOR]: () => 'C’est le dernier administrateur actif : créez ou réactivez d’abord un autre administrateur.',
  [ErrorReason.ADMINISTRATOR_REQUIRED]: () => 'Seul un administrateur peut faire cela pour une coordination régionale : demandez-le-lui.',
  [ErrorReason.COORDINATOR_REQUIRED]: () =>
    'Seul le coordinateur de la région change le nom ou le rayon d’intervention : demandez-le-lui. Votre organisation peut changer son adresse et son contact.',

  [ErrorReason.SIRET_INVALID]: () => 'Ce numéro SIRET n’est pas valable : il a 14 chiffres, vérifiez-le sur l’avis de situation Insee.',
  [ErrorReason.SIRET_TAKEN]: () => 'Ce numéro SIRET ne peut pas servir à une nouvelle organisation : vérifiez-le, ou demandez à l’administrateur.',
  [ErrorReason.ADDRESS_NOT_FOUND]: (d) => {
    const known = list(d.suggestions);
    const where = text(d.postalCode) ? ` pour le code postal ${text(d.postalCode)}` : '';
    return known
      ? `Adresse introuvable${where} : choisissez l’une de ces communes (${known}), ou corrigez le code postal.`
      : `Adresse introuvable${where} : corrigez la commune ou le code postal, ou indiquez les coordonnées du lieu.`;
  },
  [ErrorReason.REGION_CODE_TAKEN]: (d) =>
    text(d.code) ? `Une région porte déjà le code ${text(d.code)} : choisissez-en un autre.` : 'Une région porte déjà ce code : choisissez-en un autre.',
  [ErrorReason.REFURBISHER_ONLY]: (d) =>
    d.field === 'taxReceiptEligible'
      ? 'Seuls les ateliers de reconditionnement délivrent des reçus fiscaux : retirez taxReceiptEligible.'
      : 'Seuls les ateliers de reconditionnement ont des capacités et un rayon d’intervention : retirez-les.',
  [ErrorReason.DONOR_ONLY]: () => 'Seuls les donateurs peuvent être déclarés organismes publics : retirez publicBody.',
  [ErrorReason.SERVICE_RADIUS_REQUIRED]: () => 'Indiquez le rayon d’intervention de l’atelier, en kilomètres.',
  [ErrorReason.ORGANIZATION_DEACTIVATED]: (d) =>
    when(d.deactivatedAt)
      ? `Cette organisation est désactivée depuis le ${when(d.deactivatedAt)} : demandez au coordinateur de la région de la réactiver.`
      : 'Cette organisation est désactivée : demandez au coordinateur de la région de la réactiver.',
  [ErrorReason.ORGANIZATION_ALREADY_DEACTIVATED]: (d) =>
    when(d.deactivatedAt) ? `Cette organisation est déjà désactivée, depuis le ${when(d.deactivatedAt)}.` : 'Cette organisation est déjà désactivée.',
  [ErrorReason.ORGANIZATION_NOT_DEACTIVATED]: () => 'Cette organisation est active : il n’y a rien à réactiver.',
  [ErrorReason.INTAKE_PAUSE_TOO_LONG]: (d) =>
    `Une pause dure au plus ${num(d.maxDays) !== null ? plural(num(d.maxDays)!, 'jour', 'jours') : 'quelques semaines'} : pour un arrêt plus long, demandez la désactivation de l’atelier.`,

  [ErrorReason.INVENTORY_EMPTY]: () => 'Le don ne contient aucun appareil : ajoutez au moins une ligne, ou joignez l’inventaire.',
  [ErrorReason.INVENTORY_ROWS_INVALID]: (d) => {
    const rows = Array.isArray(d.rows) ? d.rows.length : 0;
    return rows
      ? `L’inventaire a ${plural(rows, 'ligne à corriger', 'lignes à corriger')} ; rien n’a été enregistré : corrigez-les et envoyez-le à nouveau.`
      : 'L’inventaire a des lignes à corriger ; rien n’a été enregistré : corrigez-les et envoyez-le à nouveau.';
  },
  [ErrorReason.SERIAL_NUMBERS_REPEATED]: (d) =>
    list(d.serialNumbers)
      ? `Ces numéros de série figurent plusieurs fois : ${list(d.serialNumbers)}. Ne gardez chacun qu’une fois.`
      : 'Des numéros de série figurent plusieurs fois : ne gardez chacun qu’une fois.',
  [ErrorReason.DONATION_CANCELLED]: () => 'Ce don a été annulé : aucun de ses appareils ne peut plus être attribué.',
  [ErrorReason.DONATION_ALREADY_COLLECTED]: () => 'Ce don est déjà collecté, au moins en partie : il ne peut plus être annulé.',
  [ErrorReason.OFFER_EXPIRED]: (d) =>
    when(d.offerExpiresAt)
      ? `Cette proposition a expiré le ${when(d.offerExpiresAt)} (${formatDelay(text(d.offerExpiresAt))}) : le lot va être proposé à nouveau ; demandez au coordinateur s’il peut vous revenir.`
      : 'Cette proposition a expiré : le lot va être proposé à nouveau ; demandez au coordinateur s’il peut vous revenir.',
  [ErrorReason.NO_DECLINE_TO_LIFT]: () => 'Cet atelier n’a pas refusé ce don récemment : il n’y a pas de refus à lever.',
  [ErrorReason.LOT_NOT_REASSIGNABLE]: (d) =>
    text(d.status)
      ? `Ce lot est « ${state(d.status)} » : seul un lot proposé ou accepté change d’atelier. Annulez d’abord son enlèvement s’il est planifié.`
      : 'Seul un lot proposé ou accepté change d’atelier : annulez d’abord son enlèvement s’il est planifié.',
  [ErrorReason.NOT_ENOUGH_UNASSIGNED]: (d) => {
    const what = CATEGORY[text(d.category)] ?? 'appareils';
    return num(d.available) !== null
      ? `Seuls ${num(d.available)} ${what} de ce don attendent un atelier : attribuez-en au plus ${num(d.available)}, ou déplacez un lot déjà proposé.`
      : 'Ce don n’a pas assez d’appareils en attente d’un atelier : attribuez-en moins, ou déplacez un lot déjà proposé.';
  },
  [ErrorReason.LOT_ALREADY_WITH_REFURBISHER]: () => 'Ce lot est déjà chez cet atelier : choisissez-en un autre.',
  [ErrorReason.REFURBISHER_NOT_IN_REGION]: () => 'Cette organisation n’est pas un atelier de la région : choisissez l’un des ateliers de la région.',
  [ErrorReason.NO_CAPACITY_DECLARED]: (d) =>
    categories(d.categories)
      ? `L’atelier ne déclare aucune capacité pour : ${categories(d.categories)}. Déclarez-en une avant de lui attribuer ces appareils.`
      : 'L’atelier ne déclare aucune capacité pour ces appareils : déclarez-en une avant de les lui attribuer.',

  [ErrorReason.PICKUP_ALREADY_SCHEDULED]: () => 'Un enlèvement est déjà planifié pour ce lot : déplacez-le plutôt que d’en planifier un autre.',
  [ErrorReason.PICKUP_ONLY_AFTER_MISS]: () => 'Un nouvel enlèvement ne se planifie qu’après un enlèvement manqué : déplacez celui qui est prévu.',
  [ErrorReason.PICKUP_BEFORE_AVAILABILITY]: (d) =>
    when(d.availableFrom)
      ? `Le matériel n’est disponible qu’à partir du ${when(d.availableFrom)} : choisissez une date d’enlèvement à partir de ce moment.`
      : 'Le matériel n’est pas encore disponible à cette date : choisissez une date d’enlèvement plus tardive.',
  [ErrorReason.PICKUP_SAME_DATE]: (d) =>
    when(d.scheduledAt)
      ? `L’enlèvement est déjà prévu le ${when(d.scheduledAt)} : choisissez une autre date.`
      : 'L’enlèvement est déjà prévu à cette date : choisissez-en une autre.',
  [ErrorReason.PICKUP_NOT_MOVABLE]: (d) =>
    text(d.status) ? `Ce lot est « ${state(d.status)} » : son enlèvement ne peut plus être déplacé.` : 'L’enlèvement de ce lot ne peut plus être déplacé.',
  [ErrorReason.PICKUP_SUPERSEDED]: () => 'Un nouvel enlèvement a été planifié depuis : modifiez plutôt le plus récent.',
  [ErrorReason.COLLECTION_BEFORE_AVAILABILITY]: (d) =>
    when(d.availableFrom)
      ? `Le matériel n’est disponible qu’à partir du ${when(d.availableFrom)} : confirmez l’enlèvement à partir de ce moment, ou déplacez-le.`
      : 'Le matériel n’est pas encore disponible : confirmez l’enlèvement plus tard, ou déplacez-le.',
  [ErrorReason.COLLECTED_QUANTITY_INVALID]: (d) =>
    num(d.lotQuantity) !== null
      ? `Indiquez le nombre d’appareils collectés : un nombre entier de 1 à ${num(d.lotQuantity)}.`
      : 'Indiquez le nombre d’appareils collectés : un nombre entier, au plus celui du lot.',

  [ErrorReason.SERIAL_NUMBERS_REGISTERED]: (d) =>
    list(d.serialNumbers)
      ? `Ces numéros de série sont déjà enregistrés dans le réseau : ${list(d.serialNumbers)}. Vérifiez-les ; un appareil manquant d’un autre atelier est retrouvé par le coordinateur.`
      : 'Des numéros de série sont déjà enregistrés dans le réseau : vérifiez-les ; un appareil manquant d’un autre atelier est retrouvé par le coordinateur.',
  [ErrorReason.ERASURE_REQUIRED]: () => 'Enregistrez d’abord l’effacement des données de cet appareil.',
  [ErrorReason.ERASURE_NOT_POSSIBLE]: (d) =>
    text(d.status)
      ? `Cet appareil est « ${state(d.status)} » : il ne peut pas être effacé maintenant. Renvoyez-le d’abord à l’atelier.`
      : 'Cet appareil ne peut pas être effacé maintenant : renvoyez-le d’abord à l’atelier.',
  [ErrorReason.OS_REQUIRED]: () => 'Indiquez le système d’exploitation installé sur cet ordinateur avant de le classer.',
  [ErrorReason.STORAGE_REPLACEMENT_REQUIRED]: () =>
    'L’effacement a détruit le disque de cet appareil : enregistrez le nouveau disque (remplacement, ou capacité dans la fiche) avant de le classer.',
  [ErrorReason.NO_STORAGE_NOT_APPLICABLE]: () =>
    'La méthode « sans stockage » vaut seulement pour un appareil sans disque enregistré à la réception : effacez-le avec une méthode NIST ou par destruction.',
  [ErrorReason.DISK_ERASURE_REQUIRED]: () =>
    'Cet appareil a été traité comme sans stockage : un disque trouvé maintenant doit être effacé (et certifié) avant son entrée en stock.',
  [ErrorReason.DEVICE_NOT_IN_WORKSHOP]: (d) =>
    text(d.status)
      ? `Cet appareil est « ${state(d.status)} » : il n’est pas à l’atelier. Renvoyez-le d’abord à l’atelier.`
      : 'Cet appareil n’est pas à l’atelier : renvoyez-le d’abord à l’atelier.',
  [ErrorReason.SAME_DEVICE]: () => 'Vous avez choisi deux fois le même appareil : choisissez-en deux différents.',
  [ErrorReason.NOT_A_PARTS_DONOR]: () => 'Cet appareil n’est pas réservé aux pièces : recyclez-le et marquez-le comme donneur de pièces d’abord.',
  [ErrorReason.RECYCLING_REQUIRED]: () => 'Seul un appareil recyclé est gardé pour ses pièces : recyclez-le d’abord.',
  [ErrorReason.DEVICE_NOT_MISSING]: (d) =>
    text(d.status)
      ? `Cet appareil est « ${state(d.status)} », pas manquant : il n’y a rien à retrouver.`
      : 'Cet appareil n’est pas manquant : il n’y a rien à retrouver.',
  [ErrorReason.STOCK_OUT_OF_SYNC]: () =>
    'Les niveaux de stock ne correspondent plus aux appareils : demandez au coordinateur de les recalculer, puis réessayez.',

  [ErrorReason.ORDER_LINES_INVALID]: (d) => {
    const n = Array.isArray(d.problems) ? d.problems.length : 0;
    return n
      ? `La commande a ${plural(n, 'exigence impossible', 'exigences impossibles')} (en dessous des minimums du profil ou de la région) : relevez-les, ou retirez-les pour garder les valeurs du profil.`
      : 'Une ligne de la commande a une exigence impossible : relevez-la, ou retirez-la pour garder les valeurs du profil.';
  },
  [ErrorReason.BENEFICIARY_REFS_INVALID]: () =>
    'Les références des bénéficiaires ne sont pas valables : une par appareil, dans le même ordre, sans nom ni adresse e-mail (lettres, chiffres et . _ / # -).',
  [ErrorReason.ORDER_ALREADY_SHIPPED]: () => 'Des appareils de cette commande sont déjà expédiés : elle ne peut plus être annulée.',
  [ErrorReason.DEVICE_ALREADY_SHIPPED]: () => 'Cet appareil est déjà expédié : confirmez d’abord sa livraison, puis demandez à l’atelier de le reprendre.',
  [ErrorReason.DEVICE_NOT_AT_DELIVERY]: () =>
    'Seul un appareil expédié et pas encore livré peut être refusé à la remise : un appareil livré appartient à la personne équipée.',
  [ErrorReason.SWAP_SAME_LINE]: () => 'Les deux appareils servent la même ligne de commande : les échanger ne change rien.',
  [ErrorReason.SWAP_NOT_ELIGIBLE]: () => 'Un des appareils ne remplit pas les exigences de l’autre ligne : choisissez un autre appareil pour l’échange.',

  [ErrorReason.PSEUDONYMOUS_REFERENCE_INVALID]: () =>
    'Cette référence n’est pas pseudonyme : utilisez votre numéro de dossier (lettres, chiffres et . _ / # -), jamais un nom ni une adresse e-mail.',
  [ErrorReason.VOUCHER_NUMBER_REQUIRED]: () => 'Indiquez le numéro du chèque ou du bon d’accès sur lequel repose l’éligibilité.',
  [ErrorReason.VOUCHER_NUMBER_NOT_APPLICABLE]: () => 'Un numéro de bon d’accès ne vaut que pour l’éligibilité par bon : retirez-le ou choisissez ce motif.',
  [ErrorReason.ELIGIBILITY_BASIS_NOT_ACCEPTED]: () =>
    'La région n’accepte pas ce motif d’éligibilité : choisissez un des motifs qu’elle accepte, ou demandez au coordinateur de l’ajouter.',
  [ErrorReason.NEED_CATEGORY_NOT_FOR_PROFILE]: () => 'Ce type d’appareil ne convient pas à ce profil : choisissez-en un autre.',
  [ErrorReason.NEED_ALREADY_OPEN]: () => 'Cette personne attend déjà un appareil de ce type : suivez le besoin existant plutôt que d’en créer un second.',
  [ErrorReason.NEED_NOT_WAITING]: () => 'Ce besoin n’est plus en attente : rechargez la page pour voir où il en est.',
  [ErrorReason.NEEDS_OF_SEVERAL_PARTNERS]: () => 'Une commande est passée pour un seul partenaire : choisissez des besoins du même partenaire.',
  [ErrorReason.DATE_IN_FUTURE]: () => 'Cette date est à venir : indiquez la date à laquelle la séance a eu lieu.',

  [ErrorReason.LOAN_DUE_DATE_INVALID]: (d) =>
    ({
      MISSING: 'Un prêt a une date de retour : indiquez-la (dueDate).',
      NOT_A_LOAN: 'Un don n’a pas de date de retour : retirez-la, ou choisissez le prêt.',
      PAST: 'La date de retour doit être dans le futur.',
      TOO_FAR: 'Un prêt dure au plus trois ans : choisissez une date de retour plus proche, ou faites-en un don.',
      NOT_LATER: 'Une prolongation repousse la date de retour : choisissez une date après l’actuelle.',
    })[text(d.problem)] ?? 'La date de retour du prêt n’est pas valable.',
  [ErrorReason.DEVICE_NOT_DELIVERED]: (d) =>
    `${d.status ? `Cet appareil est à l’état « ${state(d.status)} » : s` : 'S'}eul un appareil livré à une personne peut faire l’objet d’un ticket de réparation.`,
  [ErrorReason.REPAIR_TICKET_ALREADY_OPEN]: () => 'Un ticket de réparation est déjà ouvert pour cet appareil : complétez-le plutôt que d’en ouvrir un autre.',
  [ErrorReason.REPLACEMENT_DEVICE_INVALID]: (d) =>
    ({
      MISSING: 'Un remplacement nomme l’appareil donné à la place (replacementDeviceId).',
      NOT_REPLACED: 'Un appareil de remplacement ne se nomme que pour un remplacement : retirez-le.',
      SAME_DEVICE: 'L’appareil de remplacement doit être un autre appareil que celui en panne.',
      NOT_IN_STOCK: `${d.status ? `L’appareil de remplacement est à l’état « ${state(d.status)} » : c` : 'C'}hoisissez un appareil en stock de votre atelier, effacé et évalué.`,
    })[text(d.problem)] ?? 'Cet appareil de remplacement ne convient pas.',
  [ErrorReason.PERSONAL_DATA_REFUSED]: () =>
    'Ce texte semble contenir une adresse e-mail ou un numéro de téléphone : décrivez la panne sans donnée personnelle.',

  [ErrorReason.DISCREPANCY_DECISION_INVALID]: () => 'Cet appareil a été compté, pas oublié : décidez « retrouvé » ou « erreur de saisie ».',
  [ErrorReason.STOCK_COUNT_CLOSED]: () => 'Les écarts de cet inventaire sont déjà tous décidés : rechargez la page.',
  [ErrorReason.DISCREPANCY_ALREADY_DECIDED]: (d) =>
    DECISION[text(d.decision)]
      ? `Cet écart est déjà décidé (« ${DECISION[text(d.decision)]} ») : rechargez la page.`
      : 'Cet écart est déjà décidé : rechargez la page.',

  [ErrorReason.SECURITY_EMAIL_REQUIRED]: () => 'Les e-mails sur la sécurité de votre compte partent toujours : choisissez un autre type d’événement.',
  [ErrorReason.EMAILS_NOT_CAPTURED]: () => 'Les e-mails partent par le serveur d’envoi : lisez-les dans les boîtes des destinataires.',

  [ErrorReason.PRICE_ABOVE_LEGAL_CAP]: (d) => {
    const what = CATEGORY[text(d.category)] ?? 'ces appareils';
    const cap = num(d.capCents) !== null && Number.isSafeInteger(d.capCents) ? formatEuros(num(d.capCents)!) : null;
    const source = text(d.source) ? `, plafond fixé par le ${text(d.source)}` : '';
    return cap
      ? `Le prix des ${what} donnés par un organisme public ne peut dépasser ${cap}${source} : baissez ce prix, ou réservez-le aux appareils de donateurs privés.`
      : `Ce prix dépasse le plafond légal des ${what} donnés par un organisme public : baissez-le, ou réservez-le aux appareils de donateurs privés.`;
  },

  [ErrorReason.DEVICE_NOT_RECYCLED]: () => 'Seul un appareil recyclé part comme déchet : recyclez-le d’abord, ou retirez-le de la liste.',
  [ErrorReason.RECYCLING_DESTINATION_RECORDED]: (d) =>
    typeof d.count === 'number' && d.count > 1
      ? `Ces ${plural(d.count, 'appareil a', 'appareils ont')} déjà une destination enregistrée : retirez-les de la liste.`
      : 'Cet appareil a déjà une destination enregistrée : retirez-le de la liste.',
  [ErrorReason.TAX_RECEIPT_NOT_ELIGIBLE]: () =>
    'Cet atelier n’est pas enregistré comme pouvant délivrer des reçus fiscaux : demandez au coordinateur de la région de vérifier son éligibilité.',
  [ErrorReason.TAX_RECEIPT_ALREADY_ISSUED]: (d) =>
    text(d.number)
      ? `Un reçu fiscal a déjà été délivré pour ce don (n° ${text(d.number)}) : téléchargez-le depuis la liste des reçus.`
      : 'Un reçu fiscal a déjà été délivré pour ce don : téléchargez-le depuis la liste des reçus.',
  [ErrorReason.NOT_PUBLIC_BODY]: () =>
    'Ce donateur n’est pas enregistré comme organisme public : le bilan des objectifs de réemploi ne concerne que l’État et les collectivités.',
  [ErrorReason.AGREEMENT_NOT_READY]: () => 'Aucun atelier n’a encore accepté ce don : la convention de don sera prête dès qu’un lot sera accepté.',
};

/** The French sentence of a refusal, as a client shows it. */
export function frenchMessage(reason: ErrorReason, details: Details = {}): string {
  return FRENCH_REASON_MESSAGES[reason](details);
}
