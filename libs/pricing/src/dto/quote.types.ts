import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Grade } from '@app/refurbishing';

@ObjectType()
export class QuoteLine {
  @Field(() => ID)
  deviceId!: string;

  @Field()
  serialNumber!: string;

  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Grade, { nullable: true })
  grade!: Grade | null;

  @Field(() => ID)
  refurbisherId!: string;

  @Field()
  refurbisherName!: string;

  @Field(() => Int, { description: 'TTC, in cents: the list price now, or the price charged when it shipped' })
  priceCents!: number;

  @Field({ description: 'false: no row of the price list fits it, so it is given free' })
  listed!: boolean;

  @Field({ description: 'its donor is a public body: its price is held under the legal cap' })
  publicDonor!: boolean;

  @Field(() => Int, { nullable: true })
  capCents!: number | null;

  @Field({ description: 'shipped: its price is frozen on the invoice' })
  shipped!: boolean;
}

@ObjectType()
export class QuoteRefurbisherTotal {
  @Field(() => ID)
  refurbisherId!: string;

  @Field()
  refurbisherName!: string;

  @Field(() => Int)
  deviceCount!: number;

  @Field(() => Int, { description: 'TTC, in cents' })
  totalCents!: number;
}

@ObjectType({ description: 'what the devices allocated to an order cost, device by device and per refurbisher' })
export class Quote {
  @Field(() => ID)
  orderId!: string;

  @Field()
  orderReference!: string;

  @Field(() => [QuoteLine])
  lines!: QuoteLine[];

  @Field(() => [QuoteRefurbisherTotal])
  byRefurbisher!: QuoteRefurbisherTotal[];

  @Field(() => Int, { description: 'TTC, in cents' })
  totalCents!: number;
}
