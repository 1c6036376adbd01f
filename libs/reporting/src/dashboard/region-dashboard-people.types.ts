import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { BeneficiaryProfile } from '@app/orders';

@ObjectType({ description: 'Open needs of one profile and category, now: counts only' })
export class NeedsDemand {
  @Field(() => BeneficiaryProfile)
  profile!: BeneficiaryProfile;

  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int, { description: 'on the waiting list' })
  waiting!: number;

  @Field(() => Int, { description: 'ordered, not yet served' })
  ordered!: number;
}

@ObjectType({ description: 'What the region has for the needs of one category, now' })
export class NeedsSupply {
  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int, { description: 'needs of the category on the waiting list, every profile' })
  waiting!: number;

  @Field(() => Int, { description: 'devices of the category in stock and not reserved' })
  availableNow!: number;

  @Field(() => Int, { description: 'units of open order lines of the category still without a device' })
  orderedUnfilled!: number;

  @Field(() => Int, { description: 'devices of the category that reached stock over the last 90 days' })
  stockedLast90Days!: number;
}

@ObjectType({ description: 'The people the region equipped and accompanied in the period: counts of pseudonymous references, never the references' })
export class PeopleSupported {
  @Field(() => Int, { description: 'people a device was delivered to in the period (distinct partner references; a device without one counts one person)' })
  peopleEquipped!: number;

  @Field(() => Int, { description: 'people with at least one accompaniment session in the period' })
  peopleAccompanied!: number;

  @Field(() => Int, { description: 'people equipped in the period who had at least one accompaniment session (any date)' })
  peopleEquippedAndAccompanied!: number;

  @Field(() => Int)
  accompanimentSessions!: number;

  @Field(() => Int)
  accompanimentMinutes!: number;

  @Field(() => Int, { description: 'needs recorded in the period' })
  needsRecorded!: number;

  @Field(() => Int, { description: 'needs served (a device delivered) in the period' })
  needsServed!: number;
}
