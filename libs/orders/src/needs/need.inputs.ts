import { Field, ID, InputType } from '@nestjs/graphql';
import { DeviceCategory, IsDateWithinYears } from '@app/common';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { EligibilityBasis } from './eligibility-basis';
import { NeedUrgency } from './need-urgency';
import { ReferralSource } from './referral-source';

@InputType()
export class RecordNeedInput {
  @Field(() => ID, { nullable: true, description: "defaults to the caller's own organization; staff record for a partner of their region" })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;

  @Field({ description: 'your own pseudonymous reference of the person (a file number): 1-64 letters, digits, . _ / # -; never a name or an e-mail' })
  @IsString()
  @MaxLength(64)
  beneficiaryRef!: string;

  @Field(() => BeneficiaryProfile)
  @IsEnum(BeneficiaryProfile)
  profile!: BeneficiaryProfile;

  @Field(() => DeviceCategory, { nullable: true, description: 'the device the person needs; LAPTOP when left out' })
  @IsOptional()
  @IsEnum(DeviceCategory)
  category?: DeviceCategory | null;

  @Field(() => ReferralSource)
  @IsEnum(ReferralSource)
  referralSource!: ReferralSource;

  @Field(() => EligibilityBasis, { description: 'declared, never a document; one the region accepts (acceptedEligibilityBases)' })
  @IsEnum(EligibilityBasis)
  eligibilityBasis!: EligibilityBasis;

  @Field(() => String, { nullable: true, description: 'the access voucher’s number: required with VOUCHER, refused otherwise' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  voucherNumber?: string | null;

  @Field(() => NeedUrgency, { nullable: true, description: 'NORMAL when left out' })
  @IsOptional()
  @IsEnum(NeedUrgency)
  urgency?: NeedUrgency | null;
}

@InputType()
export class OrderForNeedsInput {
  @Field(() => [ID], { description: 'waiting needs of one partner: each (profile, category, urgency) becomes one line, one unit per need' })
  @ArrayMinSize(1, { message: 'order for at least one need' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  needIds!: string[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @IsDateWithinYears()
  neededBy?: Date | null;
}
