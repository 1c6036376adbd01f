import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@app/common';
import { Ctx, User } from '@app/auth';
import { NotificationInbox } from '../services/notification-inbox.service';

/** `me { unreadNotifications }`: the caller's own count; null on any other user (nobody reads another's inbox). */
@Resolver(() => User)
export class MeNotificationsResolver {
  constructor(private readonly inbox: NotificationInbox) {}

  @ResolveField(() => Int, { nullable: true, description: "the caller's unread notifications (on `me`); null for another user" })
  unreadNotifications(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<number> | null {
    if (!ctx.caller || user.id !== ctx.user.userId) return null;
    return this.inbox.unreadCount(ctx);
  }
}
