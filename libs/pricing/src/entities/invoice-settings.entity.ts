import { Organization } from '@app/network';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a refurbisher's invoices say of VAT: its own mention, when it set one (the default otherwise). */
@Entity()
export class InvoiceSettings {
  @PrimaryColumn('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Column('varchar', { length: 300 })
  vatMention!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
