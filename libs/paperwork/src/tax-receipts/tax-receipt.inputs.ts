import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { PageArgs } from '@app/common';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

/** Far above any gift of used computers, and within a PostgreSQL integer of cents. */
export const MAX_VALUATION_CENTS = 2_000_000_000;

@InputType()
export class IssueTaxReceiptInput {
  @Field(() => ID)
  @IsUUID()
  donationId!: string;

  @Field(() => Int, { description: 'the valuation of the gift in kind, in cents (integer, more than 0), as the rules for gifts in kind set it' })
  @IsInt()
  @Min(1)
  @Max(MAX_VALUATION_CENTS)
  valuationCents!: number;
}

@ArgsType()
export class TaxReceiptsArgs extends PageArgs {}
