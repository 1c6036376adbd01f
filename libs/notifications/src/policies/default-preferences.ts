import { Role } from '@app/common';
import { NotificationEvent } from '@app/jobs';
import { NotificationDelivery } from '../entities/notification-delivery';

/** Sent whatever the preferences say: a person who asked for a reset link must get it. */
export const ALWAYS_SENT: ReadonlySet<NotificationEvent> = new Set([NotificationEvent.PASSWORD_RESET]);

/**
 * What staff follow rather than act on: one e-mail a day is enough. Everything else someone must
 * act on (an offer, a pickup, an order) goes at once. docs/notifications.md has the table.
 */
const DIGEST_BY_DEFAULT: Partial<Record<Role, ReadonlySet<NotificationEvent>>> = {
  [Role.ADMIN]: new Set([
    NotificationEvent.LOT_DECLINED,
    NotificationEvent.LOT_EXPIRED,
    NotificationEvent.LOT_REASSIGNED,
    NotificationEvent.DELIVERY_CONFIRMED,
  ]),
  [Role.COORDINATOR]: new Set([
    NotificationEvent.LOT_DECLINED,
    NotificationEvent.LOT_EXPIRED,
    NotificationEvent.LOT_REASSIGNED,
    NotificationEvent.DELIVERY_CONFIRMED,
  ]),
  [Role.REFURBISHER]: new Set([NotificationEvent.DELIVERY_CONFIRMED]),
  // the partner confirmed the delivery itself: the bill and the needs it served can wait for the evening
  [Role.PARTNER]: new Set([NotificationEvent.INVOICE_ISSUED, NotificationEvent.NEED_SERVED]),
};

/** The delivery of a kind of event for a role when the person chose nothing. */
export function defaultDelivery(role: Role, event: NotificationEvent): NotificationDelivery {
  if (ALWAYS_SENT.has(event)) return NotificationDelivery.IMMEDIATE;
  return DIGEST_BY_DEFAULT[role]?.has(event) ? NotificationDelivery.DAILY_DIGEST : NotificationDelivery.IMMEDIATE;
}

/** What applies: always-sent kinds ignore the choice; otherwise the person's, else the role's default. */
export function effectiveDelivery(role: Role, event: NotificationEvent, chosen: NotificationDelivery | undefined): NotificationDelivery {
  if (ALWAYS_SENT.has(event)) return NotificationDelivery.IMMEDIATE;
  return chosen ?? defaultDelivery(role, event);
}
