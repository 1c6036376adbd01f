import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, Ctx } from '@app/auth';
import { PartnerOrder } from '@app/orders';
import { Device } from '@app/refurbishing';
import { DeviceRefusalService } from './device-refusal.service';
import { RefuseDeviceInput, ReleaseReservationInput, SwapReservationsInput } from './reservation.inputs';
import { ReservationReleaseService } from './reservation-release.service';
import { ReservationSwapService } from './reservation-swap.service';

@Resolver()
export class ReservationResolver {
  constructor(
    private readonly releases: ReservationReleaseService,
    private readonly refusals: DeviceRefusalService,
    private readonly swaps: ReservationSwapService,
  ) {}

  @Allow(Role.REFURBISHER)
  @Mutation(() => Device, {
    description: 'a reserved device its refurbisher cannot ship for its line goes back IN_STOCK; the line asks again and the region is re-matched',
  })
  releaseReservation(@Ctx() ctx: RequestContext, @Args('input') input: ReleaseReservationInput): Promise<Device> {
    return this.releases.release(ctx, input.deviceId, input.reason);
  }

  @Allow(Role.PARTNER)
  @Mutation(() => PartnerOrder, { description: 'the partner refuses a reserved device of its order: back to the workshop, the line asks again, re-matched' })
  refuseDevice(@Ctx() ctx: RequestContext, @Args('input') input: RefuseDeviceInput): Promise<PartnerOrder> {
    return this.refusals.refuse(ctx, input.orderId, input.deviceId, input.reason);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => [Device], { description: "exchange two reserved devices between their lines; each must fit the other's line" })
  swapReservations(@Ctx() ctx: RequestContext, @Args('input') input: SwapReservationsInput): Promise<Device[]> {
    return this.swaps.swap(ctx, input.deviceId, input.otherDeviceId);
  }
}
