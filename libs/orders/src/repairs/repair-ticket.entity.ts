import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { Device } from '@app/refurbishing';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderLineDevice } from '../entities/order-line-device.entity';
import { RepairOutcome, RepairTicketStatus } from './repair-outcome';

/**
 * A partner's report that a delivered device fails (its symptom), for the refurbisher that
 * delivered it: repaired, replaced by another device of its stock, or closed. One open ticket per
 * device. The person is not named: the ticket hangs off the delivery, whose reference only the
 * partner and staff read.
 */
@ObjectType()
@Entity()
@Index('UQ_repair_ticket_open_device', ['deviceId'], { unique: true, where: `"status" = 'OPEN'` })
@Index(['partnerId', 'openedAt'])
@Index(['refurbisherId', 'openedAt'])
@Index(['regionId', 'openedAt'])
@Index(['regionId', 'resolvedAt'])
@Index(['openedAt', 'id'])
@Check(
  'CHK_repair_ticket_resolution',
  `("status" = 'OPEN' AND "outcome" IS NULL AND "resolved_at" IS NULL) OR ("status" = 'RESOLVED' AND "outcome" IS NOT NULL AND "resolved_at" IS NOT NULL)`,
)
@Check('CHK_repair_ticket_replacement', `("outcome" = 'REPLACED') = ("replacement_device_id" IS NOT NULL)`)
export class RepairTicket {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  /** the delivery the device was under when the ticket was opened */
  @Column('bigint')
  orderLineDeviceId!: string;

  @ManyToOne(() => OrderLineDevice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_device_id' })
  orderLineDevice?: OrderLineDevice;

  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  /** the refurbisher that delivered it: the one who repairs */
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

  @Field(() => RepairTicketStatus)
  @Column({ type: 'enum', enum: RepairTicketStatus, enumName: 'repair_ticket_status', default: RepairTicketStatus.OPEN })
  status!: RepairTicketStatus;

  @Field({ description: 'what fails, as the partner describes it (no personal data)' })
  @Column('varchar', { length: 1000 })
  symptom!: string;

  @Field({ description: 'opened before the end of the warranty the device got at delivery' })
  @Column('boolean')
  underWarranty!: boolean;

  @Field(() => Date, { nullable: true, description: 'the end of that warranty; null when it was delivered without one recorded' })
  @Column('timestamptz', { nullable: true })
  warrantyUntil!: Date | null;

  /** millisecond precision: the page cursor */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  openedAt!: Date;

  @Column('uuid', { nullable: true })
  openedBy!: string | null;

  @Field(() => RepairOutcome, { nullable: true })
  @Column({ type: 'enum', enum: RepairOutcome, enumName: 'repair_outcome', nullable: true })
  outcome!: RepairOutcome | null;

  @Field(() => String, { nullable: true, description: 'what the refurbisher found or did' })
  @Column('varchar', { length: 1000, nullable: true })
  resolution!: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  resolvedAt!: Date | null;

  @Column('uuid', { nullable: true })
  resolvedBy!: string | null;

  /** REPLACED: the device the person got instead */
  @Column('uuid', { nullable: true })
  replacementDeviceId!: string | null;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replacement_device_id' })
  replacementDevice?: Device;

  @Column('int', { default: 1 })
  version!: number;
}
