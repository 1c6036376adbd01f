import { registerEnumType } from '@nestjs/graphql';
import { StateMachine } from '@app/common';

export enum OrderStatus {
  OPEN = 'OPEN',
  ALLOCATED = 'ALLOCATED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  valuesMap: {
    OPEN: { description: 'waiting for (more) stock' },
    ALLOCATED: { description: 'every unit is reserved' },
  },
});

/**
 * The order's life, as data (DESIGN.md "The flow and its states"). The status is derived from
 * the lines (deriveOrderStatus) and this table checks every change the derivation makes.
 * ALLOCATED -> OPEN is the way back when a reservation is released (stale, or its device went
 * missing) and the order waits for stock again; SHIPPED -> OPEN when the partner refuses a device
 * as it is handed over and its line asks for another.
 */
export const ORDER_MACHINE = new StateMachine<OrderStatus>('Order', {
  OPEN: [OrderStatus.ALLOCATED, OrderStatus.CANCELLED],
  ALLOCATED: [OrderStatus.OPEN, OrderStatus.SHIPPED, OrderStatus.CANCELLED],
  SHIPPED: [OrderStatus.DELIVERED, OrderStatus.OPEN],
  DELIVERED: [],
  CANCELLED: [],
});

/** Orders whose lines still take stock: the only ones matching looks at. */
export const MATCHABLE_ORDER_STATUSES: readonly OrderStatus[] = [OrderStatus.OPEN];
