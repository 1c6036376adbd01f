import { endOfDayIso, formatEstimatedWait, formatTypedDay } from './estimated-wait';

describe('the estimated wait in words', () => {
  it('says unknown rather than inventing a figure when nothing reached stock lately', () => {
    expect(formatEstimatedWait(null)).toBe('inconnue');
    expect(formatEstimatedWait(undefined)).toBe('inconnue');
  });

  it('says a device is there when the stock covers the need now', () => {
    expect(formatEstimatedWait(0)).toBe('un appareil est disponible');
  });

  it('rounds to days, then weeks, then months, singular where French wants it', () => {
    expect(formatEstimatedWait(1)).toBe('environ 1 jour');
    expect(formatEstimatedWait(5)).toBe('environ 5 jours');
    expect(formatEstimatedWait(7)).toBe('environ 1 semaine');
    expect(formatEstimatedWait(20)).toBe('environ 3 semaines');
    expect(formatEstimatedWait(59)).toBe('environ 8 semaines');
    expect(formatEstimatedWait(95)).toBe('environ 3 mois');
  });

  it('takes a due date typed as a day to the end of that day', () => {
    const due = new Date(endOfDayIso('2027-03-15'));
    expect([due.getFullYear(), due.getMonth() + 1, due.getDate(), due.getHours()]).toEqual([2027, 3, 15, 23]);
  });

  it('says a typed day as that day, whatever the browser’s time zone', () => {
    expect(formatTypedDay('2026-06-30')).toBe('30 juin 2026');
  });
});
