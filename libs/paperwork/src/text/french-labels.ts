import { DeviceCategory } from '@app/common';

/** Device categories as the papers name them, for people (the codes stay for programs). */
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

/** "3 ordinateurs portables" */
export function categoryCount(n: number, category: string): string {
  const label = CATEGORY_LABEL[category as DeviceCategory] ?? CATEGORY_LABEL[DeviceCategory.OTHER];
  return `${n} ${n >= 2 ? label.many : label.one}`;
}

/** "3 ordinateurs portables, 1 écran", in the order of the DeviceCategory enum. */
export function inventoryLine(counts: ReadonlyArray<{ category: string; quantity: number }>): string {
  const order = Object.values(DeviceCategory) as string[];
  return [...counts]
    .filter((c) => c.quantity > 0)
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
    .map((c) => categoryCount(c.quantity, c.category))
    .join(', ');
}

/** "12 mars 2026", Paris time */
export function frenchDate(d: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "12/03/2026", Paris time: the register's date column */
export function registerDate(d: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}
