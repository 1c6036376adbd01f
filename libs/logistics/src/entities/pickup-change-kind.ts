import { registerEnumType } from '@nestjs/graphql';

/** What happened to a pickup, one row of its history each time. */
export enum PickupChangeKind {
  SCHEDULED = 'SCHEDULED',
  RESCHEDULED = 'RESCHEDULED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  MISSED = 'MISSED',
}

registerEnumType(PickupChangeKind, {
  name: 'PickupChangeKind',
  valuesMap: {
    SCHEDULED: { description: 'the refurbisher set the day it comes' },
    RESCHEDULED: { description: 'moved to another day (from → to); also a missed pickup given a new day' },
    CANCELLED: {
      description: 'called off by the refurbisher, the coordinator, or because the donation was cancelled; the lot may be scheduled again unless withdrawn',
    },
    COMPLETED: { description: 'the lot was collected' },
    MISSED: { description: 'not completed within 24 h of its time (marked by the daily sweep)' },
  },
});
