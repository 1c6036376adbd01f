import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@app/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { QueueRegistry } from './queue-registry';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/**
 * Queue depths and outbox lag, read at scrape time: the numbers an operator watches to know
 * whether work is piling up (workers too few or stuck) or not leaving the database (Redis away).
 */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly queues: QueueRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const queues = this.queues;
    const dataSource = this.dataSource;
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue, by state (absent while Redis does not answer)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.all().map(async (queue) => {
            const counts = await queue.getJobCounts(...STATES).catch(() => null);
            for (const state of STATES) if (counts) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
    const unsent = new Gauge({
      name: 'outbox_unsent_messages',
      help: 'Jobs written by commands and not yet handed to BullMQ',
      registers: [this.metrics.registry],
    });
    new Gauge({
      name: 'outbox_oldest_unsent_seconds',
      help: 'Age of the oldest job still in the outbox: how far the relay is behind (0 when empty)',
      registers: [this.metrics.registry],
      async collect() {
        // the partial index on unsent rows serves both figures
        const [row] = (await dataSource
          .query(`SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age FROM outbox_message WHERE sent_at IS NULL`)
          .catch(() => [undefined])) as Array<{ n: number; age: number } | undefined>;
        if (!row) return;
        unsent.set(row.n);
        this.set(row.age);
      },
    });
  }
}
