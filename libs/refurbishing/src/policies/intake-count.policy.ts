import { DeviceCategory } from '@app/common';

export interface IntakeCount {
  category: DeviceCategory;
  declaredQuantity: number;
  receivedQuantity: number;
}

/**
 * Declared against received, per category: every category on either side, in the enum's
 * order. A lot of 10 laptops that arrives as 8 laptops and 2 monitors differs by -2 and +2,
 * although its total matches.
 */
export function intakeCounts(declared: ReadonlyArray<{ category: DeviceCategory; quantity: number }>, received: readonly DeviceCategory[]): IntakeCount[] {
  const counts = new Map<DeviceCategory, IntakeCount>();
  const entry = (category: DeviceCategory) => {
    let c = counts.get(category);
    if (!c) counts.set(category, (c = { category, declaredQuantity: 0, receivedQuantity: 0 }));
    return c;
  };
  for (const item of declared) entry(item.category).declaredQuantity += item.quantity;
  for (const category of received) entry(category).receivedQuantity += 1;
  const order = Object.values(DeviceCategory);
  return [...counts.values()].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
}
