import { missedCutoff, tomorrowUtc } from './pickup-calendar';

describe('tomorrowUtc', () => {
  it('is the whole next UTC day, whatever the hour', () => {
    for (const now of ['2026-11-23T00:00:00.000Z', '2026-11-23T13:45:00.000Z', '2026-11-23T23:59:59.999Z']) {
      expect(tomorrowUtc(new Date(now))).toEqual({ from: new Date('2026-11-24T00:00:00.000Z'), to: new Date('2026-11-25T00:00:00.000Z') });
    }
  });

  it('crosses months, years and leap days', () => {
    expect(tomorrowUtc(new Date('2026-12-31T22:00:00Z'))).toEqual({ from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-01-02T00:00:00Z') });
    expect(tomorrowUtc(new Date('2028-02-28T10:00:00Z')).from).toEqual(new Date('2028-02-29T00:00:00Z'));
  });
});

describe('missedCutoff', () => {
  it('is 24 hours before now', () => {
    expect(missedCutoff(new Date('2026-11-23T10:00:00Z'))).toEqual(new Date('2026-11-22T10:00:00Z'));
  });
});
