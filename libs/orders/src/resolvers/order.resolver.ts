import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { AccessPolicy, Allow, Ctx } from '@app/auth';
import { connectionSelection, Organization, OrganizationService } from '@app/network';
import { ConfirmDeliveryInput, ShipDevicesInput, SubmitOrderInput } from '../dto/order.inputs';
import { PartnerOrderConnection } from '../dto/order.types';
import { OrderLine } from '../entities/order-line.entity';
import { OrderStatus } from '../entities/order-status';
import { PartnerOrder } from '../entities/partner-order.entity';
import { OrderCancellationService } from '../services/order-cancellation.service';
import { OrderDeliveryService } from '../services/order-delivery.service';
import { OrderShippingService } from '../services/order-shipping.service';
import { OrderSubmissionService } from '../services/order-submission.service';
import { OrderService } from '../services/order.service';

@Resolver(() => PartnerOrder)
export class OrderResolver {
  constructor(
    private readonly orderService: OrderService,
    private readonly submission: OrderSubmissionService,
    private readonly cancellation: OrderCancellationService,
    private readonly shipping: OrderShippingService,
    private readonly delivery: OrderDeliveryService,
    private readonly organizationService: OrganizationService,
  ) {}

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Query(() => PartnerOrderConnection)
  orders(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => OrderStatus, nullable: true }) status?: OrderStatus,
    @Args('partnerId', { type: () => ID, nullable: true }) partnerId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Connection<PartnerOrder>> {
    return this.orderService.list(ctx, { status, partnerId }, first, after, info && connectionSelection(info));
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Query(() => PartnerOrder, { nullable: true })
  order(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PartnerOrder | null> {
    return this.orderService.find(ctx, id);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => PartnerOrder)
  submitOrder(@Ctx() ctx: RequestContext, @Args('input') input: SubmitOrderInput): Promise<PartnerOrder> {
    return this.submission.submit(ctx, input);
  }

  @Allow(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)
  @Mutation(() => PartnerOrder)
  cancelOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PartnerOrder> {
    return this.cancellation.cancel(ctx, id);
  }

  @Allow(Role.REFURBISHER)
  @Mutation(() => PartnerOrder)
  shipDevices(@Ctx() ctx: RequestContext, @Args('input') input: ShipDevicesInput): Promise<PartnerOrder> {
    return this.shipping.ship(ctx, input);
  }

  @Allow(Role.PARTNER)
  @Mutation(() => PartnerOrder)
  confirmDelivery(@Ctx() ctx: RequestContext, @Args('input') input: ConfirmDeliveryInput): Promise<PartnerOrder> {
    return this.delivery.confirm(ctx, input);
  }

  @ResolveField(() => Organization)
  async partner(@Ctx() ctx: RequestContext, @Parent() order: PartnerOrder): Promise<Organization> {
    return AccessPolicy.readableOrRefuse(await this.organizationService.load(ctx, order.partnerId));
  }

  @ResolveField(() => [OrderLine])
  lines(@Ctx() ctx: RequestContext, @Parent() order: PartnerOrder): Promise<OrderLine[]> {
    return this.orderService.lines(ctx, order.id);
  }
}
