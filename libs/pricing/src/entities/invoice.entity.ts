import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { PartnerOrder } from '@app/orders';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InvoiceKind } from './invoice-kind';

/**
 * The document of one shipment (one order, one refurbisher): its lines and their prices are
 * frozen when the devices leave, so a later change of the price list changes no issued document.
 * Numbered per refurbisher, kind and year without gaps (InvoiceCounter).
 */
@ObjectType({ description: 'the invoice (or delivery note, when nothing is charged) of one shipment' })
@Entity()
@Index('UQ_invoice_number', ['refurbisherId', 'kind', 'year', 'sequence'], { unique: true })
@Index(['createdAt', 'id'])
@Index(['refurbisherId', 'createdAt'])
@Index(['partnerId', 'createdAt'])
@Index(['regionId', 'createdAt'])
@Index(['orderId'])
@Check('CHK_invoice_amounts', `"total_cents" >= 0 AND "sequence" > 0`)
export class Invoice {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => InvoiceKind)
  @Column({ type: 'enum', enum: InvoiceKind, enumName: 'invoice_kind' })
  kind!: InvoiceKind;

  @Field({ description: "as printed: '2026-000042' (invoice) or 'BL-2026-000042' (delivery note), per refurbisher" })
  @Column('varchar', { length: 30 })
  number!: string;

  @Field(() => Int)
  @Column('int')
  year!: number;

  @Field(() => Int, { description: 'its place in the series of the refurbisher, kind and year: 1, 2, 3… without gaps' })
  @Column('int')
  sequence!: number;

  @Field(() => Int, { description: 'TTC, in cents' })
  @Column('int')
  totalCents!: number;

  @Field({ description: 'the VAT mention printed on it' })
  @Column('varchar', { length: 300 })
  vatMention!: string;

  @Field(() => ID)
  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Field(() => ID)
  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  @Field(() => ID)
  @Column('uuid')
  orderId!: string;

  @ManyToOne(() => PartnerOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: PartnerOrder;

  /** the refurbisher's region: staff read their region's */
  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  /** the moment its number was taken (clock time, so that numbers and dates go up together); the page cursor */
  @Field(() => Date, { description: 'when it was issued: when the devices were shipped' })
  @Column({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt!: Date;
}
