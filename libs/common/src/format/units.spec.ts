import { formatDelay, formatDistanceKm, formatDuration, formatFrenchDateTime } from './units';

describe('numbers and units as people read them', () => {
  it('gives distances to the tenth of a kilometre with a decimal comma', () => {
    expect(formatDistanceKm(12.34)).toBe('12,3 km');
    expect(formatDistanceKm(12.36)).toBe('12,4 km');
    expect(formatDistanceKm(40)).toBe('40 km');
    expect(formatDistanceKm(0.04)).toBe('0 km');
    expect(formatDistanceKm(199.96)).toBe('200 km');
    expect(formatDistanceKm(Number.NaN)).toBe('? km');
  });

  it('gives durations in seconds, minutes, hours up to two days, then days', () => {
    expect(formatDuration(1_000)).toBe('1 seconde');
    expect(formatDuration(30_000)).toBe('30 secondes');
    expect(formatDuration(200)).toBe('1 seconde');
    expect(formatDuration(15 * 60_000)).toBe('15 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(48 * 3_600_000)).toBe('48 h');
    expect(formatDuration(49 * 3_600_000)).toBe('2 jours');
    expect(formatDuration(7 * 24 * 3_600_000 + 5_000)).toBe('7 jours');
    expect(formatDuration(-2 * 3_600_000)).toBe('2 h');
  });

  it('says when, from now', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    expect(formatDelay(new Date('2026-03-04T10:00:00Z'), now)).toBe('dans 3 jours');
    expect(formatDelay('2026-03-01T07:00:00Z', now)).toBe('il y a 3 h');
    expect(formatDelay('not a date', now)).toBe('à une date inconnue');
  });

  it('gives dates in French, at the time of Paris', () => {
    expect(formatFrenchDateTime('2026-03-01T09:30:00Z')).toBe('dimanche 1er mars 2026 à 10 h 30');
    expect(formatFrenchDateTime('nonsense')).toBe('une date inconnue');
  });
});
