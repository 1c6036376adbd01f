import { ConnectionType } from '@app/common';
import { Invoice } from '../entities/invoice.entity';

export const InvoiceConnection = ConnectionType(Invoice, 'Invoice');

/** Filters of the invoices listing: each narrows what the caller may read anyway. */
export interface InvoiceFilter {
  refurbisherId?: string | null;
  orderId?: string | null;
}
