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
    MISSED: { description: 'not completed within 24 h of its time; it may be rescheduled, cancelled, or its lot scheduled again' },
    CANCELLED: { description: 'called off by its refurbisher or the coordinator (the lot is CLAIMED again), or its lot was withdrawn with its donation' },
  },
});

/**
 * The pickup's life, as data (DESIGN.md "The flow and its states"). Rescheduling keeps the
 * pickup SCHEDULED with a new date (SCHEDULED -> SCHEDULED); a MISSED pickup may be given a new
 * date too, or cancelled, so that nobody is stuck with it. Every change is a row of its history
 * (pickup_change). Scheduling the lot again instead still creates a new pickup.
 */
export const PICKUP_MACHINE = new StateMachine<PickupStatus>('Pickup', {
  SCHEDULED: [PickupStatus.SCHEDULED, PickupStatus.COMPLETED, PickupStatus.MISSED, PickupStatus.CANCELLED],
  COMPLETED: [],
  MISSED: [PickupStatus.SCHEDULED, PickupStatus.CANCELLED],
  CANCELLED: [],
});
