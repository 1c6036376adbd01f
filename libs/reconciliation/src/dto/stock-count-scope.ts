import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** A count of the devices on one shelf can list at most this many devices by id. */
export const MAX_SCOPED_DEVICES = 50_000;

/**
 * The part of the stock a count covers: devices outside it are never declared missing by it.
 * Each given criterion narrows the scope (categories AND location AND deviceIds).
 */
@InputType()
export class StockCountScopeInput {
  @Field(() => [DeviceCategory], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEnum(DeviceCategory, { each: true })
  categories?: DeviceCategory[] | null;

  @Field(() => String, { nullable: true, description: 'the shelf or bin counted (Device.location)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  location?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCOPED_DEVICES)
  @IsUUID('all', { each: true })
  deviceIds?: string[] | null;
}

/** What a count covered, as recorded; null fields: not narrowed on. */
@ObjectType()
export class StockCountScope {
  @Field(() => [DeviceCategory], { nullable: true })
  categories!: DeviceCategory[] | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  /** how many devices were named, not the ids (a count may name thousands) */
  @Field(() => Int, { nullable: true, description: 'how many devices the count named by id' })
  deviceCount!: number | null;
}
