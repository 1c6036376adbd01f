import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Address } from '@app/common';
import { Organization, Region } from '@app/network';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DonationStatus } from './donation-status';

@ObjectType()
@Entity()
@Index(['regionId', 'status'])
@Index(['donorId', 'createdAt'])
@Index(['createdAt', 'id'])
export class Donation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'human-readable, unique, e.g. DON-2026-000123' })
  @Column('varchar', { length: 20, unique: true })
  reference!: string;

  @Column('uuid')
  donorId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'donor_id' })
  donor?: Organization;

  /** the donor's region, kept here so that routing and listings filter on one column */
  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field(() => DonationStatus)
  @Column({ type: 'enum', enum: DonationStatus, enumName: 'donation_status', default: DonationStatus.DECLARED })
  status!: DonationStatus;

  @Field(() => Address)
  @Column(() => Address)
  pickupAddress!: Address;

  @Field()
  @Column('timestamptz')
  availableFrom!: Date;

  /** millisecond precision: the pagination cursor carries milliseconds */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;
}
