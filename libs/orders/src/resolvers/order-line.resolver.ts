import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx } from '@app/auth';
import { Device } from '@app/refurbishing';
import { OrderLine } from '../entities/order-line.entity';
import { OrderService } from '../services/order.service';

@Resolver(() => OrderLine)
export class OrderLineResolver {
  constructor(private readonly orderService: OrderService) {}

  @ResolveField(() => [Device], { description: 'reserved for, shipped or delivered to this line' })
  devices(@Ctx() ctx: RequestContext, @Parent() line: OrderLine): Promise<Device[]> {
    return this.orderService.lineDevices(ctx, line.id);
  }

  @ResolveField(() => [String], {
    nullable: true,
    description: "the partner's pseudonymous references of the people equipped; only the partner and staff see them (null for others)",
  })
  beneficiaryRefs(@Ctx() ctx: RequestContext, @Parent() line: OrderLine): Promise<string[] | null> {
    return this.orderService.beneficiaryRefs(ctx, line);
  }
}
