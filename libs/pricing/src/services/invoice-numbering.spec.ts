import { InvoiceKind } from '../entities/invoice-kind';
import { invoiceNumber, parisYear } from './invoice-numbering';

describe('invoice numbers', () => {
  it('per kind, year and sequence, zero-padded so that they sort as they were issued', () => {
    expect(invoiceNumber(InvoiceKind.INVOICE, 2026, 42)).toBe('2026-000042');
    expect(invoiceNumber(InvoiceKind.DELIVERY_NOTE, 2026, 1)).toBe('BL-2026-000001');
    expect(invoiceNumber(InvoiceKind.INVOICE, 2026, 9)).toEqual(expect.stringMatching(/^2026-000009$/));
  });

  it('the year is France’s: New Year’s Eve at 23:30 UTC is already next year in Paris', () => {
    expect(parisYear(new Date('2026-12-31T22:59:00Z'))).toBe(2026);
    expect(parisYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });
});
