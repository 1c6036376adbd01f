import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { Lot } from '@app/donations';
import { IsEnum, IsInt, Max, Min } from 'class-validator';

/** What a coordinator's assignment overrides, said aloud: it goes through, never silently. */
export enum AssignmentWarningCode {
  OUT_OF_RADIUS = 'OUT_OF_RADIUS',
  OVER_CAPACITY = 'OVER_CAPACITY',
  INTAKE_PAUSED = 'INTAKE_PAUSED',
  DECLINED_RECENTLY = 'DECLINED_RECENTLY',
}

registerEnumType(AssignmentWarningCode, {
  name: 'AssignmentWarningCode',
  valuesMap: {
    OUT_OF_RADIUS: { description: "the pickup address is beyond the refurbisher's service radius (details: distanceKm, radiusKm)" },
    OVER_CAPACITY: { description: "the refurbisher's load now exceeds its weekly capacity in a category (details: category, load, weeklyCapacity)" },
    INTAKE_PAUSED: { description: 'the refurbisher paused its intake (details: until)' },
    DECLINED_RECENTLY: { description: 'the refurbisher declined this donation and its cooldown runs (details: until)' },
  },
});

@ObjectType()
export class AssignmentWarning {
  @Field(() => AssignmentWarningCode)
  code!: AssignmentWarningCode;

  @Field({ description: 'the warning in French, for the person who assigned' })
  message!: string;

  @Field(() => DeviceCategory, { nullable: true, description: 'OVER_CAPACITY: the category over capacity' })
  category?: DeviceCategory | null;
}

@ObjectType({ description: "a coordinator's assignment: the lot that holds the devices now, and what it overrode" })
export class LotAssignment {
  @Field(() => Lot, { description: "the refurbisher's open lot of the donation (grown) or a new OFFERED lot" })
  lot!: Lot;

  @Field(() => [AssignmentWarning])
  warnings!: AssignmentWarning[];
}

@InputType()
export class AssignLotItemInput {
  @Field(() => DeviceCategory)
  @IsEnum(DeviceCategory)
  category!: DeviceCategory;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;
}
