import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { AddressInput, DeviceCategory, IsSiretInput, Role } from '@app/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
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

  @Field(() => Boolean, { nullable: true, description: 'donors only: a public body (default false)' })
  @IsOptional()
  @IsBoolean()
  publicBody?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'refurbishers only: may issue tax receipts for gifts in kind (default false)' })
  @IsOptional()
  @IsBoolean()
  taxReceiptEligible?: boolean | null;
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

/** French numbers as people write them: 0X XX XX XX XX or +33 X XX XX XX XX, with or without spaces, dots or dashes (kept as typed, trimmed). */
export const FRENCH_PHONE = /^\s*(?:\+33 ?(?:\(0\) ?)?|0)[1-9](?:[ .-]?\d{2}){4}\s*$/;

@InputType({ description: 'the whole contact: a part left out is cleared' })
export class OrganizationContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'contact.email must be an e-mail address, such as accueil@example.fr' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'a French number: 04 72 00 00 00, 0472000000 or +33 4 72 00 00 00' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(FRENCH_PHONE, { message: 'contact.phone must be a French number, such as 04 72 00 00 00 or +33 4 72 00 00 00' })
  phone?: string | null;
}

@InputType({ description: 'give at least one of name, address, contact, serviceRadiusKm, publicBody, taxReceiptEligible' })
export class UpdateOrganizationInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  /** staff only */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string | null;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput | null;

  @Field(() => OrganizationContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationContactInput)
  contact?: OrganizationContactInput | null;

  /** staff only, refurbishers only */
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive({ message: 'serviceRadiusKm must be more than 0 km' })
  @Max(1000)
  serviceRadiusKm?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'donors only: a public body ; staff only' })
  @IsOptional()
  @IsBoolean()
  publicBody?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'refurbishers only: may issue tax receipts for gifts in kind ; staff only' })
  @IsOptional()
  @IsBoolean()
  taxReceiptEligible?: boolean | null;
}

@InputType()
export class DeactivateOrganizationInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  /** shown to whoever reads the organization */
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
