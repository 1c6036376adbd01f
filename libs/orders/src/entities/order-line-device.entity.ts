import { Device } from '@app/refurbishing';
import { Organization } from '@app/network';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderLine } from './order-line.entity';
import { PartnerOrder } from './partner-order.entity';

/**
 * A device given to an order line: reserved by matching, then shipped, then delivered; or
 * released (order cancelled, reservation stale, device missing), after which the row stays as
 * history and the device may be given again. The partial unique index holds a device to at most
 * one live link: even a bug cannot reserve one device for two lines.
 */
@Entity()
@Index('UQ_order_line_device_live', ['deviceId'], { unique: true, where: `"released_at" IS NULL` })
@Index('IDX_order_line_device_live_line', ['orderLineId'], { where: `"released_at" IS NULL` })
@Index('IDX_order_line_device_unshipped', ['reservedAt'], { where: `"released_at" IS NULL AND "shipped_at" IS NULL` })
// every link a device ever had, in order: which order a past delivery was for (the dashboard's recount)
@Index('IDX_order_line_device_device_reserved', ['deviceId', 'reservedAt'])
@Index(['orderId'])
@Index(['partnerId'])
export class OrderLineDevice {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  orderLineId!: string;

  @ManyToOne(() => OrderLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_id' })
  orderLine?: OrderLine;

  @Column('uuid')
  orderId!: string;

  @ManyToOne(() => PartnerOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: PartnerOrder;

  /** the order's partner: "the devices reserved or delivered to it" in one indexed column */
  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  @CreateDateColumn({ type: 'timestamptz' })
  reservedAt!: Date;

  @Column('timestamptz', { nullable: true })
  shippedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  deliveredAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  releasedAt!: Date | null;

  /** CANCELLED, STALE, DEVICE_GONE, RELEASED, REFUSED, SWAPPED; after delivery: RETURNED (a loan given back), REPLACED (swapped under warranty) */
  @Column('varchar', { length: 20, nullable: true })
  releaseReason!: string | null;
}
