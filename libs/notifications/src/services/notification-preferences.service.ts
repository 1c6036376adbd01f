import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationEvent } from '@app/jobs';
import { NotificationPreferenceView } from '../dto/notification.types';
import { NotificationDelivery } from '../entities/notification-delivery';
import { ALWAYS_SENT, defaultDelivery } from '../policies/default-preferences';

/** A person's choices per kind of event, over their role's defaults. */
@Injectable()
export class NotificationPreferences {
  constructor(private readonly tx: TransactionRunner) {}

  /** Every kind, with what applies to the caller (their choice, else the default of their role). */
  list(ctx: RequestContext): Promise<NotificationPreferenceView[]> {
    return this.tx.run(ctx, async (_, manager) => {
      const rows: Array<{ event: NotificationEvent; delivery: NotificationDelivery }> = await manager.query(
        `SELECT event, delivery FROM notification_preference WHERE user_id = $1`,
        [ctx.user.userId],
      );
      const chosen = new Map(rows.map((r) => [r.event, r.delivery]));
      return Object.values(NotificationEvent).map((event) => {
        const always = ALWAYS_SENT.has(event);
        const own = always ? undefined : chosen.get(event);
        return { event, delivery: own ?? defaultDelivery(ctx.user.role, event), isDefault: own === undefined, alwaysSent: always };
      });
    });
  }

  async set(ctx: RequestContext, event: NotificationEvent, delivery: NotificationDelivery): Promise<NotificationPreferenceView> {
    ActAccess.assert(ctx, 'Notification', 'setPreference', { id: ctx.user.userId });
    if (ALWAYS_SENT.has(event)) {
      throw new BadInputError(
        `${event} e-mails are about your account's security and are always sent; choose another kind of event`,
        { field: 'event', event },
        ErrorReason.SECURITY_EMAIL_REQUIRED,
      );
    }
    await this.tx.run(ctx, (_, manager) =>
      manager.query(
        `INSERT INTO notification_preference (user_id, event, delivery) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, event) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
        [ctx.user.userId, event, delivery],
      ),
    );
    return { event, delivery, isDefault: false, alwaysSent: false };
  }
}
