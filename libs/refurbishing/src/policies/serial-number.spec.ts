import { normalizeSerialNumber } from '@app/common';
import { duplicateSerialNumbers, serialNumberAsEntered } from './serial-number';

describe('serial numbers', () => {
  it('are kept as entered for display: trimmed, inner spaces collapsed, case kept', () => {
    expect(serialNumberAsEntered('  ab-12 \t 34.5 ')).toBe('ab-12 34.5');
  });

  it('are compared by their key: a keyboard and a scanner name one device', () => {
    expect(normalizeSerialNumber('ab-12 34.5')).toBe(normalizeSerialNumber('AB12345'));
  });

  it('duplicates are reported once each, in input order', () => {
    expect(duplicateSerialNumbers(['A', 'B', 'A', 'C', 'B', 'A'])).toEqual(['A', 'B']);
    expect(duplicateSerialNumbers(['A', 'B'])).toEqual([]);
  });
});
