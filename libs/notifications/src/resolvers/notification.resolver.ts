import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, RequestContext, Role } from '@app/common';
import { Allow, ALL_ROLES, Ctx } from '@app/auth';
import { MarkNotificationsReadArgs, NotificationsArgs, SetNotificationPreferenceArgs, CapturedEmailsArgs } from '../dto/notification.args';
import { CapturedEmail, NotificationConnection, NotificationPreferenceView, NotificationView } from '../dto/notification.types';
import { CapturedEmails } from '../services/captured-emails.service';
import { NotificationInbox } from '../services/notification-inbox.service';
import { NotificationPreferences } from '../services/notification-preferences.service';

@Resolver(() => NotificationView)
export class NotificationResolver {
  constructor(
    private readonly inbox: NotificationInbox,
    private readonly preferences: NotificationPreferences,
    private readonly captured: CapturedEmails,
  ) {}

  @Allow(...ALL_ROLES)
  @Query(() => NotificationConnection, { description: "the caller's own notifications, newest first" })
  notifications(@Ctx() ctx: RequestContext, @Args() args: NotificationsArgs): Promise<Connection<NotificationView>> {
    return this.inbox.list(ctx, args);
  }

  @Allow(...ALL_ROLES)
  @Mutation(() => Int, { description: "marks the caller's notifications read (those named, or all); answers how many changed" })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args() args: MarkNotificationsReadArgs): Promise<number> {
    return this.inbox.markRead(ctx, args.ids);
  }

  @Allow(...ALL_ROLES)
  @Query(() => [NotificationPreferenceView], { description: 'how the caller hears of each kind of event' })
  notificationPreferences(@Ctx() ctx: RequestContext): Promise<NotificationPreferenceView[]> {
    return this.preferences.list(ctx);
  }

  @Allow(...ALL_ROLES)
  @Mutation(() => NotificationPreferenceView)
  setNotificationPreference(@Ctx() ctx: RequestContext, @Args() args: SetNotificationPreferenceArgs): Promise<NotificationPreferenceView> {
    return this.preferences.set(ctx, args.event, args.delivery);
  }

  @Allow(Role.ADMIN)
  @Query(() => [CapturedEmail], {
    description: 'e-mails kept as files when SMTP_URL is not set (development, the embedded start); refused when SMTP is configured',
  })
  capturedEmails(@Ctx() ctx: RequestContext, @Args() args: CapturedEmailsArgs): Promise<CapturedEmail[]> {
    return this.captured.list(ctx, args.first ?? 20);
  }
}
