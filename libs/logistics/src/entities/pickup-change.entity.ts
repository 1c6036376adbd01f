import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PickupChangeKind } from './pickup-change-kind';
import { Pickup } from './pickup.entity';

/**
 * One change of a pickup, append-only: who (user and organization; none for the platform's
 * sweep), when, what, from which date to which, and why. Donor, refurbisher and coordinator read
 * the same history, so a moved or cancelled pickup is never a surprise to the other side.
 */
@ObjectType({ description: 'one change of a pickup; the history is oldest first' })
@Entity()
@Index(['pickupId', 'createdAt'])
export class PickupChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  pickupId!: string;

  @ManyToOne(() => Pickup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pickup_id' })
  pickup?: Pickup;

  @Field(() => PickupChangeKind)
  @Column({ type: 'enum', enum: PickupChangeKind, enumName: 'pickup_change_kind' })
  kind!: PickupChangeKind;

  @Field(() => Date, { nullable: true, description: 'the date before the change (RESCHEDULED, CANCELLED, MISSED, COMPLETED)' })
  @Column('timestamptz', { nullable: true })
  fromScheduledAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'the date after the change (SCHEDULED, RESCHEDULED)' })
  @Column('timestamptz', { nullable: true })
  toScheduledAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 500, nullable: true })
  reason!: string | null;

  /** the user who made it; null for the platform (the overdue sweep) */
  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  /** the organization the user acted for (the refurbisher, the donor, the coordinator's); null for the platform */
  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  @Field(() => Date, { description: 'when the change was made' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
