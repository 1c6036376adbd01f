import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QueueName } from './job';
import { QueueRegistry } from './queue-registry';

interface Schedule {
  id: string;
  queue: QueueName;
  name: string;
  every?: number;
  pattern?: string;
}

/** Every recurring job, in one place (DESIGN.md "Background jobs"). Times are Paris time. */
export const SCHEDULES: Schedule[] = [
  { id: 'route-all-regions-hourly', queue: QueueName.ROUTING, name: 'route-all-regions', every: 3600_000 },
  { id: 'expire-offers', queue: QueueName.ROUTING, name: 'expire-offers', every: 5 * 60_000 },
  { id: 'pickup-reminders-daily', queue: QueueName.LOGISTICS, name: 'pickup-reminders', pattern: '0 7 * * *' },
  { id: 'match-all-regions-hourly', queue: QueueName.MATCHING, name: 'match-all-regions', every: 3600_000 },
  { id: 'release-stale-reservations-daily', queue: QueueName.MATCHING, name: 'release-stale-reservations', pattern: '30 3 * * *' },
  { id: 'reconcile-stock-nightly', queue: QueueName.STOCK, name: 'reconcile-stock', pattern: '0 4 * * *' },
  { id: 'recount-dashboards-nightly', queue: QueueName.REPORTING, name: 'recount-dashboards', pattern: '15 2 * * *' },
];

/**
 * Upserts the job schedulers at start (idempotent: BullMQ keeps one scheduler per id). If Redis
 * is away, it tries again until it is back.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private retry?: NodeJS.Timeout;

  constructor(private readonly queues: QueueRegistry) {}

  onApplicationBootstrap(): void {
    void this.upsertAll();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  async upsertAll(): Promise<boolean> {
    try {
      for (const s of SCHEDULES) {
        await this.queues.get(s.queue).upsertJobScheduler(s.id, s.every ? { every: s.every } : { pattern: s.pattern, tz: 'Europe/Paris' }, { name: s.name, data: {} });
      }
      return true;
    } catch (error) {
      this.logger.warn(`job schedules not set yet (${(error as Error).message}); retrying in 30 s`);
      this.retry = setTimeout(() => void this.upsertAll(), 30_000);
      this.retry.unref();
      return false;
    }
  }
}
