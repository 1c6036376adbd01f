import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Device } from '@app/refurbishing';
import { PartnerOrder } from '../entities/partner-order.entity';
import { OrderService } from '../services/order.service';

/** Device.order, served from here so that refurbishing does not depend on orders. */
@Resolver(() => Device)
export class DeviceOrderResolver {
  constructor(private readonly orderService: OrderService) {}

  @ResolveField(() => PartnerOrder, { nullable: true, description: 'the order it is reserved for or was delivered to, when the caller may know it' })
  order(@Ctx() ctx: RequestContext, @Parent() device: Device): Promise<PartnerOrder | null> {
    return this.orderService.orderOfDevice(ctx, device);
  }
}
