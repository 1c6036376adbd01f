/** The API's codes in the words of the people who use the console. */
export const CATEGORY: Record<string, string> = {
  LAPTOP: 'Ordinateur portable',
  DESKTOP: 'Ordinateur fixe',
  MONITOR: 'Écran',
  TABLET: 'Tablette',
  SMARTPHONE: 'Smartphone',
  PRINTER: 'Imprimante',
  OTHER: 'Autre',
};
export const CATEGORIES = Object.keys(CATEGORY);

export const STATUS: Record<string, string> = {
  DECLARED: 'Déclaré',
  ROUTED: 'Orienté',
  COLLECTED: 'Collecté',
  PROCESSED: 'Traité',
  CANCELLED: 'Annulé',
  OFFERED: 'Proposé',
  CLAIMED: 'Accepté',
  PICKUP_SCHEDULED: 'Enlèvement planifié',
  RECEIVED: 'Réceptionné',
  CLOSED: 'Clos',
  DECLINED: 'Refusé',
  EXPIRED: 'Expiré',
  SCHEDULED: 'Planifié',
  COMPLETED: 'Effectué',
  MISSED: 'Manqué',
  WIPED: 'Effacé',
  IN_STOCK: 'En stock',
  RESERVED: 'Réservé',
  SHIPPED: 'Expédié',
  DELIVERED: 'Livré',
  RECYCLED: 'Recyclé',
  MISSING: 'Manquant',
  OPEN: 'Ouverte',
  ALLOCATED: 'Attribuée',
  RETURNED: 'Rendu',
};

export const ROLE: Record<string, string> = {
  ADMIN: 'Administrateur',
  COORDINATOR: 'Coordination régionale',
  DONOR: 'Donateur',
  REFURBISHER: 'Atelier de reconditionnement',
  PARTNER: 'Partenaire',
};
export const ROLES = Object.keys(ROLE);

export const ORGANIZATION_KIND: Record<string, string> = {
  COORDINATOR: 'Coordination',
  DONOR: 'Donateur',
  REFURBISHER: 'Atelier',
  PARTNER: 'Partenaire',
};

export const PROFILE: Record<string, string> = {
  SENIOR: 'Personne âgée',
  FAMILY: 'Famille',
  JOB_SEEKER: 'Demandeur d’emploi',
  STUDENT: 'Étudiant',
  DESIGN_STUDENT: 'Étudiant en design',
  PUPIL: 'Élève',
  ASSOCIATION: 'Association',
  OTHER: 'Autre',
};
export const PROFILES = Object.keys(PROFILE);

export const ERASURE_METHOD: Record<string, string> = {
  NIST_800_88_CLEAR: 'NIST 800-88 Clear (réécriture)',
  NIST_800_88_PURGE: 'NIST 800-88 Purge (effacement sécurisé)',
  PHYSICAL_DESTRUCTION: 'Destruction physique du disque',
  NO_STORAGE: 'Sans stockage',
};

export const UNROUTED_REASON: Record<string, string> = {
  AWAITING_ROUTING: 'en attente d’orientation',
  NO_REFURBISHER_IN_RADIUS: 'aucun atelier à portée',
  NO_REFURBISHER_FOR_CATEGORY: 'aucun atelier pour cette catégorie',
  NO_CAPACITY: 'plus de capacité cette semaine',
  ALL_DECLINED: 'refusé par tous les ateliers à portée',
  PAUSED: 'ateliers en pause',
};

export const PICKUP_CHANGE: Record<string, string> = {
  SCHEDULED: 'Planifié',
  RESCHEDULED: 'Reporté',
  CANCELLED: 'Annulé',
  MISSED: 'Manqué',
  COMPLETED: 'Effectué',
};

export const STUCK_KIND: Record<string, { label: string; action: string }> = {
  UNROUTED_DEVICES: { label: 'Appareils non orientés', action: 'Attribuer le lot à la main, lever un refus ou relever une capacité.' },
  OFFER_EXPIRING: { label: 'Offre sans réponse bientôt expirée', action: 'Appeler l’atelier, ou réattribuer le lot.' },
  LOT_NOT_COLLECTED: { label: 'Lot accepté non collecté', action: 'Relancer l’atelier pour planifier l’enlèvement, ou réattribuer le lot.' },
  PICKUP_MISSED: { label: 'Enlèvement manqué', action: 'Reporter ou annuler l’enlèvement.' },
  ORDER_WAITING: { label: 'Commande en attente', action: 'Lancer l’attribution du stock, ou contacter le partenaire.' },
  RESERVATION_NOT_SHIPPED: { label: 'Réservation non expédiée', action: 'Relancer l’atelier, ou libérer la réservation.' },
};

export const COUNT_STATUS: Record<string, string> = {
  OPEN: 'À examiner',
  RESOLVED: 'Clos',
  SUPERSEDED: 'Remplacé par un inventaire plus récent',
};

export const DISCREPANCY_KIND: Record<string, string> = {
  MISSING: 'Manquant (attendu, non compté)',
  UNEXPECTED: 'En trop (compté, non attendu)',
};

export const DISCREPANCY_DECISION: Record<string, string> = {
  CONFIRM_MISSING: 'Manquant confirmé',
  FOUND: 'Retrouvé',
  MISSCANNED: 'Erreur de comptage',
};

/** What a notification is about, as the inbox and the preferences name it. */
export const NOTIFICATION_EVENT: Record<string, string> = {
  LOT_OFFERED: 'Nouveau lot proposé',
  OFFER_EXPIRING: 'Offre bientôt expirée',
  LOT_DECLINED: 'Lot refusé par un atelier',
  LOT_EXPIRED: 'Offre expirée',
  LOT_REASSIGNED: 'Lot réattribué',
  DONATION_CANCELLED: 'Don annulé',
  PICKUP_SCHEDULED: 'Enlèvement planifié',
  PICKUP_RESCHEDULED: 'Enlèvement reporté',
  PICKUP_CANCELLED: 'Enlèvement annulé',
  PICKUP_REMINDER: 'Rappel d’enlèvement',
  PICKUP_MISSED: 'Enlèvement manqué',
  ORDER_ALLOCATED: 'Commande attribuée',
  DEVICES_SHIPPED: 'Appareils expédiés',
  DELIVERY_CONFIRMED: 'Livraison confirmée',
  DONOR_REPORT_READY: 'Rapport d’impact disponible',
  STOCK_COUNT_DISCREPANCIES: 'Écarts d’inventaire',
  PASSWORD_RESET: 'Réinitialisation du mot de passe',
};

export const NOTIFICATION_DELIVERY: Record<string, string> = {
  IMMEDIATE: 'Immédiat',
  DAILY_DIGEST: 'Résumé quotidien',
  OFF: 'Désactivé',
};

export const label = (table: Record<string, string>, value: string | null | undefined): string => (value ? (table[value] ?? value) : '—');
