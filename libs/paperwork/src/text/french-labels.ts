import { DeviceCategory } from '@app/common';
import { categoryCount } from '@app/reporting';

/** "3 ordinateurs portables, 1 écran", in the order of the DeviceCategory enum. */
export function inventoryLine(counts: ReadonlyArray<{ category: string; quantity: number }>): string {
  const order = Object.values(DeviceCategory) as string[];
  return [...counts]
    .filter((c) => c.quantity > 0)
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
    .map((c) => categoryCount(c.quantity, c.category))
    .join(', ');
}

/** "12/03/2026", Paris time: the register's date column */
export function registerDate(d: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}
