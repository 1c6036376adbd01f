import { duplicateSerialNumbers, normalizeSerialNumber } from './serial-number';

describe('serial numbers', () => {
  it('are trimmed, their inner spaces collapsed, and upper-cased', () => {
    expect(normalizeSerialNumber('  pf1 \t abc2d ')).toBe('PF1 ABC2D');
  });

  it('duplicates are reported once each, in input order', () => {
    expect(duplicateSerialNumbers(['A', 'B', 'A', 'C', 'B', 'A'])).toEqual(['A', 'B']);
    expect(duplicateSerialNumbers(['A', 'B'])).toEqual([]);
  });
});
