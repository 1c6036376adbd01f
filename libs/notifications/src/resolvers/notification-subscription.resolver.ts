import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { RequestContext, Role } from '@app/common';
import { Allow, ALL_ROLES, Ctx } from '@app/auth';
import { NotificationEvent } from '@app/jobs';
import type { PubSub } from 'mercurius';
import { NotificationView, OfferMade, OrderUpdate } from '../dto/notification.types';
import { NotificationBus } from '../realtime/notification-bus';
import { LiveNotification } from '../services/notification-recorder.service';

interface OfferPayload {
  offerMade: { lotId: string; reference: string | null; quantity: number | null; offerExpiresAt: string | null };
}
interface OrderPayload {
  orderUpdated: { orderId: string; reference: string | null; event: NotificationEvent };
}

/**
 * Live events over WebSocket. Each subscription listens to a topic of the caller's own (their
 * user, their organization), so the scope is the topic: nobody can name another's.
 */
@Resolver()
export class NotificationSubscriptionResolver {
  constructor(private readonly bus: NotificationBus) {}

  @Allow(...ALL_ROLES)
  @Subscription(() => NotificationView, {
    description: 'each notification of the caller, as it is recorded',
    resolve: (p: { notificationAdded: LiveNotification }): NotificationView => ({
      ...p.notificationAdded,
      createdAt: new Date(p.notificationAdded.createdAt),
      readAt: null,
    }),
  })
  notificationAdded(@Ctx() ctx: RequestContext, @Context('pubsub') pubsub: PubSub): Promise<AsyncIterable<unknown>> {
    return pubsub.subscribe(this.bus.topic('user', ctx.user.userId));
  }

  @Allow(Role.REFURBISHER)
  @Subscription(() => OfferMade, {
    description: "lots offered to the caller's organization",
    resolve: (p: OfferPayload): OfferMade => ({ ...p.offerMade, offerExpiresAt: p.offerMade.offerExpiresAt ? new Date(p.offerMade.offerExpiresAt) : null }),
  })
  offerMade(@Ctx() ctx: RequestContext, @Context('pubsub') pubsub: PubSub): Promise<AsyncIterable<unknown>> {
    return pubsub.subscribe(this.bus.topic('offer', ctx.organizationId));
  }

  @Allow(Role.PARTNER)
  @Subscription(() => OrderUpdate, {
    description: "orders of the caller's organization: allocated, shipped, delivered",
    resolve: (p: OrderPayload): OrderUpdate => p.orderUpdated,
  })
  orderUpdated(@Ctx() ctx: RequestContext, @Context('pubsub') pubsub: PubSub): Promise<AsyncIterable<unknown>> {
    return pubsub.subscribe(this.bus.topic('order', ctx.organizationId));
  }
}
