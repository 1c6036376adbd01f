import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RequestContext } from '@app/common';
import { TransactionRunner } from '@app/database';
import { NotificationEvent, NotificationJobData, OutboxService } from '@app/jobs';
import { EntityManager } from 'typeorm';
import { NotificationDelivery } from '../entities/notification-delivery';
import { NotificationText, notificationText } from '../mail/notification-text';
import { ALWAYS_SENT, effectiveDelivery } from '../policies/default-preferences';
import { NotificationBus } from '../realtime/notification-bus';
import { sendEmailRequest } from '../jobs/send-email.request';
import { Audience, NotificationAudience, Recipient } from './notification-audience.service';

/** A notification as the live subscriptions carry it (dates as ISO text: the bus speaks msgpack). */
export interface LiveNotification {
  id: string;
  event: NotificationEvent;
  title: string;
  body: string;
  reference: string | null;
  link: string;
  createdAt: string;
}

interface Inserted {
  id: string;
  userId: string | null;
  createdAt: Date;
  text: NotificationText;
}

/**
 * The notify job's work, in one transaction: who is concerned, one inbox row each (keyed by the
 * event's key: a run repeated after a crash inserts nothing, ON CONFLICT DO NOTHING), and for
 * each IMMEDIATE row with an address, an e-mail delivery and its send job through the outbox.
 * Live pushes go after the commit, for the rows this run inserted.
 */
@Injectable()
export class NotificationRecorder {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audience: NotificationAudience,
    private readonly outbox: OutboxService,
    private readonly bus: NotificationBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(eventKey: string, data: NotificationJobData): Promise<{ notified: number; emails: number }> {
    const outcome = await this.tx.run(RequestContext.system(), async (_, manager) => {
      const audience = await this.audience.of(manager, data);
      if (!audience) return null;
      const recipients = await this.audience.recipients(manager, audience, ALWAYS_SENT.has(data.event));
      const chosen = await this.preferences(manager, data.event, recipients);
      const inserted: Inserted[] = [];
      let emails = 0;
      for (const recipient of recipients) {
        // an organization's contact address has no preferences: it is told at once
        const delivery = recipient.userId ? effectiveDelivery(recipient.role, data.event, chosen.get(recipient.userId)) : NotificationDelivery.IMMEDIATE;
        const text = notificationText(data, audience.facts, recipient.role);
        const row = await this.insert(manager, eventKey, data, text, recipient, delivery);
        if (!row) continue;
        inserted.push(row);
        if (delivery === NotificationDelivery.IMMEDIATE && recipient.email) {
          const deliveryId = await this.newDelivery(manager, { notificationId: row.id, userId: recipient.userId, digestDay: null, to: recipient.email });
          await this.outbox.enqueue(manager, sendEmailRequest(deliveryId));
          emails += 1;
        }
      }
      return { audience, inserted, emails };
    });
    if (!outcome) return { notified: 0, emails: 0 };
    await this.publish(data, outcome.audience, outcome.inserted);
    return { notified: outcome.inserted.length, emails: outcome.emails };
  }

  /** A delivery row with its fixed Message-ID; the caller enqueues its send job in the same transaction. */
  async newDelivery(
    manager: EntityManager,
    d: { notificationId: string | null; userId: string | null; digestDay: string | null; to: string },
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO email_delivery (notification_id, user_id, digest_day, to_address, message_id)
       VALUES ($1, $2, $3, $4, '<' || gen_random_uuid() || '@' || $5 || '>') RETURNING id`,
      [d.notificationId, d.userId, d.digestDay, d.to, new URL(this.config.publicUrl).hostname],
    );
    return row!.id;
  }

  private async preferences(manager: EntityManager, event: NotificationEvent, recipients: Recipient[]): Promise<Map<string, NotificationDelivery>> {
    const userIds = recipients.flatMap((r) => (r.userId ? [r.userId] : []));
    if (!userIds.length) return new Map();
    const rows: Array<{ user_id: string; delivery: NotificationDelivery }> = await manager.query(
      `SELECT user_id, delivery FROM notification_preference WHERE event = $1 AND user_id = ANY($2::uuid[])`,
      [event, userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.delivery]));
  }

  private async insert(
    manager: EntityManager,
    eventKey: string,
    data: NotificationJobData,
    text: NotificationText,
    recipient: Recipient,
    delivery: NotificationDelivery,
  ): Promise<Inserted | null> {
    const [row]: Array<{ id: string; created_at: Date }> = await manager.query(
      `INSERT INTO notification (event_key, event, user_id, contact_organization_id, delivery, title, body, reference, action_path, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING RETURNING id, created_at`,
      [
        eventKey,
        data.event,
        recipient.userId,
        recipient.contactOrganizationId,
        delivery,
        text.title.slice(0, 200),
        text.body.slice(0, 2000),
        text.reference,
        text.actionPath,
        JSON.stringify(data),
      ],
    );
    return row ? { id: row.id, userId: recipient.userId, createdAt: row.created_at, text } : null;
  }

  private async publish(data: NotificationJobData, audience: Audience, inserted: Inserted[]): Promise<void> {
    if (!inserted.length) return;
    const pushes: Array<Promise<void>> = [];
    for (const row of inserted) {
      if (!row.userId) continue;
      const { text } = row;
      const live: LiveNotification = {
        id: row.id,
        event: data.event,
        title: text.title,
        body: text.body,
        reference: text.reference,
        link: `${this.config.publicUrl}${text.actionPath}`,
        createdAt: row.createdAt.toISOString(),
      };
      pushes.push(this.bus.publish(this.bus.topic('user', row.userId), { notificationAdded: live }));
    }
    if (audience.offerTo && (data.event === NotificationEvent.LOT_OFFERED || data.event === NotificationEvent.LOT_REASSIGNED)) {
      const lotId = data.event === NotificationEvent.LOT_OFFERED ? data.lotId : data.toLotId;
      const offerExpiresAt = data.event === NotificationEvent.LOT_OFFERED ? data.offerExpiresAt : null;
      pushes.push(
        this.bus.publish(this.bus.topic('offer', audience.offerTo), {
          offerMade: { lotId, reference: audience.facts.lotReference ?? null, quantity: audience.facts.quantity ?? null, offerExpiresAt },
        }),
      );
    }
    if (audience.orderOf) {
      pushes.push(
        this.bus.publish(this.bus.topic('order', audience.orderOf.organizationId), {
          orderUpdated: { orderId: audience.orderOf.orderId, reference: audience.facts.orderReference ?? null, event: data.event },
        }),
      );
    }
    await Promise.all(pushes);
  }
}
