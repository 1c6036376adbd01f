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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
