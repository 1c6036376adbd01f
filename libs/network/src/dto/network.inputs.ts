import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { AddressInput, DeviceCategory, IsSiretInput, Role } from '@app/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OrganizationKind } from '../entities/organization-kind';

@InputType()
export class CreateRegionInput {
  @Field()
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2 to 20 capital letters, digits or dashes' })
  code!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;
}

@InputType()
export class CategoryCapacityInput {
  @Field(() => DeviceCategory)
  @IsEnum(DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  weeklyCapacity!: number;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'as people write it (356 000 000 00048, with dots or no-break spaces): stored as its 14 digits' })
  @IsOptional()
  @IsSiretInput()
  siret?: string | null;

  @Field(() => ID)
  @IsUUID()
  regionId!: string;

  @Field(() => AddressInput)
  @ValidateNested()
  @Type(() => AddressInput)
  address!: AddressInput;

  @Field(() => [CategoryCapacityInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.keys(DeviceCategory).length)
  @ValidateNested({ each: true })
  @Type(() => CategoryCapacityInput)
  capacities?: CategoryCapacityInput[] | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive({ message: 'serviceRadiusKm must be more than 0 km' })
  @Max(1000)
  serviceRadiusKm?: number | null;
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}
