import { isValidSiret, normalizeSiret, withSiretCheckDigit } from './siret';

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

describe('normalizeSiret', () => {
  it('reduces a SIRET as people write it to its 14 digits', () => {
    for (const written of [
      '356 000 000 00048',
      '356.000.000.00048',
      '356\u00A0000\u00A0000\u00A000048',
      '356\u202F000\u202F000 00048',
      ' 356-000-000-00048 ',
    ]) {
      expect(normalizeSiret(written)).toBe('35600000000048');
    }
    expect(isValidSiret(normalizeSiret('732 829 320 00074'))).toBe(true);
  });

  it('keeps letters and other characters, so that the check still fails', () => {
    expect(normalizeSiret('732 829 32O 00074')).toBe('73282932O00074');
    expect(isValidSiret(normalizeSiret('732/829/320/00074'))).toBe(false);
  });
});
