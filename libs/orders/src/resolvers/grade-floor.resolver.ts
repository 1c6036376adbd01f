import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EachItemValidationPipe, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { MatchingGradeFloorInput } from '../dto/order.inputs';
import { GradeFloor } from '../dto/grade-floor.types';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { GradeFloorService } from '../services/grade-floor.service';

@Resolver()
export class GradeFloorResolver {
  constructor(private readonly floors: GradeFloorService) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [GradeFloor], { description: "the grade floor of each beneficiary profile in the region (the region's or the profile's default)" })
  matchingGradeFloors(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<GradeFloor[]> {
    return this.floors.list(ctx, regionId);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => [GradeFloor], { description: 'no line of these profiles receives a device below the floor in this region; profiles not named keep theirs' })
  setMatchingGradeFloors(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('floors', { type: () => [MatchingGradeFloorInput] }, new EachItemValidationPipe(MatchingGradeFloorInput, Object.keys(BeneficiaryProfile).length))
    floors: MatchingGradeFloorInput[],
  ): Promise<GradeFloor[]> {
    return this.floors.set(ctx, regionId, floors);
  }
}
