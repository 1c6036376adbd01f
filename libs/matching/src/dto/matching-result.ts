import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class MatchingResult {
  @Field(() => Int, { description: 'units reserved by this run' })
  allocatedQuantity!: number;

  @Field(() => Int, { description: 'units of open lines still without a device after this run' })
  unfilledQuantity!: number;
}
