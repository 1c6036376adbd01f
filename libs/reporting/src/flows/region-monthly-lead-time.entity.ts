import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { LeadTimeKind } from './lead-time';

/**
 * The daily lead-time histograms summed per calendar month, kept beside them in the same
 * transactions: a median over a long period reads a month's buckets once instead of thirty
 * days of them (two years: ~25 k rows instead of ~200 k).
 */
@Entity()
export class RegionMonthlyLeadTime {
  @PrimaryColumn('uuid')
  @ForeignKey('Region', { name: 'FK_region_monthly_lead_time_region', onDelete: 'CASCADE' })
  regionId!: string;

  /** the month's first day */
  @PrimaryColumn('date')
  month!: string;

  @PrimaryColumn('varchar', { length: 30 })
  kind!: LeadTimeKind;

  @PrimaryColumn('int')
  bucketHours!: number;

  @Column('int', { default: 0 })
  samples!: number;
}
