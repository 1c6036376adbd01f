import { normalizeSerialNumber } from './serial-number';

describe('normalizeSerialNumber', () => {
  it('ignores case, spaces, no-break spaces, dashes and dots', () => {
    expect(normalizeSerialNumber(' 5cg-123.456 7 ')).toBe('5CG1234567');
    expect(normalizeSerialNumber('PF1\u00A0ABC\u202F12')).toBe('PF1ABC12');
    expect(normalizeSerialNumber('SN\u20131')).toBe('SN1');
  });

  it('keeps every other character', () => {
    expect(normalizeSerialNumber('A/B_C#1')).toBe('A/B_C#1');
  });
});
