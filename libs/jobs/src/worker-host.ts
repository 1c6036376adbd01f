import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@app/common';
import { Job as BullJob, Worker } from 'bullmq';
import Redis from 'ioredis';
import { JOB_METADATA, JobDefinition, JobHandler, QueueName } from './job';

const SHUTDOWN_BOUND_MS = 10_000;

/**
 * Starts one BullMQ worker per queue that has handlers and dispatches each job to the class
 * registered for its name. A worker that dies mid-job loses its lock; after `jobLockMs` another
 * worker takes the stalled job over, so every job completes (handlers are idempotent).
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The handlers of this application, by queue and job name. */
  handlers(): Map<QueueName, Map<string, JobHandler>> {
    const byQueue = new Map<QueueName, Map<string, JobHandler>>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const definition = Reflect.getMetadata(JOB_METADATA, metatype) as JobDefinition | undefined;
      if (!definition) continue;
      const jobs = byQueue.get(definition.queue) ?? new Map<string, JobHandler>();
      jobs.set(definition.name, instance as JobHandler);
      byQueue.set(definition.queue, jobs);
    }
    return byQueue;
  }

  onApplicationBootstrap(): void {
    for (const [queue, jobs] of this.handlers()) {
      const connection = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 500, 5000) });
      connection.on('error', () => undefined);
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        async (job: BullJob) => {
          const handler = jobs.get(job.name);
          if (!handler) throw new Error(`no handler for job ${job.name} on queue ${queue}`);
          return handler.handle(job.data as object);
        },
        {
          connection,
          prefix: this.config.queuePrefix,
          concurrency: 1,
          lockDuration: this.config.jobLockMs,
          stalledInterval: Math.max(250, Math.floor(this.config.jobLockMs / 2)),
          maxStalledCount: 3,
        },
      );
      worker.on('error', () => undefined);
      worker.on('failed', (job, error) => this.logger.warn(`${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      this.workers.push(worker);
      this.logger.log(`consuming queue ${queue}: ${[...jobs.keys()].join(', ')}`);
    }
  }

  /** Lets running jobs finish, within a bound; past it, their locks lapse and another worker resumes them. */
  async onApplicationShutdown(): Promise<void> {
    const closing = Promise.all(this.workers.map((w) => w.close()));
    const bound = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SHUTDOWN_BOUND_MS).unref());
    if ((await Promise.race([closing, bound])) === 'timeout') {
      this.logger.warn('jobs still running at shutdown: left to be resumed by another worker');
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    for (const c of this.connections) c.disconnect();
  }
}
