import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Lot } from '@app/donations';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PickupStatus } from './pickup-status';

/**
 * One attempt at collecting a lot. A lot has at most one SCHEDULED pickup (a partial unique
 * index enforces it even if a lock were forgotten); missed attempts stay as history.
 */
@ObjectType()
@Entity()
@Index('UQ_pickup_live_per_lot', ['lotId'], { unique: true, where: `"status" = 'SCHEDULED'` })
@Index(['lotId', 'createdAt'])
@Index('IDX_pickup_scheduled_due', ['scheduledAt'], { where: `"status" = 'SCHEDULED'` })
@Check('CHK_pickup_quantities', `("collected_quantity" IS NULL OR "collected_quantity" > 0) AND ("shortfall" IS NULL OR "shortfall" >= 0)`)
export class Pickup {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  lotId!: string;

  @ManyToOne(() => Lot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: Lot;

  @Field()
  @Column('timestamptz')
  scheduledAt!: Date;

  @Field(() => PickupStatus)
  @Column({ type: 'enum', enum: PickupStatus, enumName: 'pickup_status', default: PickupStatus.SCHEDULED })
  status!: PickupStatus;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  collectedQuantity!: number | null;

  @Field(() => Int, { nullable: true, description: 'declared lot quantity minus collectedQuantity, once completed: what the donor did not hand over' })
  @Column('int', { nullable: true })
  shortfall!: number | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  /** set by the daily reminder, so that a re-run reminds nobody twice */
  @Column('timestamptz', { nullable: true })
  remindedAt!: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
