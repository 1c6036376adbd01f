import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { UnroutedReasonCode } from '../solver';

/** The GraphQL face of the solver's reasons (solver/unrouted-reasons.ts says when each applies). */
export enum UnroutedReason {
  NO_REFURBISHER_FOR_CATEGORY = 'NO_REFURBISHER_FOR_CATEGORY',
  NO_REFURBISHER_IN_RADIUS = 'NO_REFURBISHER_IN_RADIUS',
  ALL_DECLINED = 'ALL_DECLINED',
  PAUSED = 'PAUSED',
  NO_CAPACITY = 'NO_CAPACITY',
  AWAITING_ROUTING = 'AWAITING_ROUTING',
}

registerEnumType(UnroutedReason, {
  name: 'UnroutedReason',
  valuesMap: {
    NO_REFURBISHER_FOR_CATEGORY: { description: 'no active refurbisher of the region takes this category' },
    NO_REFURBISHER_IN_RADIUS: { description: 'no refurbisher taking this category reaches the pickup address' },
    ALL_DECLINED: { description: 'every refurbisher in reach declined it (or let its offer lapse); their cooldown runs (liftDecline)' },
    PAUSED: { description: 'the refurbishers in reach that may take it have paused their intake' },
    NO_CAPACITY: { description: 'the refurbishers that may take it have no room left this week (or the donation holds its share of their week)' },
    AWAITING_ROUTING: { description: 'a refurbisher has room: the next routing run offers it' },
  },
});

export const toUnroutedReason = (code: UnroutedReasonCode): UnroutedReason => UnroutedReason[code];

@ObjectType({ description: 'devices of one category of a donation that no lot holds, and why' })
export class UnroutedDevices {
  @Field(() => ID)
  donationId!: string;

  @Field(() => DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int)
  quantity!: number;

  @Field(() => UnroutedReason)
  reason!: UnroutedReason;
}
