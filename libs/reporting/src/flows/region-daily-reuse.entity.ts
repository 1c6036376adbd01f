import { DeviceCategory } from '@app/common';
import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * Devices reused (handed to a person for the first time) per report day and category: what the
 * CO2e avoided is computed from, as in the donor report. The counter is still named `refurbished`
 * (it once counted arrivals in stock, which avoid nothing until someone uses the device) because
 * the dashboard's query reads it by that name.
 */
@Entity()
export class RegionDailyReuse {
  @PrimaryColumn('uuid')
  @ForeignKey('Region', { name: 'FK_region_daily_reuse_region', onDelete: 'CASCADE' })
  regionId!: string;

  @PrimaryColumn('date')
  day!: string;

  @PrimaryColumn({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  /** devices first delivered that day (see above for the name) */
  @Column('int', { default: 0 })
  refurbished!: number;
}
