import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDateWithinYears } from '@app/common';
import { IsDate, IsInt, IsUUID } from 'class-validator';

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
