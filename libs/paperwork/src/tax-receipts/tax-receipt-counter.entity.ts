import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@app/network';

/**
 * The last receipt number a refurbisher gave in a year. Moved by an upsert in the receipt's own
 * transaction: the row lock serialises two receipts issued at once, and a receipt that fails
 * takes its number back with its rollback, so numbers have no gaps.
 */
@Entity()
export class TaxReceiptCounter {
  @PrimaryColumn('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @PrimaryColumn('int')
  year!: number;

  @Column('int')
  lastSequence!: number;
}
