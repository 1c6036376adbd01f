import { registerEnumType } from '@nestjs/graphql';
import { StateMachine } from '@app/common';

export enum PickupStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  MISSED = 'MISSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PickupStatus, {
  name: 'PickupStatus',
  valuesMap: {
    SCHEDULED: { description: 'agreed with the donor; the one live pickup of its lot' },
    MISSED: { description: 'not completed within 24 h of its time; the lot may be scheduled again' },
    CANCELLED: { description: 'its lot was withdrawn before collection' },
  },
});

/**
 * The pickup's life, as data (DESIGN.md "The flow and its states"). A missed pickup stays
 * MISSED: scheduling again creates a new pickup, so the history of attempts is kept.
 */
export const PICKUP_MACHINE = new StateMachine<PickupStatus>('Pickup', {
  SCHEDULED: [PickupStatus.COMPLETED, PickupStatus.MISSED, PickupStatus.CANCELLED],
  COMPLETED: [],
  MISSED: [],
  CANCELLED: [],
});
