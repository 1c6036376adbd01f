import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { APP_CONFIG, AppConfig, MetricsRegistry } from '@app/common';
import { Job as BullJob, Worker } from 'bullmq';
import Redis from 'ioredis';
import { JOB_METADATA, JobDefinition, JobHandler, QueueName } from './job';

/**
 * Shares of SHUTDOWN_TIMEOUT_MS at shutdown: running jobs get most of it to finish; idle workers
 * close at once unless Redis does not answer; the rest is for the database pool and the others.
 */
const JOB_FINISH_SHARE = 0.6;
const IDLE_CLOSE_SHARE = 0.1;
const FORCED_CLOSE_SHARE = 0.2;

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

/** A job's result as its log line shows it: the counts handlers return, never a long listing. */
function summary(result: unknown): unknown {
  if (result === undefined) return undefined;
  const text = JSON.stringify(result);
  return text && text.length <= 300 ? result : `${typeof result} (${text?.length ?? 0} characters)`;
}

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
  /** jobs running in this process now */
  private active = 0;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
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
          this.active += 1;
          const started = performance.now();
          const labels = { queue, job: job.name };
          try {
            const result = await handler.handle(job.data as object, { id: job.id ?? '', attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 });
            const ms = performance.now() - started;
            this.metrics.jobRuns.inc({ ...labels, outcome: 'completed' });
            this.metrics.jobDuration.observe(labels, ms / 1000);
            // one line per run, with what it did: the log tells what the background side is doing
            this.logger.log({
              msg: 'job done',
              queue,
              job: job.name,
              jobId: job.id,
              attempt: job.attemptsMade + 1,
              ms: Math.round(ms),
              result: summary(result),
            });
            return result;
          } catch (error) {
            this.metrics.jobRuns.inc({ ...labels, outcome: 'failed' });
            this.metrics.jobDuration.observe(labels, (performance.now() - started) / 1000);
            throw error;
          } finally {
            this.active -= 1;
          }
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

  /** Whether every queue this process handles has a worker taking jobs (false once shutdown starts). */
  get running(): boolean {
    return this.workers.length > 0 && this.workers.every((w) => w.isRunning() && !w.closing);
  }

  /**
   * Lets running jobs finish, within a share of SHUTDOWN_TIMEOUT_MS; past it, their locks lapse and
   * another worker resumes them. Closing itself is bounded too: with Redis away, BullMQ's close
   * waits for a connection that never comes, so the connections are then cut.
   */
  async onApplicationShutdown(): Promise<void> {
    const timeout = this.config.shutdownTimeoutMs;
    const busy = this.active > 0;
    const closing = Promise.allSettled(this.workers.map((w) => w.close()));
    if ((await within(closing, timeout * (busy ? JOB_FINISH_SHARE : IDLE_CLOSE_SHARE))) === 'timeout') {
      if (this.active > 0) {
        this.logger.warn(`${this.active} job(s) still running at shutdown: left to be resumed by another worker once their lock lapses`);
        await within(Promise.allSettled(this.workers.map((w) => w.close(true))), timeout * FORCED_CLOSE_SHARE);
      } else {
        this.logger.warn('workers did not close in time (Redis not answering): connections cut');
      }
    }
    for (const c of this.connections) c.disconnect();
  }
}
