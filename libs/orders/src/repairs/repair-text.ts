import { BadInputError, ErrorReason } from '@app/common';
import { holdsContactDetails } from './personal-data';

/** A ticket's text, trimmed; refused when empty (where required) or when it holds contact details. */
export function repairText(raw: string | null | undefined, field: 'symptom' | 'resolution', required: boolean): string | null {
  const value = raw?.trim() ?? '';
  if (!value) {
    if (!required) return null;
    throw new BadInputError(`${field} is required: say what fails`, { field }, ErrorReason.VALUE_REQUIRED);
  }
  if (holdsContactDetails(value)) {
    throw new BadInputError(
      `${field} holds an e-mail address or a phone number: describe the fault without personal data`,
      { field },
      ErrorReason.PERSONAL_DATA_REFUSED,
    );
  }
  return value;
}
