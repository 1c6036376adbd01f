import { registerEnumType } from '@nestjs/graphql';

/**
 * A shipment that costs something gets an invoice; one that costs nothing (gifts) a delivery
 * note, so that every device sent away has its document while the invoices' own series holds
 * invoices only. Each kind is numbered apart, per refurbisher and year, without gaps.
 */
export enum InvoiceKind {
  INVOICE = 'INVOICE',
  DELIVERY_NOTE = 'DELIVERY_NOTE',
}

registerEnumType(InvoiceKind, { name: 'InvoiceKind', description: 'INVOICE for a shipment with a price, DELIVERY_NOTE for one given free' });
