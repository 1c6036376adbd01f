import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Donation } from '@app/donations';
import { Organization, Region } from '@app/network';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A tax receipt for a gift in kind (reçu au titre des dons, formulaire 2041-MEC-SD, article 238 bis
 * of the Code général des impôts), issued by the refurbisher that received the devices to their
 * donor. One per (donation, refurbisher); numbered per refurbisher and calendar year without gaps
 * (tax_receipt_counter moves in the same transaction). The valuation is the one the refurbisher
 * entered, in integer cents; the description and the date of the gift are fixed at issue.
 */
@ObjectType({ description: 'a tax receipt (reçu au titre des dons, Cerfa 2041-MEC-SD) for a gift in kind' })
@Entity()
@Unique('UQ_tax_receipt_donation_refurbisher', ['donationId', 'refurbisherId'])
@Unique('UQ_tax_receipt_number', ['refurbisherId', 'year', 'sequence'])
@Index(['donorId', 'createdAt'])
@Index(['regionId', 'createdAt'])
@Index(['createdAt', 'id'])
@Check('CHK_tax_receipt_valuation', `"valuation_cents" > 0`)
@Check('CHK_tax_receipt_sequence', `"sequence" > 0`)
export class TaxReceipt {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'RF-<year>-<5 digits>, numbered per refurbisher and year without gaps' })
  @Column('varchar', { length: 20 })
  number!: string;

  @Column('int')
  year!: number;

  @Column('int')
  sequence!: number;

  @Field(() => ID)
  @Column('uuid')
  donationId!: string;

  @ManyToOne(() => Donation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'donation_id' })
  donation?: Donation;

  @Field({ description: 'the reference of the donation' })
  @Column('varchar', { length: 20 })
  donationReference!: string;

  @Column('uuid')
  donorId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'donor_id' })
  donor?: Organization;

  @Field({ description: 'the donor, as named on the receipt' })
  @Column('varchar', { length: 200 })
  donorName!: string;

  @Column('uuid')
  refurbisherId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refurbisher_id' })
  refurbisher?: Organization;

  @Field({ description: 'the refurbisher that issued it, as named on the receipt' })
  @Column('varchar', { length: 200 })
  refurbisherName!: string;

  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field(() => Int, { description: 'the valuation of the gift the refurbisher entered, in cents' })
  @Column('int')
  valuationCents!: number;

  @Field({ description: 'the date of the gift: the devices were collected (ownership passed) then' })
  @Column('timestamptz')
  giftDate!: Date;

  @Field({ description: 'what was given, in French ("12 ordinateurs portables, 3 écrans")' })
  @Column('varchar', { length: 1000 })
  goodsDescription!: string;

  @Field(() => Int)
  @Column('int')
  deviceCount!: number;

  @Column('uuid', { nullable: true })
  issuedByUserId!: string | null;

  @Field({ description: 'when it was issued' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
