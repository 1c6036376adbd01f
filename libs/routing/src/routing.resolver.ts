import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { EachItemValidationPipe, RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { RoutingResult } from '@app/donations';
import { AssignLotItemInput, LotAssignment } from './dto/lot-assignment.types';
import { LotAssignmentService } from './lot-assignment.service';
import { RegionRoutingService } from './region-routing.service';

@Resolver()
export class RoutingResolver {
  constructor(
    private readonly routing: RegionRoutingService,
    private readonly assignments: LotAssignmentService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => RoutingResult, { description: 'route every unrouted device of the region now (it also runs by itself in the background)' })
  routeDonations(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<RoutingResult> {
    return this.routing.routeRegion(ctx, regionId);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => LotAssignment, {
    description: 'offer unrouted devices of a donation to a refurbisher chosen by hand (over the solver); overrides come back as warnings',
  })
  assignLot(
    @Ctx() ctx: RequestContext,
    @Args('donationId', { type: () => ID }) donationId: string,
    @Args('refurbisherId', { type: () => ID }) refurbisherId: string,
    @Args('items', { type: () => [AssignLotItemInput] }, new EachItemValidationPipe(AssignLotItemInput, 20)) items: AssignLotItemInput[],
  ): Promise<LotAssignment> {
    return this.assignments.assign(ctx, donationId, refurbisherId, items);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => LotAssignment, { description: 'move an offered or claimed lot to another refurbisher; the lot is CANCELLED and its devices offered there' })
  reassignLot(
    @Ctx() ctx: RequestContext,
    @Args('lotId', { type: () => ID }) lotId: string,
    @Args('refurbisherId', { type: () => ID }) refurbisherId: string,
  ): Promise<LotAssignment> {
    return this.assignments.reassign(ctx, lotId, refurbisherId);
  }
}
