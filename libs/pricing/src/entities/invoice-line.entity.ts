import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Device, Grade } from '@app/refurbishing';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Invoice } from './invoice.entity';

/** One device of a shipment as it left: what it was and what it cost, frozen then. */
@ObjectType('InvoiceLine')
@Entity()
@Index(['invoiceId', 'position'])
@Index(['deviceId'])
@Check('CHK_invoice_line_price', `"price_cents" >= 0 AND ("cap_cents" IS NULL OR "price_cents" <= "cap_cents")`)
export class InvoiceLine {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  invoiceId!: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Invoice;

  @Column('int')
  position!: number;

  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  @Field(() => DeviceCategory)
  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Grade, { nullable: true })
  @Column({ type: 'enum', enum: Grade, enumName: 'device_grade', nullable: true })
  grade!: Grade | null;

  @Field()
  @Column('varchar', { length: 100 })
  serialNumber!: string;

  @Field({ description: 'as printed: category, brand and model' })
  @Column('varchar', { length: 250 })
  description!: string;

  @Field(() => Int, { description: 'TTC, in cents, as charged when it shipped' })
  @Column('int')
  priceCents!: number;

  @Field({ description: 'false: the price list had no row for it, so it was given free' })
  @Column('boolean')
  listed!: boolean;

  @Field({ description: 'its donor is a public body: its price is held under the legal cap' })
  @Column('boolean')
  publicDonor!: boolean;

  @Field(() => Int, { nullable: true, description: 'the legal cap that bound its price, in cents' })
  @Column('int', { nullable: true })
  capCents!: number | null;
}
