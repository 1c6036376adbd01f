import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * A refurbisher's intake per category. `load` is a counter kept in the same transaction as
 * the lot changes that move it (devices in its offered, claimed, scheduled or collected lots).
 */
@ObjectType('CategoryCapacity')
@Entity()
@Check('CHK_refurbisher_capacity_weekly', `"weekly_capacity" >= 0`)
export class RefurbisherCapacity {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => DeviceCategory)
  @PrimaryColumn({ type: 'enum', enum: DeviceCategory, enumName: 'device_category' })
  category!: DeviceCategory;

  @Field(() => Int, { description: 'devices the refurbisher takes in per week' })
  @Column('int')
  weeklyCapacity!: number;

  @Field(() => Int, { description: 'devices in its lots that are offered, claimed, scheduled or collected but not yet received' })
  @Column('int', { default: 0 })
  load!: number;
}
