import { registerEnumType } from '@nestjs/graphql';

/** What a reviewer decides about one discrepancy of a count. */
export enum DiscrepancyDecision {
  /** not on the shelf: the device becomes MISSING (its reservation released) */
  CONFIRM_MISSING = 'CONFIRM_MISSING',
  /** it is there after all (a MISSING line), or a missing device turned up (an UNEXPECTED one: recovered) */
  FOUND = 'FOUND',
  /** the count was wrong (a serial misread or mistyped): nothing moves */
  MISSCANNED = 'MISSCANNED',
}

registerEnumType(DiscrepancyDecision, {
  name: 'DiscrepancyDecision',
  valuesMap: {
    CONFIRM_MISSING: { description: 'not on the shelf: the device becomes MISSING and its reservation is released' },
    FOUND: { description: 'there after all; an unexpected serial of a MISSING device recovers it' },
    MISSCANNED: { description: 'the count was wrong: nothing moves' },
  },
});
