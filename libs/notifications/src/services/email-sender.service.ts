import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, parisDay } from '@app/common';
import { EmailBounces } from '@app/auth';
import { NotificationEvent } from '@app/jobs';
import { DataSource } from 'typeorm';
import { EmailDeliveryState } from '../entities/email-delivery-state';
import { digestEmail, EmailContent, EmailItem, singleEmail } from '../mail/email-content';
import { MailTransport, SendFailure } from '../mail/mail-transport';

/** A delivery as its claim returned it. */
export interface ClaimedDelivery {
  id: string;
  notification_id: string | null;
  user_id: string | null;
  digest_day: string | null;
  to_address: string;
  message_id: string;
  /** the claim's number: only the holder of this attempt may mark the outcome */
  attempts: number;
}

export type SendOutcome = 'SENT' | 'NOT_CLAIMABLE' | 'BOUNCED' | 'NOTHING_TO_SEND';

interface NotificationRow {
  event: NotificationEvent;
  title: string;
  body: string;
  reference: string | null;
  action_path: string;
  payload: Record<string, unknown>;
}

/**
 * Sends one delivery, at most one worker at a time: the row is claimed with FOR UPDATE SKIP
 * LOCKED and a conditional UPDATE (PENDING, or SENDING whose lease has passed) that sets a lease
 * and counts the attempt; the outcome is written only by the holder of that attempt. No
 * transaction is held open while the SMTP server talks. docs/notifications.md tells the limits.
 */
@Injectable()
export class EmailSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Claims, sends, marks. A transient failure puts the delivery back to PENDING (FAILED on the
   * last attempt) and throws, so BullMQ retries it with backoff; a 5xx is final and recorded on the user.
   */
  async send(deliveryId: string, lastAttempt: boolean): Promise<SendOutcome> {
    const claimed = await this.claim(deliveryId);
    if (!claimed) return 'NOT_CLAIMABLE';
    const content = await this.compose(claimed);
    if (!content) {
      await this.finish(claimed, EmailDeliveryState.FAILED, 'nothing left to send (its notifications are gone)');
      return 'NOTHING_TO_SEND';
    }
    try {
      await this.mail.send({ ...content, to: claimed.to_address, messageId: claimed.message_id, deliveryId: claimed.id });
    } catch (error) {
      const failure = error instanceof SendFailure ? error : new SendFailure((error as Error).message, false);
      if (failure.permanent) {
        await this.finish(claimed, EmailDeliveryState.FAILED, failure.message);
        if (claimed.user_id) await EmailBounces.record(this.dataSource.manager, claimed.user_id, failure.message);
        return 'BOUNCED';
      }
      await this.finish(claimed, lastAttempt ? EmailDeliveryState.FAILED : EmailDeliveryState.PENDING, failure.message);
      throw failure;
    }
    await this.finish(claimed, EmailDeliveryState.SENT, null);
    return 'SENT';
  }

  /** Takes the delivery for EMAIL_LEASE_MS, or answers null when it is sent, failed, or held by a live lease. */
  async claim(deliveryId: string): Promise<ClaimedDelivery | null> {
    const rows: ClaimedDelivery[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE email_delivery d
            SET state = 'SENDING', attempts = d.attempts + 1, lease_until = clock_timestamp() + make_interval(secs => $2::double precision / 1000)
          WHERE d.id = (SELECT id FROM email_delivery
                         WHERE id = $1 AND (state = 'PENDING' OR (state = 'SENDING' AND lease_until < clock_timestamp()))
                         FOR UPDATE SKIP LOCKED)
            AND (d.state = 'PENDING' OR (d.state = 'SENDING' AND d.lease_until < clock_timestamp()))
          RETURNING d.id, d.notification_id, d.user_id, d.digest_day::text AS digest_day, d.to_address, d.message_id, d.attempts
       ) SELECT * FROM claimed`,
      [deliveryId, this.config.emailLeaseMs],
    );
    return rows[0] ?? null;
  }

  private async finish(claimed: ClaimedDelivery, state: EmailDeliveryState, error: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE email_delivery
            SET state = $3::varchar, lease_until = NULL, last_error = $4::varchar, sent_at = CASE WHEN $3::varchar = 'SENT' THEN clock_timestamp() ELSE sent_at END
          WHERE id = $1 AND state = 'SENDING' AND attempts = $2`,
        [claimed.id, claimed.attempts, state, error?.slice(0, 1000) ?? null],
      );
      // the reset link is a key: once its e-mail is gone, the inbox row keeps no copy
      if (state !== EmailDeliveryState.PENDING && claimed.notification_id) {
        await manager.query(`UPDATE notification SET payload = payload - 'link' WHERE id = $1 AND event = $2`, [
          claimed.notification_id,
          NotificationEvent.PASSWORD_RESET,
        ]);
      }
    });
  }

  private async compose(claimed: ClaimedDelivery): Promise<EmailContent | null> {
    // no console page sets preferences yet (setNotificationPreference is in the API): the footer points to the console
    const settings = `${this.config.publicUrl}/`;
    if (claimed.notification_id) {
      const [row]: NotificationRow[] = await this.dataSource.query(
        `SELECT event, title, body, reference, action_path, payload FROM notification WHERE id = $1`,
        [claimed.notification_id],
      );
      return row ? singleEmail(this.item(row), settings) : null;
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT event, title, body, reference, action_path, payload FROM notification WHERE digest_delivery_id = $1 ORDER BY created_at, id`,
      [claimed.id],
    );
    if (!rows.length) return null;
    return digestEmail(
      rows.map((r) => this.item(r)),
      parisDay(new Date(`${claimed.digest_day}T12:00:00Z`)),
      settings,
    );
  }

  private item(row: NotificationRow): EmailItem {
    const link =
      row.event === NotificationEvent.PASSWORD_RESET && typeof row.payload.link === 'string' ? row.payload.link : `${this.config.publicUrl}${row.action_path}`;
    return { title: row.title, body: row.body, reference: row.reference, link };
  }
}
