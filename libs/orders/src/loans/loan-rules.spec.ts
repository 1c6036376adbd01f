import { dueDateProblem, isOverdue, latestDueDate, MAX_LOAN_YEARS } from './loan-rules';

const NOW = new Date('2026-03-01T09:00:00Z');
const DAY = 24 * 3600_000;

describe('loan dates', () => {
  it('a due date is needed, in the future, and at most three years away', () => {
    expect(dueDateProblem(null, NOW)).toBe('MISSING');
    expect(dueDateProblem(NOW, NOW)).toBe('PAST');
    expect(dueDateProblem(new Date(NOW.getTime() - DAY), NOW)).toBe('PAST');
    expect(dueDateProblem(new Date(NOW.getTime() + DAY), NOW)).toBeNull();
    expect(MAX_LOAN_YEARS).toBe(3);
    expect(latestDueDate(NOW).toISOString()).toBe('2029-03-01T09:00:00.000Z');
    expect(dueDateProblem(latestDueDate(NOW), NOW)).toBeNull();
    expect(dueDateProblem(new Date(latestDueDate(NOW).getTime() + 1), NOW)).toBe('TOO_FAR');
  });

  it('an extension moves the date later, never earlier nor to the same day', () => {
    const current = new Date(NOW.getTime() + 30 * DAY);
    expect(dueDateProblem(new Date(NOW.getTime() + 10 * DAY), NOW, current)).toBe('NOT_LATER');
    expect(dueDateProblem(current, NOW, current)).toBe('NOT_LATER');
    expect(dueDateProblem(new Date(NOW.getTime() + 60 * DAY), NOW, current)).toBeNull();
    // an overdue loan may be extended from today on
    expect(dueDateProblem(new Date(NOW.getTime() + DAY), NOW, new Date(NOW.getTime() - 5 * DAY))).toBeNull();
  });

  it('overdue: past its due date and still with the person', () => {
    const past = new Date(NOW.getTime() - DAY);
    expect(isOverdue({ status: 'ACTIVE', dueDate: past }, NOW)).toBe(true);
    expect(isOverdue({ status: 'ACTIVE', dueDate: new Date(NOW.getTime() + DAY) }, NOW)).toBe(false);
    for (const status of ['RETURNED', 'CONVERTED', 'REPLACED']) expect(isOverdue({ status, dueDate: past }, NOW)).toBe(false);
  });
});
