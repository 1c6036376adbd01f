import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Donation } from './donation.entity';

/**
 * A device a donor's per-serial inventory named. It is what the refurbisher should find in the
 * lot at intake, not a registered device: those are refurbishing's, made when the lot is received.
 * The serial is kept as written, for people, and normalised, for comparison.
 */
@ObjectType({ description: "a device named by serial number in the donor's inventory, expected at intake" })
@Entity()
@Index(['donationId', 'position'])
@Index(['donationId', 'serialNumberNormalized'], { unique: true })
export class ExpectedDevice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  donationId!: string;

  @ManyToOne(() => Donation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'donation_id' })
  donation?: Donation;

  @Column('int')
  position!: number;

  @Field(() => DeviceCategory)
  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field({ description: 'as the inventory wrote it' })
  @Column('varchar', { length: 100 })
  serialNumber!: string;

  /** upper case, without spaces, dashes or dots (normalizeSerialNumber) */
  @Column('varchar', { length: 100 })
  serialNumberNormalized!: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  brand!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  model!: string | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  year!: number | null;
}
