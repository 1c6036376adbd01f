import { BadInputError } from '@app/common';
import { reportPeriod } from './report-period';

describe('reportPeriod', () => {
  const d = (iso: string) => new Date(iso);

  it('takes [from, to) up to five years', () => {
    expect(reportPeriod(d('2026-01-01T00:00:00Z'), d('2027-01-01T00:00:00Z'))).toEqual({ from: d('2026-01-01T00:00:00Z'), to: d('2027-01-01T00:00:00Z') });
    expect(reportPeriod(d('2024-02-29T00:00:00Z'), d('2029-02-28T00:00:00Z')).to).toEqual(d('2029-02-28T00:00:00Z'));
    expect(reportPeriod(d('2021-01-01T00:00:00Z'), d('2026-01-01T00:00:00Z')).from).toEqual(d('2021-01-01T00:00:00Z'));
  });

  it('refuses an empty or reversed period, a longer one, and invalid dates, as BAD_USER_INPUT', () => {
    const refused = (from: string, to: string) => {
      try {
        reportPeriod(d(from), d(to));
      } catch (e) {
        expect(e).toBeInstanceOf(BadInputError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toMatch(/from must be before to/);
    expect(refused('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')).toMatch(/from must be before to/);
    expect(refused('2021-01-01T00:00:00Z', '2026-01-01T00:00:00.001Z')).toMatch(/at most 5 years/);
    expect(refused('nonsense', '2026-01-01T00:00:00Z')).toMatch(/from must be a date/);
  });
});
