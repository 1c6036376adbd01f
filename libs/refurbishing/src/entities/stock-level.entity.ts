import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Organization } from '@app/network';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Grade } from './grade';

/**
 * The current stock of one refurbisher in one category and grade: counters moved in the same
 * transaction as the device that changes them (StockLedger), with row locks taken by the
 * conditional UPDATE or the upsert itself, never read-modify-written.
 */
@ObjectType()
@Entity()
@Index(['regionId'])
@Check('CHK_stock_level_not_negative', `"available" >= 0 AND "reserved" >= 0`)
export class StockLevel {
  @PrimaryColumn('uuid')
  refurbisherId!: string;

  /**
   * Loaded with the levels (a join), not by a field resolver per row: a list of levels is long,
   * and a resolver call per row cost more than the query. No foreign key (none was declared).
   */
  @Field(() => Organization)
  @ManyToOne(() => Organization, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Field(() => DeviceCategory)
  @PrimaryColumn({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Grade)
  @PrimaryColumn({ type: 'enum', enum: Grade, enumName: 'device_grade' })
  grade!: Grade;

  @Column('uuid')
  regionId!: string;

  @Field(() => Int, { description: 'devices IN_STOCK, reserved ones excluded' })
  @Column('int', { default: 0 })
  available!: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  reserved!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
