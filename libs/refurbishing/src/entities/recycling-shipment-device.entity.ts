import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { Device } from './device.entity';
import { RecyclingShipment } from './recycling-shipment.entity';

/** A recycled device in the load it left with: at most one each (the primary key), so no device is counted twice in the register. */
@Entity()
@Index(['shipmentId'])
export class RecyclingShipmentDevice {
  @PrimaryColumn('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  @Column('uuid')
  shipmentId!: string;

  @ManyToOne(() => RecyclingShipment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: RecyclingShipment;
}
