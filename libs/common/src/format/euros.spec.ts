import { assertCents, formatEuros, sumCents } from './euros';

describe('money in cents', () => {
  it('writes euros the French way, from whole cents', () => {
    expect(formatEuros(18_000)).toBe('180,00\u00a0€');
    expect(formatEuros(0)).toBe('0,00\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(125_050)).toBe('1\u202f250,50\u00a0€');
    expect(formatEuros(123_456_789)).toBe('1\u202f234\u202f567,89\u00a0€');
    expect(formatEuros(-3_000)).toBe('-30,00\u00a0€');
  });

  it('agrees with Intl fr-FR for whole amounts', () => {
    for (const cents of [0, 99, 100, 18_000, 1_000_000, 987_654_321]) {
      const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
      expect(formatEuros(cents)).toBe(intl);
    }
  });

  it('adds cents exactly where floats of euros drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumCents([10, 20])).toBe(30);
    expect(sumCents(Array.from({ length: 1000 }, () => 1))).toBe(1000);
    expect(sumCents([])).toBe(0);
  });

  it('refuses fractions of a cent and unsafe numbers', () => {
    expect(() => formatEuros(1.5)).toThrow(RangeError);
    expect(() => sumCents([1, 0.5])).toThrow(RangeError);
    expect(() => assertCents(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => assertCents(Number.NaN)).toThrow(RangeError);
  });
});
