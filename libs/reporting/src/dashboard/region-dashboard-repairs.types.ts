import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class RepairTicketFigures {
  @Field(() => Int, { description: 'tickets opened in the period' })
  opened!: number;

  @Field(() => Int, { description: 'of those, opened while the device was under warranty' })
  underWarranty!: number;

  @Field(() => Int, { description: 'tickets resolved in the period' })
  resolved!: number;

  @Field(() => Int)
  repaired!: number;

  @Field(() => Int)
  replaced!: number;

  @Field(() => Int)
  closed!: number;

  @Field(() => Int, { description: 'tickets open now' })
  openNow!: number;

  @Field(() => Float, { nullable: true, description: 'median of resolvedAt − openedAt over the tickets resolved in the period, in hours; null when none' })
  medianTurnaroundHours!: number | null;
}

@ObjectType()
export class LoanFigures {
  @Field(() => Int, { description: 'devices on loan now' })
  active!: number;

  @Field(() => Int, { description: 'of those, past their due date' })
  overdue!: number;
}
