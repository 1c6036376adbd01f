import { isValidSiret, withSiretCheckDigit } from './siret';

describe('isValidSiret', () => {
  it('accepts real Luhn-valid SIRETs', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret(withSiretCheckDigit('1234567890123'))).toBe(true);
  });

  it('refuses a wrong check digit, wrong length or non-digits', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
    expect(isValidSiret('')).toBe(false);
  });

  it('applies La Poste’s digit-sum rule', () => {
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000049837')).toBe(true);
  });
});
