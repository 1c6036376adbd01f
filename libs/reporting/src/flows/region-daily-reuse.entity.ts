import { DeviceCategory } from '@app/common';
import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** Devices refurbished per report day and category: what the CO2e avoided is computed from. */
@Entity()
export class RegionDailyReuse {
  @PrimaryColumn('uuid')
  @ForeignKey('Region', { name: 'FK_region_daily_reuse_region', onDelete: 'CASCADE' })
  regionId!: string;

  @PrimaryColumn('date')
  day!: string;

  @PrimaryColumn({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Column('int', { default: 0 })
  refurbished!: number;
}
