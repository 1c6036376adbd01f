import { registerEnumType } from '@nestjs/graphql';

/**
 * How urgent a need is, as the partner judges it. Declared from the least to the most urgent:
 * PostgreSQL orders an enum by its declaration, and the waiting list puts the most urgent first.
 */
export enum NeedUrgency {
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

registerEnumType(NeedUrgency, {
  name: 'NeedUrgency',
  valuesMap: {
    HIGH: { description: 'a deadline soon (an exam, a job interview, an online procedure)' },
    URGENT: { description: 'rights or income at stake without a device now' },
  },
});

/** Rank of an urgency: higher is served first (also an ordered line's matching priority). */
export const URGENCY_RANK: Readonly<Record<NeedUrgency, number>> = {
  [NeedUrgency.NORMAL]: 0,
  [NeedUrgency.HIGH]: 1,
  [NeedUrgency.URGENT]: 2,
};
