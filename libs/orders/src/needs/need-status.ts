import { registerEnumType } from '@nestjs/graphql';

/** Where a person's need stands: waiting for an order, ordered, served by a delivered device, or called off. */
export enum NeedStatus {
  WAITING = 'WAITING',
  ORDERED = 'ORDERED',
  SERVED = 'SERVED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  valuesMap: {
    WAITING: { description: 'on the region’s waiting list: no order line serves it yet' },
    ORDERED: { description: 'an order line serves it; back to WAITING if that order is cancelled' },
    SERVED: { description: 'a device of its line was delivered to the person' },
    CANCELLED: { description: 'called off by the partner or staff' },
  },
});
