import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ErasureMethod } from '../entities/erasure-method';
import { Grade } from '../entities/grade';

@InputType()
export class DeviceSpecsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cpu?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4096)
  ramGb?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  storageGb?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  ssd?: boolean | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(200)
  screenInches?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  os?: string | null;
}

@InputType()
export class DeviceIntakeInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  serialNumber!: string;

  @Field(() => DeviceCategory)
  @IsEnum(DeviceCategory)
  category!: DeviceCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string | null;

  @Field(() => DeviceSpecsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeviceSpecsInput)
  specs?: DeviceSpecsInput | null;
}

export const MAX_DEVICES_PER_INTAKE = 5000;

@InputType()
export class ReceiveLotInput {
  @Field(() => ID)
  @IsUUID()
  lotId!: string;

  @Field(() => [DeviceIntakeInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DEVICES_PER_INTAKE)
  @ValidateNested({ each: true })
  @Type(() => DeviceIntakeInput)
  devices!: DeviceIntakeInput[];
}

@InputType()
export class RecordErasureInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field(() => ErasureMethod)
  @IsEnum(ErasureMethod)
  method!: ErasureMethod;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  operator!: string;

  @Field()
  @IsBoolean()
  verified!: boolean;
}

@InputType()
export class GradeDeviceInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field(() => Grade)
  @IsEnum(Grade)
  grade!: Grade;

  @Field(() => DeviceSpecsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeviceSpecsInput)
  specs?: DeviceSpecsInput | null;
}

@InputType()
export class RecycleDeviceInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field()
  @IsString()
  @MaxLength(500)
  reason!: string;
}
