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
  // a need, a loan, a repair ticket
  WAITING: 'En attente',
  ORDERED: 'Commandé',
  SERVED: 'Équipé',
  ACTIVE: 'En cours',
  CONVERTED: 'Devenu un don',
  REPLACED: 'Remplacé',
  RESOLVED: 'Résolue',
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
  LOAN_DUE_SOON: 'Prêt bientôt à rendre',
  LOAN_OVERDUE: 'Prêt en retard',
  LOAN_RETURNED: 'Prêt rendu',
  REPAIR_TICKET_OPENED: 'Demande de réparation',
  REPAIR_TICKET_RESOLVED: 'Réparation traitée',
  INVOICE_ISSUED: 'Facture émise',
  TAX_RECEIPT_ISSUED: 'Reçu fiscal émis',
  DONATION_AGREEMENT_READY: 'Convention de don disponible',
  NEED_SERVED: 'Besoin servi',
};

export const NOTIFICATION_DELIVERY: Record<string, string> = {
  IMMEDIATE: 'Immédiat',
  DAILY_DIGEST: 'Résumé quotidien',
  OFF: 'Désactivé',
};

/** The people equipped: how a need is recorded, why it is cancelled, what a session or a repair was. */
export const ELIGIBILITY_BASIS: Record<string, string> = {
  VOUCHER: 'Chèque ou pass numérique (avec son numéro)',
  INCOME_CRITERIA: 'Ressources sous le plafond du réseau (déclaré)',
  SOCIAL_MINIMA: 'Bénéficiaire d’un minimum social (déclaré)',
  JOB_SEEKER: 'Demandeur d’emploi inscrit (déclaré)',
  STUDENT_GRANT: 'Étudiant boursier (déclaré)',
  SOCIAL_WORKER_ASSESSMENT: 'Évaluation d’un travailleur social',
};
export const REFERRAL_SOURCE: Record<string, string> = {
  PARTNER: 'Notre structure',
  JOB_CENTRE: 'France Travail, mission locale',
  SCHOOL: 'École, université',
  TOWN_SOCIAL_SERVICE: 'CCAS de la commune',
};
export const NEED_URGENCY: Record<string, string> = {
  NORMAL: 'Normale',
  HIGH: 'Haute (une échéance proche)',
  URGENT: 'Urgente (droits ou revenus en jeu)',
};
export const NEED_CANCELLATION_REASON: Record<string, string> = {
  NO_LONGER_NEEDED: 'N’en a plus besoin',
  EQUIPPED_OTHERWISE: 'Équipé autrement',
  NOT_ELIGIBLE: 'Pas éligible',
  UNREACHABLE: 'Injoignable',
  DUPLICATE: 'Doublon',
};
export const ACCOMPANIMENT_KIND: Record<string, string> = {
  DIGITAL_SKILLS_WORKSHOP: 'Atelier numérique',
  FIRST_SETUP: 'Prise en main de l’appareil',
  FOLLOW_UP: 'Suivi',
};
export const REPAIR_OUTCOME: Record<string, string> = {
  REPAIRED: 'Réparé',
  REPLACED: 'Remplacé par un appareil du stock',
  CLOSED: 'Clos sans intervention',
};

/** Money and paperwork: the documents of a shipment, the waste codes a workshop's register uses. */
export const INVOICE_KIND: Record<string, string> = {
  INVOICE: 'Facture',
  DELIVERY_NOTE: 'Bon de livraison (gratuit)',
};
export const WASTE_CODE: Record<string, string> = {
  '16 02 14': '16 02 14 — équipements mis au rebut, non dangereux',
  '16 02 13*': '16 02 13* — équipements contenant des composants dangereux',
  '16 02 11*': '16 02 11* — équipements contenant des CFC, HCFC ou HFC',
  '16 02 16': '16 02 16 — composants retirés des équipements',
  '20 01 36': '20 01 36 — équipements électriques et électroniques (municipaux), non dangereux',
  '20 01 35*': '20 01 35* — équipements électriques et électroniques (municipaux), dangereux',
};

export const label = (table: Record<string, string>, value: string | null | undefined): string => (value ? (table[value] ?? value) : '—');
