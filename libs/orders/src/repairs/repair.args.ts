import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ConnectionType, PageArgs } from '@app/common';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { RepairOutcome } from './repair-outcome';
import { RepairTicket } from './repair-ticket.entity';
import { MAX_WARRANTY_MONTHS } from './warranty';

export const RepairTicketConnection = ConnectionType(RepairTicket, 'RepairTicket');

@ArgsType()
export class OpenRepairTicketArgs {
  @Field(() => ID)
  @IsUUID()
  deviceId!: string;

  @Field({ description: 'what fails, in a few words; no name, e-mail address or phone number' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  symptom!: string;
}

@ArgsType()
export class ResolveRepairTicketArgs {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => RepairOutcome)
  @IsEnum(RepairOutcome)
  outcome!: RepairOutcome;

  @Field(() => ID, { nullable: true, description: 'REPLACED: a device of the refurbisher’s stock (IN_STOCK: erased and graded) given to the person instead' })
  @IsOptional()
  @IsUUID()
  replacementDeviceId?: string | null;

  @Field(() => String, { nullable: true, description: 'what was found or done; no personal data' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  resolution?: string | null;
}

@ArgsType()
export class RepairTicketsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  deviceId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'only the tickets not resolved yet' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean | null;
}

@ArgsType()
export class SetWarrantyArgs {
  @Field(() => ID, { nullable: true, description: "defaults to the caller's own organization" })
  @IsOptional()
  @IsUUID()
  refurbisherId?: string | null;

  @Field(() => Int, { description: `months of warranty on the devices it delivers from now on, 0 (none) to ${MAX_WARRANTY_MONTHS}` })
  @IsInt()
  @Min(0)
  @Max(MAX_WARRANTY_MONTHS)
  months!: number;
}
