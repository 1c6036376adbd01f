import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDateWithinYears } from '@app/common';
import { IsDate, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class SchedulePickupInput {
  @Field(() => ID)
  @IsUUID()
  lotId!: string;

  @Field()
  @IsDate()
  @IsDateWithinYears()
  scheduledAt!: Date;
}

@InputType()
export class CompletePickupInput {
  @Field(() => ID)
  @IsUUID()
  pickupId!: string;

  /** its range depends on the lot, so the service checks it (pickup-collection.policy) */
  @Field(() => Int)
  @IsInt()
  collectedQuantity!: number;
}

@InputType()
export class ReschedulePickupInput {
  @Field(() => ID)
  @IsUUID()
  pickupId!: string;

  @Field()
  @IsDate()
  @IsDateWithinYears()
  scheduledAt!: Date;

  /** shown to the donor in the pickup's history: say why, in a few words */
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class CancelPickupInput {
  @Field(() => ID)
  @IsUUID()
  pickupId!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
