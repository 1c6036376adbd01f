import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * A region's flows of one report day, kept as counters moved in the same transaction as the
 * change they count (RegionFlowLedger), so the dashboard sums a row per day instead of scanning
 * devices. `ordered` and `allocated` are filed under the day the order was submitted (the fill
 * rate is over the orders of a period); every other counter under the day its event happened.
 */
@Entity()
export class RegionDailyFlow {
  @PrimaryColumn('uuid')
  @ForeignKey('Region', { name: 'FK_region_daily_flow_region', onDelete: 'CASCADE' })
  regionId!: string;

  @PrimaryColumn('date')
  day!: string;

  /** devices of donations declared that day (donations cancelled since: not counted) */
  @Column('int', { default: 0 })
  declared!: number;

  /** devices taken away by pickups completed that day */
  @Column('int', { default: 0 })
  collected!: number;

  /** devices that reached IN_STOCK that day for the first time (a released reservation, a re-grade after a return: not counted) */
  @Column('int', { default: 0 })
  refurbished!: number;

  /** deliveries that day: a device lent, given back and delivered again counts at each delivery */
  @Column('int', { default: 0 })
  delivered!: number;

  @Column('int', { default: 0 })
  recycled!: number;

  /** units ordered by orders submitted that day (cancelled orders: not counted) */
  @Column('int', { default: 0 })
  ordered!: number;

  /** of those, units with a device now (reserved, shipped or delivered) */
  @Column('int', { default: 0 })
  allocated!: number;
}
