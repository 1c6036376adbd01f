import { DeviceCategory } from '@app/common';
import { Organization } from '@app/network';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One load counter (refurbisher_capacity.load) the recount found different from the devices in
 * the refurbisher's OFFERED, CLAIMED, PICKUP_SCHEDULED and COLLECTED lots, and set right.
 * Append-only: a drift is a bug somewhere, and the coordinator (or a developer) needs to see when
 * and by how much, not only that it was fixed.
 */
@Entity()
@Index('IDX_refurbisher_load_drift_refurbisher_corrected', ['refurbisherId', 'correctedAt'])
export class RefurbisherLoadDrift {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_refurbisher_load_drift' })
  id!: string;

  @Column('uuid')
  regionId!: string;

  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id', foreignKeyConstraintName: 'FK_refurbisher_load_drift_refurbisher' })
  refurbisher?: Organization;

  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  /** what the counter said */
  @Column('int')
  loadBefore!: number;

  /** what the lots say, and the counter now */
  @Column('int')
  loadAfter!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  correctedAt!: Date;
}
