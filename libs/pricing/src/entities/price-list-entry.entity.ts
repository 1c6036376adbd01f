import { DeviceCategory } from '@app/common';
import { Organization } from '@app/network';
import { Grade } from '@app/refurbishing';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One row of a refurbisher's price list: what a device of a category and grade costs the partner,
 * in whole cents (0: a gift). `privateDonorsOnly` rows price the devices of donors that are not
 * public bodies, which the legal caps do not bind; every other row is kept at or under its
 * category's cap by setPrices.
 */
@Entity()
@Check('CHK_price_list_entry_price', `"price_cents" >= 0`)
export class PriceListEntry {
  @PrimaryColumn('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @PrimaryColumn({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @PrimaryColumn({ type: 'enum', enum: Grade, enumName: 'device_grade' })
  grade!: Grade;

  @PrimaryColumn('boolean')
  privateDonorsOnly!: boolean;

  @Column('int')
  priceCents!: number;

  /** who set the list last */
  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
