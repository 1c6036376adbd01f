import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Device } from './device.entity';
import { ErasureMethod } from './erasure-method';

/**
 * One erasure of one device, as printed on the donor's certificate. Append-only (a trigger
 * refuses UPDATE and DELETE): a failed attempt stays beside the verified one that follows it.
 */
@ObjectType()
@Entity()
@Index(['deviceId', 'performedAt'])
@Check('CHK_erasure_record_certificate', `NOT "verified" OR "certificate_number" IS NOT NULL`)
export class ErasureRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  deviceId!: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id' })
  device?: Device;

  @Field(() => ErasureMethod)
  @Column({ type: 'enum', enum: ErasureMethod, enumName: 'erasure_method' })
  method!: ErasureMethod;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  performedAt!: Date;

  @Field()
  @Column('varchar', { length: 200 })
  operator!: string;

  /** given to verified attempts only (a failed attempt certifies nothing); Device.erasure shows only those */
  @Field(() => String, { description: "unique per device, printed on the donor's certificate" })
  @Column('varchar', { length: 20, unique: true, nullable: true })
  certificateNumber!: string | null;

  @Field()
  @Column('boolean')
  verified!: boolean;

  /** the user who recorded it */
  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @Column('uuid', { nullable: true })
  organizationId!: string | null;
}
