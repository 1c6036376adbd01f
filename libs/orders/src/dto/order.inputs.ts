import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DeviceCategory, IsDateWithinYears } from '@app/common';
import { Grade } from '@app/refurbishing';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { DeliveryTerms } from '../loans/delivery-terms';

@InputType()
export class OrderLineInput {
  @Field(() => DeviceCategory)
  @IsEnum(DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field(() => BeneficiaryProfile)
  @IsEnum(BeneficiaryProfile)
  profile!: BeneficiaryProfile;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4096)
  minRamGb?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  minStorageGb?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  requireSsd?: boolean | null;

  @Field(() => Grade, { nullable: true })
  @IsOptional()
  @IsEnum(Grade)
  minGrade?: Grade | null;

  @Field(() => Boolean, { nullable: true, description: "needs a working webcam; raises the profile's needs, never lowers them" })
  @IsOptional()
  @IsBoolean()
  needsWebcam?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'needs a working microphone' })
  @IsOptional()
  @IsBoolean()
  needsMicrophone?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'needs an operating system recorded at grading' })
  @IsOptional()
  @IsBoolean()
  needsOs?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'minimum battery health, 0–100 %' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minBatteryHealthPercent?: number | null;

  @Field(() => Date, { nullable: true, description: "when this line's devices are needed; defaults to the order's neededBy" })
  @IsOptional()
  @IsDate()
  @IsDateWithinYears()
  neededBy?: Date | null;

  @Field(() => Int, { nullable: true, description: 'higher is served first when stock is short; default 0' })
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number | null;
}

@InputType()
export class SubmitOrderInput {
  @Field(() => ID, { nullable: true, description: "defaults to the caller's own organization; a coordinator may order for a partner" })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1, { message: 'an order needs at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrderLineInput)
  lines!: OrderLineInput[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @IsDateWithinYears()
  neededBy?: Date | null;
}

@InputType()
export class MatchingGradeFloorInput {
  @Field(() => BeneficiaryProfile)
  @IsEnum(BeneficiaryProfile)
  profile!: BeneficiaryProfile;

  @Field(() => Grade, { nullable: true, description: "no device below this grade for the profile's lines; null: no floor" })
  @IsOptional()
  @IsEnum(Grade)
  minGrade?: Grade | null;
}

@InputType()
export class ShipDevicesInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'ship at least one device' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  deviceIds!: string[];
}

@InputType()
export class ConfirmDeliveryInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'confirm at least one device' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  deviceIds!: string[];

  @Field(() => [String], { nullable: true, description: "the partner's own pseudonymous references for the people equipped, one per device; no names" })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  beneficiaryRefs?: string[] | null;

  @Field(() => DeliveryTerms, { nullable: true, description: 'GIFT (the default) or LOAN, for every device confirmed here' })
  @IsOptional()
  @IsEnum(DeliveryTerms)
  terms?: DeliveryTerms | null;

  @Field(() => Date, { nullable: true, description: 'a LOAN: when the devices are due back (in the future, at most three years away)' })
  @IsOptional()
  @IsDate()
  dueDate?: Date | null;
}
