import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { DataSource } from 'typeorm';
import { QueueName } from './job';
import { OutboxMessage } from './outbox-message.entity';
import { QueueRegistry } from './queue-registry';

const BATCH = 200;

/**
 * The job id of a row that asked for none. The row id alone is not enough: a database restored
 * from a backup hands out the ids it had handed out after the backup again, while Redis still
 * keeps the jobs those ids named (completed jobs are kept a day), and BullMQ silently ignores a
 * job whose id it already holds. The row's creation time tells the two rows apart and is as
 * stable as the id, so a relay that re-adds a row still adds the same job.
 */
export function outboxJobId(row: Pick<OutboxMessage, 'id' | 'createdAt'>): string {
  return `outbox-${row.id}-${row.createdAt.getTime()}`;
}

/**
 * Moves outbox rows to BullMQ. Rows are locked with SKIP LOCKED, so many relays share the work;
 * a row is marked sent in the same transaction that added its job, and the job id is stable
 * (the row's, or the one it asked for), so a relay that dies between the two re-adds a job
 * BullMQ already has, and BullMQ keeps one. Debounced requests go through BullMQ deduplication
 * (docs/concurrency.md "Debouncing"): while a run waits, the request joins it; while it runs, one
 * more run is queued behind it; once it is done, the key is free again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.relayOnce(), this.config.outboxPollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many jobs were handed to BullMQ. Never runs twice at once here. */
  relayOnce(): Promise<number> {
    this.running ??= this.relay().finally(() => (this.running = undefined));
    return this.running;
  }

  private async relay(): Promise<number> {
    let moved = 0;
    try {
      for (;;) {
        const count = await this.dataSource.transaction(async (manager) => {
          const rows = await manager
            .getRepository(OutboxMessage)
            .createQueryBuilder('m')
            .where('m.sent_at IS NULL')
            .orderBy('m.id', 'ASC')
            .limit(BATCH)
            .setLock('pessimistic_write')
            .setOnLocked('skip_locked')
            .getMany();
          for (const row of rows) {
            await this.queues.get(row.queue as QueueName).add(row.name, row.payload, {
              jobId: row.jobId ?? outboxJobId(row),
              delay: row.delayMs || undefined,
              // keepLastIfActive: a request that comes while the run is active is kept and runs after it
              deduplication: row.debounceKey ? { id: row.debounceKey, keepLastIfActive: true } : undefined,
            });
          }
          if (rows.length) await manager.query(`UPDATE outbox_message SET sent_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
          return rows.length;
        });
        moved += count;
        if (count < BATCH) break;
      }
      if (this.failing) this.logger.log('outbox relay is moving jobs again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`outbox relay paused: ${(error as Error).message}; jobs stay in the outbox`);
      this.failing = true;
    }
    return moved;
  }
}
