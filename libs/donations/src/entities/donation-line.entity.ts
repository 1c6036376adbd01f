import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Donation } from './donation.entity';

@ObjectType()
@Entity()
@Index(['donationId', 'position'])
@Check('CHK_donation_line_quantity', `"quantity" > 0`)
@Check('CHK_donation_line_year', `"year" IS NULL OR "year" BETWEEN 1980 AND 2100`)
export class DonationLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  donationId!: string;

  @ManyToOne(() => Donation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'donation_id' })
  donation?: Donation;

  @Column('int')
  position!: number;

  @Field(() => DeviceCategory)
  @Column({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Int)
  @Column('int')
  quantity!: number;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  brand!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  model!: string | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  year!: number | null;

  @Field({ description: 'holds data that must be erased (disks, phones)' })
  @Column('boolean')
  dataBearing!: boolean;
}
