import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Grade } from '@app/refurbishing';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BeneficiaryProfile } from './beneficiary-profile';
import { PartnerOrder } from './partner-order.entity';

/**
 * One line of an order: `quantity` devices of a category for a beneficiary profile, with the
 * minimums it is matched with (the profile's defaults, raised where the line asked for more).
 * The counters say how many units have a device (allocated: reserved, shipped or delivered), of
 * which shipped and delivered; the CHECK makes "more than the line asks for" impossible in the
 * database itself, whatever the code does.
 */
@ObjectType()
@Entity()
@Index(['orderId', 'position'])
@Index('IDX_order_line_unfilled', ['regionId'], { where: `"allocated_quantity" < "quantity"` })
@Check(
  'CHK_order_line_counters',
  `"quantity" > 0 AND 0 <= "delivered_quantity" AND "delivered_quantity" <= "shipped_quantity" AND "shipped_quantity" <= "allocated_quantity" AND "allocated_quantity" <= "quantity"`,
)
@Check('CHK_order_line_minimums', `("min_ram_gb" IS NULL OR "min_ram_gb" >= 0) AND ("min_storage_gb" IS NULL OR "min_storage_gb" >= 0)`)
@Check('CHK_order_line_battery', `"min_battery_health_percent" IS NULL OR ("min_battery_health_percent" >= 0 AND "min_battery_health_percent" <= 100)`)
export class OrderLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @ManyToOne(() => PartnerOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: PartnerOrder;

  /** the order's region, so that matching finds the region's unfilled lines by one index */
  @Column('uuid')
  regionId!: string;

  @Column('int')
  position!: number;

  @Field(() => DeviceCategory)
  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Int)
  @Column('int')
  quantity!: number;

  @Field(() => BeneficiaryProfile)
  @Column({ type: 'enum', enum: BeneficiaryProfile, enumName: 'beneficiary_profile' })
  profile!: BeneficiaryProfile;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  minRamGb!: number | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  minStorageGb!: number | null;

  @Field(() => Boolean, { nullable: true })
  @Column('boolean', { default: false })
  requireSsd!: boolean;

  @Field(() => Grade, { nullable: true })
  @Column({ type: 'enum', enum: Grade, enumName: 'device_grade', nullable: true })
  minGrade!: Grade | null;

  @Field(() => Boolean, { description: 'a device fits only with a webcam grading found working' })
  @Column('boolean', { default: false })
  needsWebcam!: boolean;

  @Field(() => Boolean, { description: 'a device fits only with a microphone grading found working' })
  @Column('boolean', { default: false })
  needsMicrophone!: boolean;

  @Field(() => Boolean, { description: 'a device fits only with an operating system recorded at grading' })
  @Column('boolean', { default: false })
  needsOs!: boolean;

  @Field(() => Int, { nullable: true, description: 'a device fits only with at least this battery health (unknown does not fit)' })
  @Column('smallint', { nullable: true })
  minBatteryHealthPercent!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: "when the devices are needed (the order's date unless the line states its own); earlier first within a priority",
  })
  @Column('timestamptz', { nullable: true })
  neededBy!: Date | null;

  @Field(() => Int, { description: 'higher is served first when stock is short' })
  @Column('int', { default: 0 })
  priority!: number;

  @Field(() => Int, { description: 'units with a device: reserved, shipped or delivered' })
  @Column('int', { default: 0 })
  allocatedQuantity!: number;

  @Field(() => Int, { description: 'units shipped or delivered' })
  @Column('int', { default: 0 })
  shippedQuantity!: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  deliveredQuantity!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
