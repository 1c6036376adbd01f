import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AddressInput, DeviceCategory, IsDateWithinYears } from '@app/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

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

  @Field(() => [DonationLineInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DonationLineInput)
  lines!: DonationLineInput[];

  @Field(() => String, { nullable: true, description: 'an inventory as CSV text (category,quantity,brand,model,year,dataBearing); its rows add to lines' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000_000)
  inventoryCsv?: string | null;
}
