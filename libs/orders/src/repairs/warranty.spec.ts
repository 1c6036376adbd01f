import { isUnderWarranty, turnaroundHours, warrantyEnd } from './warranty';

describe('warranty', () => {
  it('ends so many months after delivery, on the same day of the month', () => {
    expect(warrantyEnd(new Date('2026-03-15T10:00:00Z'), 12).toISOString()).toBe('2027-03-15T10:00:00.000Z');
    expect(warrantyEnd(new Date('2026-11-30T10:00:00Z'), 3).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(warrantyEnd(new Date('2027-01-31T10:00:00Z'), 1).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(warrantyEnd(new Date('2028-01-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
  });

  it('no warranty (0 months) ends at delivery: every ticket is outside it', () => {
    const delivered = new Date('2026-03-15T10:00:00Z');
    const end = warrantyEnd(delivered, 0);
    expect(end).toEqual(delivered);
    expect(isUnderWarranty(end, new Date('2026-03-15T10:00:01Z'))).toBe(false);
  });

  it('a ticket is under warranty when opened before its end', () => {
    const end = new Date('2027-03-15T10:00:00Z');
    expect(isUnderWarranty(end, new Date('2027-03-15T09:59:59Z'))).toBe(true);
    expect(isUnderWarranty(end, end)).toBe(false);
    expect(isUnderWarranty(null, new Date('2026-01-01T00:00:00Z'))).toBe(false);
  });

  it('turnaround is resolution minus opening, in hours', () => {
    expect(turnaroundHours(new Date('2026-03-01T09:00:00Z'), new Date('2026-03-03T10:30:00Z'))).toBe(49.5);
    expect(turnaroundHours(new Date('2026-03-01T09:00:00Z'), null)).toBeNull();
  });
});
