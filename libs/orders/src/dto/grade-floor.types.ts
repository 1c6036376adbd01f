import { Field, ObjectType } from '@nestjs/graphql';
import { Grade } from '@app/refurbishing';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';

/** The grade floor matching applies to a profile's lines in a region. */
@ObjectType()
export class GradeFloor {
  @Field(() => BeneficiaryProfile)
  profile!: BeneficiaryProfile;

  @Field(() => Grade, { nullable: true, description: 'no device below this grade; null: no floor' })
  minGrade!: Grade | null;

  @Field({ description: "true when the region set it; false: the profile's default floor" })
  setByRegion!: boolean;
}
