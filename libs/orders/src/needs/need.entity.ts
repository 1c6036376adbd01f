import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Organization, Region } from '@app/network';
import { Device } from '@app/refurbishing';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { OrderLine } from '../entities/order-line.entity';
import { PartnerOrder } from '../entities/partner-order.entity';
import { EligibilityBasis } from './eligibility-basis';
import { NeedCancellationReason } from './need-cancellation-reason';
import { NeedStatus } from './need-status';
import { NeedUrgency } from './need-urgency';
import { ReferralSource } from './referral-source';

/**
 * A person a partner supports needs a device: recorded under the partner's own pseudonymous
 * reference (never a name or a contact), with who referred them and what their eligibility rests
 * on. Needs not yet ordered are the region's waiting list; an order line made from needs serves
 * them, and a device of that line delivered serves one of them. One open need per person and
 * category (the partial unique index): a person waits once.
 */
@ObjectType({ description: 'A person’s need of a device, under the partner’s pseudonymous reference: partners, coordinators and ADMIN only' })
@Entity()
@Index('IDX_need_waiting', ['regionId', 'category'], { where: `"status" = 'WAITING'` })
@Index('UQ_need_open_reference', ['partnerId', 'beneficiaryRef', 'category'], { unique: true, where: `"status" IN ('WAITING', 'ORDERED')` })
@Index(['partnerId', 'createdAt'])
@Index(['regionId', 'createdAt'])
@Index(['orderLineId'])
@Check('CHK_need_voucher', `("eligibility_basis" = 'VOUCHER') = ("voucher_number" IS NOT NULL)`)
export class Need {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'the partner that supports the person' })
  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  /** the partner's region, so that the waiting list is one index away */
  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field({ description: 'the partner’s own pseudonymous reference of the person (a file number): never a name' })
  @Column('varchar', { length: 64 })
  beneficiaryRef!: string;

  @Field(() => BeneficiaryProfile)
  @Column({ type: 'enum', enum: BeneficiaryProfile, enumName: 'beneficiary_profile' })
  profile!: BeneficiaryProfile;

  @Field(() => DeviceCategory)
  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => ReferralSource)
  @Column({ type: 'enum', enum: ReferralSource, enumName: 'referral_source' })
  referralSource!: ReferralSource;

  @Field(() => EligibilityBasis)
  @Column({ type: 'enum', enum: EligibilityBasis, enumName: 'eligibility_basis' })
  eligibilityBasis!: EligibilityBasis;

  @Field(() => String, { nullable: true, description: 'the access voucher’s number, for the VOUCHER basis only' })
  @Column('varchar', { length: 64, nullable: true })
  voucherNumber!: string | null;

  @Field(() => NeedUrgency)
  @Column({ type: 'enum', enum: NeedUrgency, enumName: 'need_urgency', default: NeedUrgency.NORMAL })
  urgency!: NeedUrgency;

  @Field(() => NeedStatus)
  @Column({ type: 'enum', enum: NeedStatus, enumName: 'need_status', default: NeedStatus.WAITING })
  status!: NeedStatus;

  /** millisecond precision: the pagination cursor carries milliseconds; also the need's age in the waiting list */
  @Field({ description: 'when the need was recorded: its age in the waiting list' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @Field(() => ID, { nullable: true, description: 'the order whose line serves it (ORDERED, SERVED)' })
  @Column('uuid', { nullable: true })
  orderId!: string | null;

  @ManyToOne(() => PartnerOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: PartnerOrder;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  orderLineId!: string | null;

  @ManyToOne(() => OrderLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_id' })
  orderLine?: OrderLine;

  @Field(() => Date, { nullable: true, description: 'when a device of its line was delivered to the person' })
  @Column('timestamptz', { nullable: true })
  servedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'the device the person received' })
  @Column('uuid', { nullable: true })
  servedDeviceId!: string | null;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'served_device_id' })
  servedDevice?: Device;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => NeedCancellationReason, { nullable: true })
  @Column({ type: 'enum', enum: NeedCancellationReason, enumName: 'need_cancellation_reason', nullable: true })
  cancellationReason!: NeedCancellationReason | null;
}
