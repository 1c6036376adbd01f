import { BadInputError, ErrorReason } from '@app/common';
import { BENEFICIARY_REFERENCE_PATTERN } from '../policies/beneficiary-reference';

/**
 * Refuses what could be a name or a contact where a pseudonymous reference is asked for (the
 * rule deliveries already apply): no spaces, no '@', short. A partner's file number passes.
 */
export function assertPseudonymous(field: string, value: string): void {
  if (BENEFICIARY_REFERENCE_PATTERN.test(value)) return;
  throw new BadInputError(
    `${field} is not a pseudonymous reference (1-64 letters, digits, . _ / # -; no spaces, no names, no e-mail): use your own file number`,
    { field },
    ErrorReason.PSEUDONYMOUS_REFERENCE_INVALID,
  );
}
