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
  { id: 'purge-old-records-daily', queue: QueueName.REPORTING, name: 'purge-old-records', pattern: '45 3 * * *' },
  { id: 'warn-expiring-offers', queue: QueueName.NOTIFICATIONS, name: 'warn-expiring-offers', every: 15 * 60_000 },
  { id: 'resume-email-deliveries', queue: QueueName.NOTIFICATIONS, name: 'resume-email-deliveries', every: 60_000 },
  { id: 'send-daily-digests', queue: QueueName.NOTIFICATIONS, name: 'send-daily-digests', pattern: '0 18 * * *' },
  { id: 'remind-loans-daily', queue: QueueName.NOTIFICATIONS, name: 'remind-loans', pattern: '30 7 * * *' },
  { id: 'announce-donor-reports-quarterly', queue: QueueName.NOTIFICATIONS, name: 'announce-donor-reports', pattern: '0 8 1 1,4,7,10 *' },
];

/**
 * Keeps the job schedulers in Redis. They live only there: a Redis restarted without its data, a
 * failover to an empty replica or a FLUSHDB loses them, and recurring jobs would silently stop.
 * So at start, then every `checkEveryMs`, each scheduler is looked up and the missing ones are
 * upserted (idempotent: BullMQ keeps one scheduler per id; present ones are left alone, so their
 * next run is not moved). While Redis is away the check fails quietly and runs again later.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  /** How often the schedulers are checked; tests lower it before the application starts. */
  static checkEveryMs = 30_000;

  private readonly logger = new Logger(JobSchedules.name);
  private timer?: NodeJS.Timeout;
  private checking?: Promise<number>;
  private failing = false;
  private started = false;

  constructor(private readonly queues: QueueRegistry) {}

  onApplicationBootstrap(): void {
    void this.ensure();
    this.timer = setInterval(() => void this.ensure(), JobSchedules.checkEveryMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Upserts the missing schedulers; returns how many were (re)created, or -1 if Redis did not answer. */
  ensure(): Promise<number> {
    if (this.checking) return this.checking;
    // a check that hangs (a Redis half gone) must not block the next ones for ever
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<number>((resolve) => {
      timer = setTimeout(() => resolve(-1), JobSchedules.checkEveryMs);
      timer.unref();
    });
    this.checking = Promise.race([this.upsertMissing(), bound]).finally(() => {
      clearTimeout(timer);
      this.checking = undefined;
    });
    return this.checking;
  }

  private async upsertMissing(): Promise<number> {
    try {
      let created = 0;
      for (const s of SCHEDULES) {
        const queue = this.queues.get(s.queue);
        if (await queue.getJobScheduler(s.id)) continue;
        await queue.upsertJobScheduler(s.id, s.every ? { every: s.every } : { pattern: s.pattern, tz: 'Europe/Paris' }, { name: s.name, data: {} });
        created += 1;
      }
      if (created && this.started) this.logger.warn(`${created} job schedule(s) were missing from Redis (restarted empty or flushed): re-created`);
      if (this.failing) this.logger.log('job schedules checked again: Redis answers');
      this.started = true;
      this.failing = false;
      return created;
    } catch (error) {
      if (!this.failing) this.logger.warn(`job schedules not checked (${(error as Error).message}); trying again every ${JobSchedules.checkEveryMs / 1000} s`);
      this.failing = true;
      return -1;
    }
  }
}
