import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderStatus } from './order-status';

/**
 * A partner's order: lines of devices for the people it supports. Its status is derived from its
 * lines (OrderLedger.refreshStatuses), never set by hand, except for a cancellation.
 */
@ObjectType('PartnerOrder')
@Entity()
@Index(['regionId', 'status'])
@Index(['partnerId', 'createdAt'])
@Index(['createdAt', 'id'])
export class PartnerOrder {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'human-readable, unique, e.g. ORD-2026-000123' })
  @Column('varchar', { length: 20, unique: true })
  reference!: string;

  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  /** the partner's region, kept here so that matching and listings filter on one column */
  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field(() => OrderStatus)
  @Column({ type: 'enum', enum: OrderStatus, enumName: 'order_status', default: OrderStatus.OPEN })
  status!: OrderStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  neededBy!: Date | null;

  /** the user who submitted it (a partner's member or the coordinator) */
  @Column('uuid', { nullable: true })
  submittedBy!: string | null;

  /** millisecond precision: the pagination cursor carries milliseconds */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  /** bumped by every change */
  @Column('int', { default: 1 })
  version!: number;
}
