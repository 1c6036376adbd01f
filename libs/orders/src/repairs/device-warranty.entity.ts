import { Device } from '@app/refurbishing';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { OrderLineDevice } from '../entities/order-line-device.entity';

/**
 * The warranty a delivered device got, fixed at delivery from its refurbisher's policy (a later
 * change of the policy does not touch it). One per delivery: a device delivered twice has two.
 */
@Entity()
@Index(['deviceId'])
export class DeviceWarranty {
  @PrimaryColumn('bigint')
  orderLineDeviceId!: string;

  @OneToOne(() => OrderLineDevice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_device_id' })
  orderLineDevice?: OrderLineDevice;

  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  @Column('smallint')
  months!: number;

  @Column('timestamptz')
  warrantyUntil!: Date;
}
