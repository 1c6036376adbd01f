import { InvoiceKind } from '../entities/invoice-kind';

/** '2026-000042' for an invoice, 'BL-2026-000042' for a delivery note (bon de livraison). */
export function invoiceNumber(kind: InvoiceKind, year: number, sequence: number): string {
  const base = `${year}-${String(sequence).padStart(6, '0')}`;
  return kind === InvoiceKind.INVOICE ? base : `BL-${base}`;
}

const PARIS_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' });

/** The year a document issued at this moment belongs to, in France. */
export function parisYear(at: Date): number {
  return Number(PARIS_YEAR.format(at));
}
