import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { EligibilityBasis } from './eligibility-basis';

/**
 * A basis of eligibility a region accepts for the needs its partners record. A region without
 * any row accepts every basis: it has not chosen yet, and nobody should be turned away meanwhile.
 */
@Entity()
export class RegionEligibilityBasis {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_region_eligibility_basis' })
  @ForeignKey('Region', { name: 'FK_region_eligibility_basis_region', onDelete: 'CASCADE' })
  regionId!: string;

  @PrimaryColumn({ type: 'enum', enum: EligibilityBasis, enumName: 'eligibility_basis', primaryKeyConstraintName: 'PK_region_eligibility_basis' })
  basis!: EligibilityBasis;

  @Column('uuid', { nullable: true })
  setBy!: string | null;
}
