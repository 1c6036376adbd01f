import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, DeviceCategory } from '@app/common';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { Need } from './need.entity';
import { NeedUrgency } from './need-urgency';

export const NeedConnection = ConnectionType(Need, 'Need');

@ObjectType({ description: 'A waiting need as the waiting list shows it to its partner (or to staff)' })
export class WaitingListEntry {
  @Field(() => ID)
  needId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field()
  beneficiaryRef!: string;

  @Field(() => BeneficiaryProfile)
  profile!: BeneficiaryProfile;

  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => NeedUrgency)
  urgency!: NeedUrgency;

  @Field({ description: 'when the need was recorded' })
  waitingSince!: Date;

  @Field(() => Int, {
    description:
      'place in the region’s queue of waiting needs of the same category, whatever their partner or profile (1 = next): most urgent first, then oldest',
  })
  position!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'days until a device may be expected: (units of open order lines of the category not yet given a device + position − devices of the category in stock and free now) ÷ (devices of the category that reached stock in the region over the last 90 days ÷ 90), rounded up; 0 when the stock covers it now; null when none reached stock in 90 days (unknown)',
  })
  estimatedWaitDays!: number | null;
}

@ObjectType({ description: 'The needs of a region that no order serves yet' })
export class WaitingList {
  @Field(() => ID)
  regionId!: string;

  @Field(() => Int, { description: 'waiting needs in the region (of the profile asked for), every partner’s: a count, never their rows' })
  totalWaiting!: number;

  @Field(() => [WaitingListEntry], { description: 'the caller’s own waiting needs (staff: all), in queue order' })
  entries!: WaitingListEntry[];
}
