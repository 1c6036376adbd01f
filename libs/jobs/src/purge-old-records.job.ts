import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { LoginFailures } from '@app/auth';
import { DataSource } from 'typeorm';
import { Job, JobHandler, QueueName } from './job';

export type PurgeOldRecordsJobData = Record<string, never>;

export interface PurgedRecords {
  outboxMessages: number;
  loginFailures: number;
}

/** Rows per DELETE: each batch is its own short statement, so the tables are never locked for long. */
const BATCH = 5000;

/**
 * Daily: deletes what is only kept for a while. Sent outbox messages older than
 * OUTBOX_RETENTION_DAYS (their job is in BullMQ's own history; an unsent row is never deleted,
 * however old, since it is a job still owed) and failed logins older than
 * LOGIN_FAILURE_RETENTION_DAYS (the throttle only looks back minutes; they hold e-mail addresses
 * and IP addresses, which are not kept longer than needed; auth, their owner, deletes them).
 * Idempotent: a second run deletes nothing.
 */
@Injectable()
@Job({ name: 'purge-old-records', queue: QueueName.REPORTING })
export class PurgeOldRecordsJob implements JobHandler<PurgeOldRecordsJobData> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<PurgedRecords> {
    // no transaction: each batch commits on its own
    const manager = this.dataSource.manager;
    return {
      outboxMessages: await inBatches(async () => {
        const [, deleted] = (await manager.query(
          `DELETE FROM outbox_message WHERE id IN (
             SELECT id FROM outbox_message WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(days => $1) ORDER BY id LIMIT $2)`,
          [this.config.outboxRetentionDays, BATCH],
        )) as [unknown, number];
        return deleted;
      }),
      loginFailures: await inBatches(() => LoginFailures.purgeOlderThan(manager, this.config.loginFailureRetentionDays, BATCH)),
    };
  }
}

/** Repeats one batch's DELETE until a batch comes back short; the total deleted. */
async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
