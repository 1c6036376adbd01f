import { registerDecorator, ValidationOptions } from 'class-validator';

const YEAR_MS = 365.25 * 24 * 3600_000;

/** How far from today a date people schedule (availability, pickup, need) may be. */
export const SCHEDULING_YEARS = 5;

/**
 * A date within `years` of now, both ways: a scheduling date far in the past or the future is
 * a typo. The DateTime scalar has already refused impossible dates and those outside 2000–2100.
 */
export function IsDateWithinYears(years: number = SCHEDULING_YEARS, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateWithinYears',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [years],
      options: { message: `$property must be a date within ${years} years of today`, ...options },
      validator: {
        validate(value: unknown): boolean {
          if (!(value instanceof Date) || Number.isNaN(value.getTime())) return false;
          return Math.abs(value.getTime() - Date.now()) <= years * YEAR_MS;
        },
      },
    });
}
