import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDateWithinYears } from '@app/common';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AccompanimentKind } from './accompaniment-kind';

@InputType()
export class RecordAccompanimentInput {
  @Field(() => ID, { nullable: true, description: "defaults to the caller's own organization; staff record for a partner of their region" })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;

  @Field({ description: 'the same pseudonymous reference as the person’s need or delivery; never a name or an e-mail' })
  @IsString()
  @MaxLength(64)
  beneficiaryRef!: string;

  @Field(() => AccompanimentKind)
  @IsEnum(AccompanimentKind)
  kind!: AccompanimentKind;

  @Field(() => Date, { description: 'when the session was held (not after today)' })
  @IsDate()
  @IsDateWithinYears()
  date!: Date;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes!: number;
}
