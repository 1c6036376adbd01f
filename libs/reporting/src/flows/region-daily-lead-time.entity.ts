import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { LeadTimeKind } from './lead-time';

/** One bucket of a lead-time histogram: samples whose end event fell on this report day. */
@Entity()
export class RegionDailyLeadTime {
  @PrimaryColumn('uuid')
  @ForeignKey('Region', { name: 'FK_region_daily_lead_time_region', onDelete: 'CASCADE' })
  regionId!: string;

  @PrimaryColumn('date')
  day!: string;

  @PrimaryColumn('varchar', { length: 30 })
  kind!: LeadTimeKind;

  /** the bucket's first hour (see leadTimeBucket) */
  @PrimaryColumn('int')
  bucketHours!: number;

  @Column('int', { default: 0 })
  samples!: number;
}
