import { Field, Int, ObjectType } from '@nestjs/graphql';

/** The functional checklist of the last grading, as recorded. A null item was not checked. */
@ObjectType()
export class DeviceChecklist {
  @Field(() => Boolean, { nullable: true })
  screen!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  keyboard!: boolean | null;

  @Field(() => Int, { nullable: true })
  batteryHealthPercent!: number | null;

  @Field(() => Boolean, { nullable: true })
  webcam!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  microphone!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  wifi!: boolean | null;

  @Field(() => String, { nullable: true })
  ports!: string | null;
}
