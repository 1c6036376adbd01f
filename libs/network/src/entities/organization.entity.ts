import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Address } from '@app/common';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationKind } from './organization-kind';
import { Region } from './region.entity';

@ObjectType()
@Entity()
@Index(['regionId', 'kind'])
@Check('CHK_organization_service_radius', `"service_radius_km" IS NULL OR ("service_radius_km" > 0 AND "service_radius_km" <= 20000)`)
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'French company id, 14 digits, Luhn-valid' })
  @Column('char', { length: 14, nullable: true, unique: true })
  siret!: string | null;

  @Column('uuid')
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field(() => Address)
  @Column(() => Address)
  address!: Address;

  @Field(() => Float, { nullable: true, description: 'refurbishers only: the farthest pickup it accepts' })
  @Column('double precision', { nullable: true })
  serviceRadiusKm!: number | null;

  /** who the network calls or writes to about this organization's work; shown to the people who work with it */
  @Column('varchar', { length: 200, nullable: true })
  contactName!: string | null;

  @Column('varchar', { length: 254, nullable: true })
  contactEmail!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  contactPhone!: string | null;

  /** set when the organization stops taking part: no new offers or orders, its history kept */
  @Field(() => Date, { nullable: true, description: 'set while it takes no new work (no declaration, order or claim); its users still read their history' })
  @Column('timestamptz', { nullable: true })
  deactivatedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 500, nullable: true })
  deactivationReason!: string | null;

  /** refurbishers only: routing offers nothing to it before this time (holidays, a van off the road) */
  @Field(() => Date, {
    nullable: true,
    description: 'refurbishers only: routing offers it nothing before this time (pauseIntake); past or null: taking devices',
  })
  @Column('timestamptz', { nullable: true })
  intakePausedUntil!: Date | null;

  @Field(() => String, { nullable: true, description: 'why its intake is paused, as its people or the coordinator wrote it' })
  @Column('varchar', { length: 500, nullable: true })
  intakePauseReason!: string | null;

  /**
   * donors only: a public body (state service, local authority, public hospital…). The law caps
   * the price at which its equipment may be resold and sets it reuse targets, so both follow this flag.
   */
  @Field({ description: 'donors only: a public body, whose equipment is resold under the legal price caps and counted against the public reuse targets' })
  @Column('boolean', { default: false })
  publicBody!: boolean;

  /**
   * refurbishers only: the organization may issue tax receipts for gifts in kind (an association
   * of general interest, article 238 bis CGI). The coordinator records it; the law, not the
   * service, decides who is eligible.
   */
  @Field({ description: 'refurbishers only: may issue tax receipts to its donors (article 238 bis of the Code général des impôts)' })
  @Column('boolean', { default: false })
  taxReceiptEligible!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
