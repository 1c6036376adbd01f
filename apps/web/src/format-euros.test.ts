import { centsToEurosInput, formatEuros, parseEuros } from './format';

describe('money in the console', () => {
  it('writes cents as euros the French way, with the spaces Intl writes', () => {
    expect(formatEuros(18_000)).toBe('180,00\u00a0€');
    expect(formatEuros(18_050)).toBe('180,50\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(0)).toBe('0,00\u00a0€');
    expect(formatEuros(125_050)).toBe('1\u202f250,50\u00a0€');
    expect(formatEuros(123_456_789)).toBe('1\u202f234\u202f567,89\u00a0€');
    for (const cents of [0, 7, 99, 100, 18_050, 99_999, 1_000_000, 123_456_789]) {
      expect(formatEuros(cents)).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100));
    }
  });

  it('writes a dash, never "NaN €", for what is not a whole number of cents', () => {
    expect(formatEuros(null)).toBe('—');
    expect(formatEuros(undefined)).toBe('—');
    expect(formatEuros(1.5)).toBe('—');
    expect(formatEuros(Number.NaN)).toBe('—');
  });

  it('reads euros as people type them into whole cents', () => {
    expect(parseEuros('180')).toBe(18_000);
    expect(parseEuros('180,50')).toBe(18_050);
    expect(parseEuros('180,5')).toBe(18_050);
    expect(parseEuros('180.50')).toBe(18_050);
    expect(parseEuros(' 1 250,50 € ')).toBe(125_050);
    expect(parseEuros('1\u202f250,50\u00a0€')).toBe(125_050);
    expect(parseEuros('0')).toBe(0);
    expect(parseEuros('007,07')).toBe(707);
  });

  it('reads the string, not a float: no cent is lost to rounding', () => {
    // parseFloat('0.29') * 100 is 28.999999999999996, and 1.005 * 100 is 100.49999999999999
    expect(parseEuros('0,29')).toBe(29);
    expect(parseEuros('4,35')).toBe(435);
    expect(parseEuros('1,01')).toBe(101);
    for (let cents = 0; cents < 100_000; cents += 37) expect(parseEuros(centsToEurosInput(cents))).toBe(cents);
  });

  it('refuses what is not an amount instead of guessing', () => {
    for (const text of ['', ' ', '-5', '180,505', '1e3', 'douze', '180,', ',50', '1.250,50', 'Infinity', '0x10', '123456789']) {
      expect(parseEuros(text)).toBeNull();
    }
  });

  it('shows a stored price back as it would be typed', () => {
    expect(centsToEurosInput(18_000)).toBe('180');
    expect(centsToEurosInput(18_050)).toBe('180,50');
    expect(centsToEurosInput(5)).toBe('0,05');
  });
});
