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

  /** bumped by every change: conditional updates check it */
  @Column('int', { default: 1 })
  version!: number;

  /** millisecond precision: the pagination cursor carries milliseconds */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
