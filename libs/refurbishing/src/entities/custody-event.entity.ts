import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Device } from './device.entity';
import { DeviceStatus } from './device-status';

/**
 * One link of a device's chain of custody: who (user and organization) did what, when, from
 * which status to which. Append-only: a trigger refuses UPDATE and DELETE, and no code path
 * issues them. Ordered by `id`: it is drawn when the event is written, after the device's row
 * lock, so it follows the order in which changes really happened to the device (a transaction's
 * start time would not: one that began first may get the lock second).
 */
@ObjectType()
@Entity()
@Index(['deviceId', 'id'])
/** the donor report's "first reached IN_STOCK / RECYCLED in the period" (migration ImpactReportIndexes) */
@Index('IDX_custody_event_device_to_status_at', ['deviceId', 'toStatus', 'at'])
export class CustodyEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  /** the wall clock when written (clock_timestamp(), not the transaction's start) */
  @Field()
  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  at!: Date;

  @Field({ description: 'RECEIVED, ERASED, ERASURE_FAILED, GRADED, RECYCLED, RESERVED, UNRESERVED, SHIPPED, DELIVERED, MISSING' })
  @Column('varchar', { length: 40 })
  action!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'enum', enum: DeviceStatus, enumName: 'device_status', nullable: true })
  fromStatus!: DeviceStatus | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'enum', enum: DeviceStatus, enumName: 'device_status', nullable: true })
  toStatus!: DeviceStatus | null;

  /** the acting user's e-mail (kept as written: the chain must not change when a user does) */
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 254, nullable: true })
  actor!: string | null;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  /** the acting user's organization; null for the platform (administrator, background jobs) */
  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  @Field(() => String, { nullable: true, description: 'what else was recorded: the erasure certificate, the grade, the reason' })
  @Column('varchar', { length: 500, nullable: true })
  detail!: string | null;
}
