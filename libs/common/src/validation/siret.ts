/** La Poste's establishments follow their own rule (SIREN 356000000: digit sum divisible by 5). */
const LA_POSTE_SIREN = '356000000';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A SIRET as people write it, reduced to its digits' form: "356 000 000 00048",
 * "356.000.000.00048" or with the no-break spaces a word processor puts in all become
 * "35600000000048". Only separators are dropped; anything else stays, so that a letter still fails
 * `isValidSiret`.
 */
export function normalizeSiret(value: string): string {
  return value.replace(/[-\s\u00A0\u202F.]/g, '');
}

/** A French establishment id: 14 digits whose Luhn checksum holds. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== '35600000000048') {
    const sum = [...value].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value);
}

/** Completes 13 digits with the Luhn check digit (used by the demo seed and tests). */
export function withSiretCheckDigit(first13: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${first13}${d}`;
    if (luhnValid(candidate)) return candidate;
  }
  throw new Error('unreachable');
}
