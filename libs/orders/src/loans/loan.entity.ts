import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { Device } from '@app/refurbishing';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderLineDevice } from '../entities/order-line-device.entity';
import { PartnerOrder } from '../entities/partner-order.entity';
import { LoanStatus } from './delivery-terms';

/**
 * A device lent to a person through a partner, from one delivery (its order link) until it is
 * returned, converted to a gift or replaced under warranty. The person stays the partner's
 * pseudonymous reference (beneficiary_reference): nothing here names them.
 */
@ObjectType()
@Entity()
@Index('UQ_loan_active_device', ['deviceId'], { unique: true, where: `"status" = 'ACTIVE'` })
@Index(['partnerId', 'createdAt'])
@Index(['refurbisherId', 'createdAt'])
@Index(['regionId', 'status', 'dueDate'])
@Index(['createdAt', 'id'])
export class Loan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  /** the delivery it was lent by */
  @Column('bigint', { unique: true })
  orderLineDeviceId!: string;

  @ManyToOne(() => OrderLineDevice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_device_id' })
  orderLineDevice?: OrderLineDevice;

  @Column('uuid')
  orderId!: string;

  @ManyToOne(() => PartnerOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: PartnerOrder;

  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  /** the refurbisher that shipped the device: it is given back there unless someone names another */
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

  @Field(() => LoanStatus)
  @Column({ type: 'enum', enum: LoanStatus, enumName: 'loan_status', default: LoanStatus.ACTIVE })
  status!: LoanStatus;

  @Field()
  @Column('timestamptz')
  dueDate!: Date;

  @Field()
  @Column('timestamptz')
  deliveredAt!: Date;

  @Field(() => Int, { description: 'how many times the due date was moved later' })
  @Column('int', { default: 0 })
  extensions!: number;

  @Field(() => Date, { nullable: true, description: 'when it was returned, converted to a gift or replaced' })
  @Column('timestamptz', { nullable: true })
  endedAt!: Date | null;

  /** the refurbisher it was given back to */
  @Column('uuid', { nullable: true })
  returnedToId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'returned_to_id' })
  returnedTo?: Organization;

  /** millisecond precision: the page cursor */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column('int', { default: 1 })
  version!: number;
}
