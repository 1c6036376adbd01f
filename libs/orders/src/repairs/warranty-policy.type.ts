import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A refurbisher's warranty as set: the devices it delivers from now on get it. */
@ObjectType('Warranty')
export class WarrantyView {
  refurbisherId!: string;

  @Field(() => Int, { description: '0: no warranty' })
  months!: number;

  @Field(() => Date, { nullable: true, description: 'null: never set (no warranty)' })
  updatedAt!: Date | null;
}
