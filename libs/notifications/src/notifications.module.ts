import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailDelivery } from './entities/email-delivery.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import { Notification } from './entities/notification.entity';
import { AnnounceDonorReportsJob } from './jobs/announce-donor-reports.job';
import { NotifyJob } from './jobs/notify.job';
import { RemindLoansJob } from './jobs/remind-loans.job';
import { ResumeEmailDeliveriesJob } from './jobs/resume-email-deliveries.job';
import { SendDailyDigestsJob } from './jobs/send-daily-digests.job';
import { SendEmailJob } from './jobs/send-email.job';
import { WarnExpiringOffersJob } from './jobs/warn-expiring-offers.job';
import { MailTransport } from './mail/mail-transport';
import { NotificationBus } from './realtime/notification-bus';
import { MeNotificationsResolver } from './resolvers/me-notifications.resolver';
import { NotificationSubscriptionResolver } from './resolvers/notification-subscription.resolver';
import { NotificationResolver } from './resolvers/notification.resolver';
import { CapturedEmails } from './services/captured-emails.service';
import { EmailSender } from './services/email-sender.service';
import { NotificationAudience } from './services/notification-audience.service';
import { NotificationInbox } from './services/notification-inbox.service';
import { NotificationPreferences } from './services/notification-preferences.service';
import { NotificationRecorder } from './services/notification-recorder.service';
import { DeviceMovementTriggers } from './triggers/device-movement-triggers.subscriber';
import { NotificationTriggers } from './triggers/notification-triggers.subscriber';

/** Inbox, preferences, e-mail and live pushes of what the domains record (docs/notifications.md). The top lib. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, EmailDelivery, NotificationPreference])],
  providers: [
    NotificationBus,
    MailTransport,
    NotificationAudience,
    NotificationRecorder,
    EmailSender,
    NotificationInbox,
    NotificationPreferences,
    CapturedEmails,
    NotificationTriggers,
    DeviceMovementTriggers,
    NotifyJob,
    SendEmailJob,
    ResumeEmailDeliveriesJob,
    SendDailyDigestsJob,
    WarnExpiringOffersJob,
    AnnounceDonorReportsJob,
    RemindLoansJob,
    NotificationResolver,
    MeNotificationsResolver,
    NotificationSubscriptionResolver,
  ],
  exports: [NotificationBus, EmailSender, NotificationRecorder],
})
export class NotificationsModule {}
