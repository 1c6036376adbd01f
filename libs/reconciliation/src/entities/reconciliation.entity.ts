import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organization, Region } from '@app/network';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReconciliationStatus } from './reconciliation-status';

/**
 * One physical count of a refurbisher's shelves against what the devices say is there (IN_STOCK
 * or RESERVED at that refurbisher), with its discrepancies. The partial unique index keeps at
 * most one OPEN count per refurbisher: a newer count supersedes the open one.
 */
@ObjectType()
@Entity()
@Index('IDX_reconciliation_refurbisher_created', ['refurbisherId', 'createdAt'])
@Index('IDX_reconciliation_region_created', ['regionId', 'createdAt'])
@Index('UQ_reconciliation_open', ['refurbisherId'], { unique: true, where: `"status" = 'OPEN'` })
@Check('CHK_reconciliation_counts', `"expected_quantity" >= 0 AND "counted_quantity" >= 0 AND "missing_quantity" >= 0 AND "unexpected_quantity" >= 0`)
export class Reconciliation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  /** the refurbisher's region, kept here so that listings filter on one column */
  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field(() => ReconciliationStatus)
  @Column({ type: 'enum', enum: ReconciliationStatus, enumName: 'reconciliation_status', default: ReconciliationStatus.OPEN })
  status!: ReconciliationStatus;

  @Field(() => Int, { description: 'devices IN_STOCK or RESERVED at the refurbisher when the count was recorded' })
  @Column('int')
  expectedQuantity!: number;

  @Field(() => Int, { description: 'distinct serial numbers counted' })
  @Column('int')
  countedQuantity!: number;

  @Field(() => Int, { description: 'expected but not counted' })
  @Column('int')
  missingQuantity!: number;

  @Field(() => Int, { description: 'counted but not expected there' })
  @Column('int')
  unexpectedQuantity!: number;

  /** the e-mail of the user who submitted the count, as written then */
  @Field(() => String, { nullable: true, description: 'who submitted the count' })
  @Column('varchar', { length: 254, nullable: true })
  submittedBy!: string | null;

  @Column('uuid', { nullable: true })
  submittedByUserId!: string | null;

  /** milliseconds: several counts may be listed newest first within one second */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'who resolved it (e-mail, as written then)' })
  @Column('varchar', { length: 254, nullable: true })
  resolvedBy!: string | null;

  @Column('uuid', { nullable: true })
  resolvedByUserId!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'devices declared MISSING by the resolution: the MISSING discrepancies still IN_STOCK or RESERVED there then; null until resolved',
  })
  @Column('int', { nullable: true })
  markedMissingQuantity!: number | null;

  /** the part of the stock counted (categories, location, deviceIds); null: all of it */
  @Column('jsonb', { nullable: true })
  scope!: { categories: string[] | null; location: string | null; deviceIds: string[] | null } | null;

  /** bumped by every change */
  @Column('int', { default: 1 })
  version!: number;
}
