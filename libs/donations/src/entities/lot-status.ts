import { registerEnumType } from '@nestjs/graphql';
import { StateMachine } from '@app/common';

export enum LotStatus {
  OFFERED = 'OFFERED',
  CLAIMED = 'CLAIMED',
  PICKUP_SCHEDULED = 'PICKUP_SCHEDULED',
  COLLECTED = 'COLLECTED',
  RECEIVED = 'RECEIVED',
  CLOSED = 'CLOSED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(LotStatus, {
  name: 'LotStatus',
  valuesMap: {
    OFFERED: { description: 'offered to one refurbisher, waiting for its claim until offerExpiresAt' },
    RECEIVED: { description: 'intake done: devices registered one by one' },
    CLOSED: { description: 'every device of the lot is processed' },
    DECLINED: { description: 'refused by the refurbisher; its devices go back to routing' },
    EXPIRED: { description: 'not claimed in time; its devices go back to routing' },
  },
});

/** The lot's life, as data (DESIGN.md "The flow and its states"). */
export const LOT_MACHINE = new StateMachine<LotStatus>('Lot', {
  OFFERED: [LotStatus.CLAIMED, LotStatus.DECLINED, LotStatus.EXPIRED, LotStatus.CANCELLED],
  CLAIMED: [LotStatus.PICKUP_SCHEDULED, LotStatus.CANCELLED],
  PICKUP_SCHEDULED: [LotStatus.COLLECTED, LotStatus.CLAIMED, LotStatus.CANCELLED],
  COLLECTED: [LotStatus.RECEIVED],
  RECEIVED: [LotStatus.CLOSED],
  CLOSED: [],
  DECLINED: [],
  EXPIRED: [],
  CANCELLED: [],
});

/** Lots whose devices count as routed: a device is in at most one of these. */
export const LIVE_LOT_STATUSES: LotStatus[] = [
  LotStatus.OFFERED,
  LotStatus.CLAIMED,
  LotStatus.PICKUP_SCHEDULED,
  LotStatus.COLLECTED,
  LotStatus.RECEIVED,
  LotStatus.CLOSED,
];

/** Lots that weigh on the refurbisher's weekly capacity (its load). */
export const LOAD_LOT_STATUSES: LotStatus[] = [LotStatus.OFFERED, LotStatus.CLAIMED, LotStatus.PICKUP_SCHEDULED, LotStatus.COLLECTED];
