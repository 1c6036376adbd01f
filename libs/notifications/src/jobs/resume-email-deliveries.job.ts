import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, JobHandler, QueueName, QueueRegistry } from '@app/jobs';
import { DataSource } from 'typeorm';
import { sendEmailRequest } from './send-email.request';

/** A PENDING delivery this old has no retry left waiting in BullMQ (its backoff totals well under a minute). */
const STUCK_PENDING_MINUTES = 10;

/**
 * Every minute: deliveries left SENDING by a worker that died mid-send (their lease has passed),
 * and PENDING ones whose jobs were lost (Redis emptied), get a new send job. Sending claims the
 * row again, so a delivery another worker still holds is left alone.
 */
@Injectable()
@Job({ name: 'resume-email-deliveries', queue: QueueName.NOTIFICATIONS })
export class ResumeEmailDeliveriesJob implements JobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  async handle(): Promise<{ resumed: number }> {
    const rows: Array<{ id: string; attempts: number }> = await this.dataSource.query(
      `SELECT id, attempts FROM email_delivery
        WHERE (state = 'SENDING' AND lease_until < clock_timestamp())
           OR (state = 'PENDING' AND created_at < clock_timestamp() - make_interval(mins => $1))
        ORDER BY created_at LIMIT 500`,
      [STUCK_PENDING_MINUTES],
    );
    for (const row of rows) {
      const request = sendEmailRequest(row.id, row.attempts);
      await this.queues.get(request.queue).add(request.name, request.data, { jobId: request.jobId });
    }
    return { resumed: rows.length };
  }
}
