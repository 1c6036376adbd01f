import { OrderStatus } from '../entities/order-status';

/** What a line holds, in units: every allocated unit is reserved, shipped or delivered. */
export interface LineProgress {
  quantity: number;
  /** units with a device linked (reserved, shipped or delivered) */
  allocatedQuantity: number;
  /** of those, shipped or delivered */
  shippedQuantity: number;
  /** of those, delivered */
  deliveredQuantity: number;
}

/**
 * An order's status follows its lines (DESIGN.md): OPEN while some unit has no device, then
 * ALLOCATED, SHIPPED once every unit left the refurbishers, DELIVERED once every unit arrived.
 * A partly shipped order whose other units are all reserved stays ALLOCATED.
 */
export function deriveOrderStatus(input: { cancelled: boolean; lines: readonly LineProgress[] }): OrderStatus {
  if (input.cancelled) return OrderStatus.CANCELLED;
  const total = sum(input.lines, (l) => l.quantity);
  if (total === 0 || sum(input.lines, (l) => l.allocatedQuantity) < total) return OrderStatus.OPEN;
  if (sum(input.lines, (l) => l.deliveredQuantity) === total) return OrderStatus.DELIVERED;
  if (sum(input.lines, (l) => l.shippedQuantity) === total) return OrderStatus.SHIPPED;
  return OrderStatus.ALLOCATED;
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((s, item) => s + of(item), 0);
}
