import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy } from 'class-validator';
import { isValidSiret, normalizeSiret } from './siret';

/**
 * A SIRET field of an input: written as people write it (spaces, no-break spaces, dots, dashes),
 * reduced to its 14 digits before it is checked, so the service and the database only ever see
 * the normalised form. The length bound applies to what was sent, before normalising.
 */
export function IsSiretInput(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.length <= 40 ? normalizeSiret(value) : value)),
    MaxLength(40),
    ValidateBy({
      name: 'isSiret',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidSiret(value),
        defaultMessage: () => 'siret must be 14 digits with a valid Luhn checksum (spaces, dots and dashes between them are allowed)',
      },
    }),
  );
}
