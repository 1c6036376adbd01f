import { Field, Int, ObjectType } from '@nestjs/graphql';

/** What a device can do for the person who gets it, as matching reads it. Null: not checked. */
@ObjectType()
export class DeviceCapabilities {
  @Field(() => Boolean, { nullable: true })
  webcam!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  microphone!: boolean | null;

  @Field(() => Int, { nullable: true })
  batteryHealthPercent!: number | null;

  @Field(() => String, { nullable: true })
  os!: string | null;
}
