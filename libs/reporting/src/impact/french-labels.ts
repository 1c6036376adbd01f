import { DeviceCategory } from '@app/common';

/**
 * Every code a donor's documents show, in French: one table for the PDF, the verification page
 * and the CSV's human columns, so that a person never reads NIST_800_88_PURGE or NO_STORAGE.
 * Programs keep the codes (GraphQL, the CSV's code columns).
 */
export const CATEGORY_LABEL: Record<DeviceCategory, { one: string; many: string }> = {
  [DeviceCategory.LAPTOP]: { one: 'ordinateur portable', many: 'ordinateurs portables' },
  [DeviceCategory.DESKTOP]: { one: 'ordinateur fixe', many: 'ordinateurs fixes' },
  [DeviceCategory.MONITOR]: { one: 'écran', many: 'écrans' },
  [DeviceCategory.TABLET]: { one: 'tablette', many: 'tablettes' },
  [DeviceCategory.SMARTPHONE]: { one: 'smartphone', many: 'smartphones' },
  [DeviceCategory.PRINTER]: { one: 'imprimante', many: 'imprimantes' },
  [DeviceCategory.OTHER]: { one: 'autre équipement', many: 'autres équipements' },
};

export const ERASURE_METHOD_LABEL: Record<string, string> = {
  NIST_800_88_CLEAR: 'effacement logiciel (NIST SP 800-88, niveau « Clear »)',
  NIST_800_88_PURGE: 'effacement sécurisé (NIST SP 800-88, niveau « Purge »)',
  PHYSICAL_DESTRUCTION: 'destruction physique du support',
  NO_STORAGE: 'sans support de données (rien à effacer)',
};

export const OUTCOME_LABEL: Record<string, string> = {
  REUSED: 'remis à une personne',
  AWAITING_BENEFICIARY: 'reconditionné, en attente de bénéficiaire',
  RECYCLED: 'recyclé',
  IN_PROGRESS: 'en cours de traitement',
  MISSING: 'introuvable à l’inventaire',
};

export const PROFILE_LABEL: Record<string, { one: string; many: string }> = {
  PUPIL: { one: 'élève', many: 'élèves' },
  STUDENT: { one: 'étudiant ou étudiante', many: 'étudiants' },
  DESIGN_STUDENT: { one: 'étudiant ou étudiante en création', many: 'étudiants en création' },
  JOB_SEEKER: { one: 'demandeur ou demandeuse d’emploi', many: 'demandeurs d’emploi' },
  SENIOR: { one: 'senior', many: 'seniors' },
  FAMILY: { one: 'famille', many: 'familles' },
  ASSOCIATION: { one: 'association', many: 'associations' },
  OTHER: { one: 'autre public', many: 'autres publics' },
};

const DECIMALS = new Map<number, Intl.NumberFormat>();

/** French grouping (U+202F between thousands, a comma before decimals): the embedded font has every glyph. */
export function frNumber(n: number, maxDecimals = 0): string {
  let format = DECIMALS.get(maxDecimals);
  if (!format) DECIMALS.set(maxDecimals, (format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: maxDecimals })));
  return format.format(n);
}

/** French plural: 0 and 1 take the singular ("0 appareil", "1 appareil recyclé", "2 appareils recyclés"). */
export function frCount(n: number, one: string, many: string): string {
  return `${frNumber(n)} ${Math.abs(n) < 2 ? one : many}`;
}

/** After the people equipped: how many of them had an accompaniment session (an invariable phrase: no agreement to get wrong). */
export function peopleAccompaniedClause(n: number): string {
  return `, dont ${frNumber(n)} ayant bénéficié d’un accompagnement au numérique`;
}

export function categoryCount(n: number, category: string): string {
  const label = CATEGORY_LABEL[category as DeviceCategory] ?? CATEGORY_LABEL[DeviceCategory.OTHER];
  return frCount(n, label.one, label.many);
}

export function categoryTitle(category: string): string {
  const label = (CATEGORY_LABEL[category as DeviceCategory] ?? CATEGORY_LABEL[DeviceCategory.OTHER]).many;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
