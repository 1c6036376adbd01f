import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@app/common';
import { Donation } from '../entities/donation.entity';
import { Lot } from '../entities/lot.entity';

export const DonationConnection = ConnectionType(Donation, 'Donation');
export const LotConnection = ConnectionType(Lot, 'Lot');

@ObjectType()
export class RoutingResult {
  @Field(() => Int)
  routedQuantity!: number;

  @Field(() => Int)
  unroutedQuantity!: number;

  @Field(() => Float, { description: 'sum over new lots of quantity x distanceKm' })
  totalDeviceKm!: number;

  @Field(() => [Lot])
  lots!: Lot[];
}
