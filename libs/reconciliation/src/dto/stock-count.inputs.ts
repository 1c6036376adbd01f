import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { StockCountScopeInput } from './stock-count-scope';

/** A count covers a whole workshop's shelves; beyond this, count in several sessions of one day. */
export const MAX_SERIALS_PER_COUNT = 50_000;
/** As long as a device's serial number may be. */
export const MAX_SERIAL_LENGTH = 100;

@InputType()
export class SubmitStockCountInput {
  @Field(() => ID, { nullable: true, description: "defaults to the caller's own organization" })
  @IsOptional()
  @IsUUID()
  refurbisherId?: string | null;

  @Field(() => [String], { description: 'every serial number found on the shelves (devices IN_STOCK or RESERVED)' })
  @IsArray()
  @ArrayMaxSize(MAX_SERIALS_PER_COUNT)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'a serial number may not be empty' })
  @MaxLength(MAX_SERIAL_LENGTH, { each: true })
  serialNumbers!: string[];

  @Field(() => StockCountScopeInput, {
    nullable: true,
    description: 'the part of the stock counted (a shelf, categories, devices): what lies outside is never declared missing',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StockCountScopeInput)
  scope?: StockCountScopeInput | null;
}
