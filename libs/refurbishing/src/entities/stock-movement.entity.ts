import { DeviceCategory } from '@app/common';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Grade } from './grade';

export enum StockMovementKind {
  STOCKED = 'STOCKED',
  RESERVED = 'RESERVED',
  UNRESERVED = 'UNRESERVED',
  SHIPPED = 'SHIPPED',
  MISSING = 'MISSING',
  /** found broken after grading: back to the workbench or to recycling */
  WITHDRAWN = 'WITHDRAWN',
  /** a MISSING device that turned up */
  RECOVERED = 'RECOVERED',
}

/**
 * The append-only ledger behind the stock_level counters: one row per device and change, with
 * the deltas it applied. Replaying it gives the counters; reconciliation (#7) compares both
 * with the devices.
 */
@Entity()
@Index(['refurbisherId', 'at'])
@Index(['deviceId'])
export class StockMovement {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  deviceId!: string;

  @Column('uuid')
  refurbisherId!: string;

  @Column('uuid')
  regionId!: string;

  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Column({ type: 'enum', enum: Grade, enumName: 'device_grade' })
  grade!: Grade;

  @Column('varchar', { length: 20 })
  kind!: StockMovementKind;

  @Column('int')
  availableDelta!: number;

  @Column('int')
  reservedDelta!: number;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
