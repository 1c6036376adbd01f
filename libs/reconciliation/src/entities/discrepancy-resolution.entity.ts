import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DiscrepancyDecision } from './discrepancy-decision';
import { Discrepancy } from './discrepancy.entity';

/**
 * The decision on one discrepancy, by a reviewer or by the resolution of the whole count.
 * Append-only like the discrepancies (a trigger refuses UPDATE and DELETE), one per discrepancy.
 */
@Entity()
@Index('IDX_discrepancy_resolution_reconciliation', ['reconciliationId'])
export class DiscrepancyResolution {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('bigint', { unique: true })
  discrepancyId!: string;

  @OneToOne(() => Discrepancy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'discrepancy_id' })
  discrepancy?: Discrepancy;

  /** the count's id, kept here so that a count's decisions are read on one column */
  @Column('uuid')
  reconciliationId!: string;

  @Column('varchar', { length: 20 })
  decision!: DiscrepancyDecision;

  /** the decision moved its device (declared MISSING, or recovered) */
  @Column('boolean')
  deviceMoved!: boolean;

  /** the reviewer's e-mail, kept as written */
  @Column('varchar', { length: 254 })
  resolvedBy!: string;

  @Column('uuid', { nullable: true })
  resolvedByUserId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  resolvedAt!: Date;
}
