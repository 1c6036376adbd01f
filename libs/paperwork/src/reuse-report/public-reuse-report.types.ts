import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeviceCategory } from '@app/common';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class PublicReuseReportArgs {
  @Field(() => ID)
  @IsUUID()
  donorId!: string;

  @Field(() => Int, { description: 'the calendar year (Paris time) the donations were declared in' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

@ObjectType()
export class PublicReuseFigures {
  @Field(() => Int, { description: 'devices declared in the year’s donations (not cancelled)' })
  declared!: number;

  @Field(() => Int, { description: 'devices of those donations received by a refurbisher' })
  received!: number;

  @Field(() => Int, { description: 'handed to a person (DELIVERED)' })
  reused!: number;

  @Field(() => Int, { description: 'refurbished, waiting for a beneficiary (IN_STOCK, RESERVED, SHIPPED)' })
  awaitingBeneficiary!: number;

  @Field(() => Int, { description: 'recycled (RECYCLED)' })
  recycled!: number;

  @Field(() => Int, { description: 'still on the workbench (RECEIVED, WIPED): not decided yet' })
  pending!: number;

  @Field(() => Int, { description: 'not found at a stock count (MISSING)' })
  missing!: number;

  @Field(() => Float, {
    nullable: true,
    description: '(reused + awaitingBeneficiary) / (reused + awaitingBeneficiary + recycled), in %; null when none is decided',
  })
  reuseSharePercent!: number | null;
}

@ObjectType()
export class PublicReuseCategoryFigures extends PublicReuseFigures {
  @Field(() => DeviceCategory)
  category!: DeviceCategory;
}

@ObjectType({
  description:
    'a public donor’s contribution to its reuse target (décret n° 2023-266): of the equipment it gave in the year, the share reused vs recycled. The legal ratio divides by the body’s own disposed stock on 1 January, which only it knows: compare, do not read it as the legal ratio',
})
export class PublicReuseReport extends PublicReuseFigures {
  @Field(() => ID)
  donorId!: string;

  @Field()
  donorName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Float, { nullable: true, description: 'the decree’s target for the year, in % (null before 2023)' })
  targetPercent!: number | null;

  @Field({ description: 'where the target comes from' })
  targetSource!: string;

  @Field(() => Boolean, { nullable: true, description: 'reuseSharePercent reaches targetPercent; null when either is null' })
  shareReachesTarget!: boolean | null;

  @Field(() => [PublicReuseCategoryFigures])
  byCategory!: PublicReuseCategoryFigures[];

  @Field({ description: 'what the figures are and are not, in French, for the report the body writes' })
  method!: string;
}
