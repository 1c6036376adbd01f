import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InvoiceKind } from './invoice-kind';

/**
 * The last number given in a series (refurbisher, kind, year). Moved by one conditional upsert in
 * the shipping transaction: the row stays locked until that transaction ends, so concurrent
 * shipments take consecutive numbers one after the other, and a shipment rolled back gives its
 * number back with it: no gap.
 */
@Entity()
export class InvoiceCounter {
  @PrimaryColumn('uuid')
  refurbisherId!: string;

  @PrimaryColumn({ type: 'enum', enum: InvoiceKind, enumName: 'invoice_kind' })
  kind!: InvoiceKind;

  @PrimaryColumn('int')
  year!: number;

  @Column('int')
  lastSequence!: number;
}
