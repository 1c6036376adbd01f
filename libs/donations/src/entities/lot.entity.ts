import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organization } from '@app/network';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Donation } from './donation.entity';
import { LotStatus } from './lot-status';

@ObjectType()
@Entity()
@Index(['refurbisherId', 'status'])
@Index(['donationId'])
@Index(['status', 'offerExpiresAt'])
@Index(['regionId', 'createdAt'])
@Index('IDX_lot_region_status_claimed', ['regionId', 'status', 'claimedAt'])
@Check('CHK_lot_quantity', `"quantity" > 0 AND "distance_km" >= 0`)
export class Lot {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column('varchar', { length: 20, unique: true })
  reference!: string;

  @Column('uuid')
  donationId!: string;

  @ManyToOne(() => Donation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'donation_id' })
  donation?: Donation;

  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Column('uuid')
  regionId!: string;

  @Field(() => LotStatus)
  @Column({ type: 'enum', enum: LotStatus, enumName: 'lot_status' })
  status!: LotStatus;

  @Field(() => Int)
  @Column('int')
  quantity!: number;

  @Field(() => Float, { description: 'great-circle distance from the pickup address to the refurbisher' })
  @Column('double precision')
  distanceKm!: number;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  offerExpiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'why the refurbisher declined it' })
  @Column('varchar', { length: 500, nullable: true })
  declineReason!: string | null;

  @Column('timestamptz', { nullable: true })
  claimedAt!: Date | null;

  /**
   * Devices a later routing run or the coordinator added after the refurbisher claimed the lot: it
   * accepted the lot as it was, so what grew is shown apart (still one pickup at the same address).
   */
  @Field(() => Int, { description: 'devices added to the lot after it was claimed (same pickup, within the capacity left)' })
  @Column('int', { default: 0 })
  addedAfterClaim!: number;

  @Field(() => Date, { nullable: true, description: 'when devices were last added to this lot after it was first offered' })
  @Column('timestamptz', { nullable: true })
  grownAt!: Date | null;

  /** the lot a coordinator's reassignment moved this (then CANCELLED) lot's devices to */
  @Column('uuid', { nullable: true })
  reassignedToLotId!: string | null;

  /** bumped by every change: conditional updates check it */
  @Column('int', { default: 1 })
  version!: number;

  /** millisecond precision: the pagination cursor carries milliseconds */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
