import { formatDate, formatDateTime, formatDuration, formatNumber, formatPercent, isoToLocalInput, localInputToIso } from './format';

// Intl writes a narrow no-break space before units and as the thousands separator: compare what people read
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('the console’s formats', () => {
  it('writes instants in Paris time, in French, whatever the browser’s zone', () => {
    expect(plain(formatDateTime('2026-03-01T08:05:00Z'))).toBe('1 mars 2026, 09:05');
    expect(plain(formatDateTime('2026-07-14T22:30:00Z'))).toBe('15 juil. 2026, 00:30');
    expect(plain(formatDate('2026-12-31T23:30:00Z'))).toBe('1 janv. 2027');
  });

  it('writes numbers and shares the French way', () => {
    expect(plain(formatNumber(12345.678))).toBe('12 345,7');
    expect(formatNumber(0)).toBe('0');
    expect(plain(formatPercent(0.456))).toBe('46 %');
  });

  it('writes a dash for what is not there, never "null" or "Invalid Date"', () => {
    for (const format of [formatDateTime, formatDate]) {
      expect(format(null)).toBe('—');
      expect(format(undefined)).toBe('—');
    }
    expect(formatNumber(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('writes a duration as people read it', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(0.4)).toBe('0 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(7800)).toBe('2 h 10 min');
    // a clock that went backwards is no negative lag
    expect(formatDuration(-3)).toBe('0 s');
  });

  it('turns a datetime-local field into an instant and back', () => {
    const local = '2026-05-04T09:30';
    expect(isoToLocalInput(localInputToIso(local))).toBe(local);
  });
});
