import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { UnroutedReason } from '@app/routing';

/** Kinds of work that stopped moving and need a person (docs/routing.md "Stuck work"). */
export enum StuckKind {
  UNROUTED_DEVICES = 'UNROUTED_DEVICES',
  OFFER_EXPIRING = 'OFFER_EXPIRING',
  LOT_NOT_COLLECTED = 'LOT_NOT_COLLECTED',
  PICKUP_MISSED = 'PICKUP_MISSED',
  ORDER_WAITING = 'ORDER_WAITING',
  RESERVATION_NOT_SHIPPED = 'RESERVATION_NOT_SHIPPED',
}

registerEnumType(StuckKind, {
  name: 'StuckKind',
  valuesMap: {
    UNROUTED_DEVICES: { description: 'devices of a donation no lot holds (reason says why): assignLot, liftDecline, resumeIntake, capacities' },
    OFFER_EXPIRING: { description: 'an offer not answered, expiring within STUCK_OFFER_HOURS: call the refurbisher, or reassignLot' },
    LOT_NOT_COLLECTED: { description: 'a lot claimed more than STUCK_CLAIMED_DAYS ago and not collected: reassignLot, or a pickup' },
    PICKUP_MISSED: { description: 'a pickup missed and not scheduled again: reschedule or cancel it' },
    ORDER_WAITING: { description: 'an order open or allocated for more than STUCK_ORDER_DAYS' },
    RESERVATION_NOT_SHIPPED: { description: 'a device reserved more than STUCK_RESERVED_DAYS ago and not shipped' },
  },
});

@ObjectType({ description: 'one piece of stuck work and the object to act on: the ids that apply to its kind, and its fields' })
export class StuckWorkItem {
  @Field(() => StuckKind)
  kind!: StuckKind;

  @Field({ description: 'since when it waits (declaration, offer, claim, missed pickup time, order, reservation)' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'OFFER_EXPIRING: when the offer expires' })
  dueAt?: Date | null;

  @Field(() => ID, { nullable: true })
  donationId?: string | null;

  @Field(() => ID, { nullable: true })
  lotId?: string | null;

  @Field(() => ID, { nullable: true })
  pickupId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  deviceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'the refurbisher concerned (of the lot, pickup or reserved device)' })
  refurbisherId?: string | null;

  @Field(() => String, { nullable: true, description: 'the reference of the donation, lot or order' })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'the status of the lot, pickup or order' })
  status?: string | null;

  @Field(() => DeviceCategory, { nullable: true })
  category?: DeviceCategory | null;

  @Field(() => Int, { nullable: true, description: 'devices concerned' })
  quantity?: number | null;

  @Field(() => UnroutedReason, { nullable: true, description: 'UNROUTED_DEVICES: why' })
  reason?: UnroutedReason | null;
}

@ObjectType()
export class StuckCount {
  @Field(() => StuckKind)
  kind!: StuckKind;

  @Field(() => Int, { description: 'up to 100, `capped` beyond (UNROUTED_DEVICES: donations waiting, each listed per category by stuckWork)' })
  count!: number;

  @Field({ description: 'true when there are more than `count`' })
  capped!: boolean;
}
