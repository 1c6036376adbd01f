import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsIn,
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
import { DEFAULT_WASTE_CODE, MAX_RECYCLING_WEIGHT_KG, RecyclingDestinationInput, WASTE_CODES } from './recycling-destination.inputs';

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

  @Field(() => String, { nullable: true, description: 'the shelf or bin it is put on' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  location?: string | null;
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

/** What grading found working. Left out: not checked. */
@InputType()
export class DeviceChecklistInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  screen?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  keyboard?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'the battery health, 0 to 100 (%)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  batteryHealthPercent?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  webcam?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  microphone?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  wifi?: boolean | null;

  @Field(() => String, { nullable: true, description: 'the ports and their state, as the technician writes it ("2 USB-A ok, HDMI dead")' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  ports?: string | null;
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

  @Field(() => DeviceChecklistInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeviceChecklistInput)
  checklist?: DeviceChecklistInput | null;

  @Field(() => String, { nullable: true, description: 'the operating system installed (a computer enters the stock only with one); same as specs.os' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  os?: string | null;

  @Field(() => String, { nullable: true, description: 'the shelf or bin it is put on' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  location?: string | null;
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

  // Optional so that existing callers keep working: a device recycled without them is listed
  // "destination à renseigner" in the waste register until recordRecyclingDestination completes it.
  @Field(() => RecyclingDestinationInput, { nullable: true, description: 'the eco-organisation or treatment operator it goes to; weightKg is then required' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecyclingDestinationInput)
  destination?: RecyclingDestinationInput | null;

  @Field(() => Float, { nullable: true, description: 'its weight, in kg (with destination)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(MAX_RECYCLING_WEIGHT_KG)
  weightKg?: number | null;

  @Field(() => String, { nullable: true, description: 'the transport document number (Trackdéchets), when there is one (with destination)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  transportDocument?: string | null;

  @Field(() => String, { nullable: true, description: 'the carrier (with destination)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  carrier?: string | null;

  @Field(() => String, { nullable: true, description: `the waste code (article R. 541-8): ${WASTE_CODES.join(', ')}; default ${DEFAULT_WASTE_CODE}` })
  @IsOptional()
  @IsIn(WASTE_CODES as unknown as string[])
  wasteCode?: string | null;
}

@InputType()
export class ReplaceStorageInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field(() => Int, { description: 'the new disk, in GB' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  storageGb!: number;

  @Field()
  @IsBoolean()
  ssd!: boolean;
}

@InputType()
export class ReturnToWorkshopInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field({ description: 'what was found wrong' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class RecoverDeviceInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field({ description: 'where and how it was found' })
  @IsString()
  @MaxLength(500)
  note!: string;
}

@InputType()
export class RecordPartTransferInput {
  @Field(() => ID, { description: 'the parts donor' })
  @IsUUID()
  fromDeviceId!: string;

  @Field(() => ID, { description: 'the device repaired with the part' })
  @IsUUID()
  toDeviceId!: string;

  @Field({ description: 'the part, as the technician names it ("RAM 8 GB", "screen 15.6")' })
  @IsString()
  @MaxLength(200)
  part!: string;
}

@InputType()
export class SetDeviceLocationInput {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field(() => String, { nullable: true, description: 'the shelf or bin; null: nowhere in particular' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  location?: string | null;
}
