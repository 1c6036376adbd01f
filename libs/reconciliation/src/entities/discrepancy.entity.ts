import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Device } from '@app/refurbishing';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DiscrepancyKind } from './discrepancy-kind';
import { Reconciliation } from './reconciliation.entity';

/**
 * One serial number a count disagrees on: expected and not counted (MISSING), or counted and not
 * expected there (UNEXPECTED). `deviceId` is the device that carried the serial when the count was
 * recorded; null for a serial unknown to the network.
 */
@ObjectType()
@Entity('reconciliation_discrepancy')
@Index('UQ_reconciliation_discrepancy_serial', ['reconciliationId', 'serialNumber'], { unique: true })
export class Discrepancy {
  @Field(() => ID, { description: 'what resolveDiscrepancy names' })
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  reconciliationId!: string;

  @ManyToOne(() => Reconciliation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reconciliation_id' })
  reconciliation?: Reconciliation;

  @Field(() => DiscrepancyKind)
  @Column({ type: 'enum', enum: DiscrepancyKind, enumName: 'discrepancy_kind' })
  kind!: DiscrepancyKind;

  /** as the device shows it, or as first counted for a serial the network does not know (compared by key when counted) */
  @Field()
  @Column('varchar', { length: 100 })
  serialNumber!: string;

  @Column('uuid', { nullable: true })
  deviceId!: string | null;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;
}
