import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Grade } from '@app/refurbishing';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BeneficiaryProfile } from './beneficiary-profile';

/**
 * A region's grade floor for a beneficiary profile: no line of that profile receives a device
 * below it. A region without a row for a profile uses the profile's default floor
 * (PROFILE_DEFAULTS). Set by the region's coordinator (setMatchingGradeFloors): regions differ in
 * what their stock and their partners' people can bear.
 */
@ObjectType()
@Entity()
export class MatchingGradeFloor {
  @Field(() => ID)
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_matching_grade_floor' })
  regionId!: string;

  @Field(() => BeneficiaryProfile)
  @PrimaryColumn({ type: 'enum', enum: BeneficiaryProfile, enumName: 'beneficiary_profile', primaryKeyConstraintName: 'PK_matching_grade_floor' })
  profile!: BeneficiaryProfile;

  @Field(() => Grade, { nullable: true, description: 'null: no floor in this region, even where the profile has a default one' })
  @Column({ type: 'enum', enum: Grade, enumName: 'device_grade', nullable: true })
  minGrade!: Grade | null;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
