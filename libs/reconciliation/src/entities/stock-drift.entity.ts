import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Organization } from '@app/network';
import { Grade } from '@app/refurbishing';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One stock counter the reconcile-stock job found different from a recount of the devices, and
 * set right: what it said, what the devices say. The stock_movement ledger cannot hold this (its
 * rows are one device's change each), so corrections have their own append-only log.
 */
@ObjectType()
@Entity()
@Index('IDX_stock_drift_refurbisher_corrected', ['refurbisherId', 'correctedAt'])
export class StockDrift {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Column('uuid')
  regionId!: string;

  @Field(() => DeviceCategory)
  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Grade)
  @Column({ type: 'enum', enum: Grade, enumName: 'device_grade' })
  grade!: Grade;

  @Field(() => Int, { description: 'what the counter said' })
  @Column('int')
  availableBefore!: number;

  @Field(() => Int, { description: 'devices IN_STOCK: what it says now' })
  @Column('int')
  availableAfter!: number;

  @Field(() => Int)
  @Column('int')
  reservedBefore!: number;

  @Field(() => Int, { description: 'devices RESERVED' })
  @Column('int')
  reservedAfter!: number;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  correctedAt!: Date;
}
