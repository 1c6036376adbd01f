import { Device } from '@app/refurbishing';
import { Organization } from '@app/network';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderLine } from './order-line.entity';
import { PartnerOrder } from './partner-order.entity';

/**
 * The partner's pseudonymous reference of the person a delivered device went to. Kept apart from
 * the device and the order, with no GraphQL type of its own: only the partner and staff read it
 * (OrderLine.beneficiaryRefs), and reports may only count it — distinct (partner, reference)
 * pairs are the people equipped — so a donor never learns who got its devices.
 */
@Entity()
@Index(['partnerId', 'reference'])
@Index(['orderLineId'])
@Index(['deviceId', 'orderLineId'], { unique: true })
export class BeneficiaryReference {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * one person per delivery: a device lent, returned and delivered again (or replaced under
   * warranty) has one row per person, each on its own order line
   */
  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  @Column('uuid')
  partnerId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Organization;

  @Column('uuid')
  orderId!: string;

  @ManyToOne(() => PartnerOrder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: PartnerOrder;

  @Column('uuid')
  orderLineId!: string;

  @ManyToOne(() => OrderLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_id' })
  orderLine?: OrderLine;

  @Column('varchar', { length: 64 })
  reference!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;
}
