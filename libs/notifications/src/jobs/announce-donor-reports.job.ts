import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, JobHandler, NotificationEvent, notificationRequest, OutboxService, QueueName } from '@app/jobs';
import { DataSource } from 'typeorm';

/** The calendar quarter before the one `now` is in, as [from, to) UTC days. */
export function previousQuarter(now: Date): { from: Date; to: Date } {
  const startMonth = Math.floor(now.getUTCMonth() / 3) * 3;
  const to = new Date(Date.UTC(now.getUTCFullYear(), startMonth, 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), startMonth - 3, 1));
  return { from, to };
}

/**
 * Quarterly (the 1st of January, April, July, October, 08:00 Paris): every donor that gave
 * during the past quarter is told its report is ready. Once per donor and quarter (job id).
 */
@Injectable()
@Job({ name: 'announce-donor-reports', queue: QueueName.NOTIFICATIONS })
export class AnnounceDonorReportsJob implements JobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  handle(): Promise<{ donors: number }> {
    const { from, to } = previousQuarter(new Date());
    return this.dataSource.transaction(async (manager) => {
      const donors: Array<{ donor_id: string }> = await manager.query(
        `SELECT DISTINCT donor_id FROM donation WHERE created_at >= $1 AND created_at < $2 AND status <> 'CANCELLED' ORDER BY donor_id`,
        [from, to],
      );
      const quarter = from.toISOString().slice(0, 10);
      await this.outbox.enqueue(
        manager,
        ...donors.map((d) =>
          notificationRequest(
            NotificationEvent.DONOR_REPORT_READY,
            { donorId: d.donor_id, from: from.toISOString(), to: to.toISOString() },
            `donor-report-${d.donor_id}-${quarter}`,
          ),
        ),
      );
      return { donors: donors.length };
    });
  }
}
