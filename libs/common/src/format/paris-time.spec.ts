import { parisDateTime, parisIsoDay } from './paris-time';

describe('Paris time for people', () => {
  it('writes a winter moment as French people read it', () => {
    expect(parisDateTime(new Date('2026-12-10T13:30:00Z'))).toBe('jeudi 10 décembre 2026 à 14 h 30');
  });

  it('follows summer time', () => {
    expect(parisDateTime(new Date('2026-07-01T07:05:00Z'))).toBe('mercredi 1er juillet 2026 à 9 h 05');
  });

  it('gives the Paris day of a late UTC evening', () => {
    expect(parisIsoDay(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-11');
  });
});
