import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Donation, Lot } from '@app/donations';
import { Organization, Region } from '@app/network';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DeviceSpecs } from './device-specs';
import { DeviceStatus } from './device-status';
import { Grade } from './grade';

/**
 * One physical device, registered by serial number when its lot is received. Its donor,
 * donation, region and holder are kept on the row so that every scoped listing filters on one
 * indexed column, never through joins.
 */
@ObjectType()
@Entity()
@Index(['createdAt', 'id'])
@Index(['regionId', 'createdAt'])
@Index(['refurbisherId', 'createdAt'])
@Index(['refurbisherId', 'status'])
@Index(['donorId', 'createdAt'])
@Index(['lotId'])
@Index(['donationId'])
@Check(
  'CHK_device_specs',
  `("specs_ram_gb" IS NULL OR "specs_ram_gb" >= 0) AND ("specs_storage_gb" IS NULL OR "specs_storage_gb" >= 0) AND ("specs_screen_inches" IS NULL OR ("specs_screen_inches" > 0 AND "specs_screen_inches" <= 200))`,
)
@Check('CHK_device_battery_health', `"battery_health_percent" IS NULL OR ("battery_health_percent" >= 0 AND "battery_health_percent" <= 100)`)
export class Device {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** as entered (trimmed, inner spaces collapsed): what the label says, shown to people */
  @Field({ description: 'as entered at intake; compared through serialNumberKey' })
  @Column('varchar', { length: 100 })
  serialNumber!: string;

  /**
   * The serial as compared (normalizeSerialNumber: upper case, no spaces, dashes or dots): unique
   * across the network, so a scanner and a keyboard name one device.
   */
  @Field({ description: 'the serial number as compared: upper case, without spaces, dashes or dots; unique across the network' })
  @Index('UQ_device_serial_number_key', { unique: true })
  @Column('varchar', { length: 100 })
  serialNumberKey!: string;

  @Field(() => DeviceCategory)
  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  brand!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  model!: string | null;

  @Field(() => DeviceSpecs, { nullable: true })
  @Column(() => DeviceSpecs)
  specs!: DeviceSpecs;

  @Field(() => Grade, { nullable: true })
  @Column({ type: 'enum', enum: Grade, enumName: 'device_grade', nullable: true })
  grade!: Grade | null;

  @Field(() => DeviceStatus)
  @Column({ type: 'enum', enum: DeviceStatus, enumName: 'device_status', default: DeviceStatus.RECEIVED })
  status!: DeviceStatus;

  @Field({ description: "inherited from the donation's lines of its category: it must be erased before stock or recycling" })
  @Column('boolean')
  dataBearing!: boolean;

  @Field(() => String, { nullable: true, description: 'why it was recycled' })
  @Column('varchar', { length: 500, nullable: true })
  recycleReason!: string | null;

  /**
   * What grading found working, as columns matching can filter on (a senior's video calls need a
   * webcam and a microphone; a job seeker a battery that lasts). Null: not checked.
   */
  @Column('smallint', { nullable: true })
  batteryHealthPercent!: number | null;

  @Column('boolean', { nullable: true })
  webcamWorks!: boolean | null;

  @Column('boolean', { nullable: true })
  microphoneWorks!: boolean | null;

  /** the whole functional checklist of the last grading (screen, keyboard, Wi-Fi, ports, ...), as recorded */
  @Column('jsonb', { nullable: true })
  checklist!: Record<string, unknown> | null;

  /** where it sits in the workshop (a shelf, a bin): what a partial stock count names */
  @Field(() => String, { nullable: true, description: 'the shelf or bin it sits on in the workshop' })
  @Column('varchar', { length: 100, nullable: true })
  location!: string | null;

  /**
   * The status it had when declared MISSING: a device that turns up goes back there. Null when
   * it is not missing.
   */
  @Column({ type: 'enum', enum: DeviceStatus, enumName: 'device_status', nullable: true })
  statusBeforeMissing!: DeviceStatus | null;

  /** its disk was destroyed or taken out: it is not graded until a new one is recorded */
  @Field({ description: 'its disk was destroyed or removed: a new one must be recorded (replaceStorage) before grading' })
  @Column('boolean', { default: false })
  needsStorage!: boolean;

  /** recycled, and kept to give parts to devices under repair */
  @Field({ description: 'a recycled device kept to give parts to devices under repair' })
  @Column('boolean', { default: false })
  partsDonor!: boolean;

  @Column('uuid')
  lotId!: string;

  @ManyToOne(() => Lot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: Lot;

  @Column('uuid')
  donationId!: string;

  @ManyToOne(() => Donation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'donation_id' })
  donation?: Donation;

  @Column('uuid')
  donorId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'donor_id' })
  donor?: Organization;

  /** the refurbisher holding the device: the only organization that acts on it */
  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  /** bumped by every change */
  @Column('int', { default: 1 })
  version!: number;

  /** milliseconds, as JavaScript holds them: the page cursor (created_at, id) then matches the row exactly */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
