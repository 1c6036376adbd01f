import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AddressInput, DeviceCategory, IsDateWithinYears } from '@app/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

@InputType()
export class DonationLineInput {
  @Field(() => DeviceCategory)
  @IsEnum(DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

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

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1980)
  @Max(2100)
  year?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  dataBearing?: boolean | null;
}

@InputType()
export class InventoryFileInput {
  @Field({ description: "the name the file had on the donor's computer, used in messages" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  /** 2 MB of file is at most 2,796,203 base64 characters; line breaks some encoders add are allowed for */
  @Field({ description: 'the file itself, base64-encoded; at most 2 MB once decoded' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_900_000)
  @Matches(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, { message: 'inventoryFile.contentBase64 must be base64 (A-Z, a-z, 0-9, +, /, = padding)' })
  contentBase64!: string;
}

@InputType()
export class DeclareDonationInput {
  @Field(() => ID, { nullable: true, description: "defaults to the caller's own organization; a coordinator may declare for a donor" })
  @IsOptional()
  @IsUUID()
  donorId?: string | null;

  @Field(() => AddressInput)
  @ValidateNested()
  @Type(() => AddressInput)
  pickupAddress!: AddressInput;

  @Field()
  @IsDate()
  @IsDateWithinYears()
  availableFrom!: Date;

  @Field(() => [DonationLineInput], { nullable: true, description: 'optional when an inventory (inventoryCsv or inventoryFile) gives the lines' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DonationLineInput)
  lines?: DonationLineInput[] | null;

  @Field(() => String, { nullable: true, description: 'an inventory as CSV text (category,quantity,brand,model,year,dataBearing); its rows add to lines' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000_000)
  inventoryCsv?: string | null;

  @Field(() => InventoryFileInput, {
    nullable: true,
    description: 'an inventory file: .xlsx (first worksheet) or CSV in UTF-8 or Windows-1252; its rows add to lines (docs/inventories.md)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => InventoryFileInput)
  inventoryFile?: InventoryFileInput | null;
}
