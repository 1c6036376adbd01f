import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Grade } from '@app/refurbishing';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** The dearest price a row may hold: €100,000, far above anything a workshop sells, well within int. */
export const MAX_PRICE_CENTS = 10_000_000;

@InputType()
export class PriceInput {
  @Field(() => DeviceCategory)
  @IsEnum(DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Grade)
  @IsEnum(Grade)
  grade!: Grade;

  @Field(() => Int, { description: 'TTC, in whole cents; 0 gives the devices away' })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_CENTS)
  priceCents!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: this price applies only to devices whose donor is not a public body, and the legal cap does not bind it',
  })
  @IsOptional()
  @IsBoolean()
  privateDonorsOnly?: boolean | null;
}

@InputType()
export class SetPricesInput {
  @Field(() => ID, { nullable: true, description: "staff name the refurbisher; a refurbisher's own by default" })
  @IsOptional()
  @IsUUID()
  refurbisherId?: string | null;

  @Field(() => [PriceInput], { description: 'the whole list: it replaces the previous one (a row left out is no longer priced)' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PriceInput)
  prices!: PriceInput[];
}

@InputType()
export class SetVatMentionInput {
  @Field(() => ID, { nullable: true, description: "staff name the refurbisher; a refurbisher's own by default" })
  @IsOptional()
  @IsUUID()
  refurbisherId?: string | null;

  @Field({ description: "printed on its invoices, e.g. 'TVA non applicable, art. 293 B du CGI'" })
  @IsString()
  @MaxLength(300)
  vatMention!: string;
}

@ObjectType()
export class PriceListRow {
  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Grade)
  grade!: Grade;

  @Field(() => Int, { description: 'TTC, in cents' })
  priceCents!: number;

  @Field({ description: 'applies only to devices of donors that are not public bodies' })
  privateDonorsOnly!: boolean;

  @Field(() => Int, { nullable: true, description: "the legal cap of the category for public donors' devices, in cents; null: none" })
  capCents!: number | null;
}

@ObjectType()
export class LegalPriceCap {
  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field({ description: 'the equipment as the text names it' })
  label!: string;

  @Field(() => Int)
  capCents!: number;
}

@ObjectType({ description: "a refurbisher's prices, with the legal caps they are held to and the text that sets them" })
export class PriceList {
  @Field(() => ID)
  refurbisherId!: string;

  @Field(() => [PriceListRow])
  rows!: PriceListRow[];

  @Field({ description: 'printed on its invoices' })
  vatMention!: string;

  @Field(() => [LegalPriceCap], { description: "the caps in force today for public donors' equipment" })
  legalCaps!: LegalPriceCap[];

  @Field(() => String, { nullable: true, description: 'the text that sets the caps in force' })
  legalCapSource!: string | null;

  @Field(() => String, { nullable: true })
  legalCapUrl!: string | null;
}
