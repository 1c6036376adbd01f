import { parisIsoDay } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, JobHandler, OutboxService, QueueName } from '@app/jobs';
import { DataSource } from 'typeorm';
import { NotificationRecorder } from '../services/notification-recorder.service';
import { sendEmailRequest } from './send-email.request';

/**
 * Daily, 18:00 Paris: one e-mail per person gathering their DAILY_DIGEST notifications not yet
 * gathered. One delivery per person and day (UNIQUE): a second run the same day finds it made
 * and leaves later notifications for the next day's digest. Each person in a transaction of their own.
 */
@Injectable()
@Job({ name: 'send-daily-digests', queue: QueueName.NOTIFICATIONS })
export class SendDailyDigestsJob implements JobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: NotificationRecorder,
    private readonly outbox: OutboxService,
  ) {}

  async handle(): Promise<{ digests: number }> {
    const day = parisIsoDay(new Date());
    const users: Array<{ user_id: string; email: string }> = await this.dataSource.query(
      `SELECT DISTINCT n.user_id, u.email FROM notification n JOIN "user" u ON u.id = n.user_id
        WHERE n.delivery = 'DAILY_DIGEST' AND n.digest_delivery_id IS NULL
          AND u.deactivated_at IS NULL AND u.email_bounced_at IS NULL
        ORDER BY n.user_id`,
    );
    let digests = 0;
    for (const user of users) {
      const made = await this.dataSource.transaction(async (manager) => {
        const [taken]: Array<{ id: string }> = await manager.query(`SELECT id FROM email_delivery WHERE user_id = $1 AND digest_day = $2`, [user.user_id, day]);
        if (taken) return false;
        const deliveryId = await this.recorder.newDelivery(manager, { notificationId: null, userId: user.user_id, digestDay: day, to: user.email });
        await manager.query(`UPDATE notification SET digest_delivery_id = $2 WHERE user_id = $1 AND delivery = 'DAILY_DIGEST' AND digest_delivery_id IS NULL`, [
          user.user_id,
          deliveryId,
        ]);
        await this.outbox.enqueue(manager, sendEmailRequest(deliveryId));
        return true;
      });
      if (made) digests += 1;
    }
    return { digests };
  }
}
