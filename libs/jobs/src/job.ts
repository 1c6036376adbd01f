import { SetMetadata } from '@nestjs/common';

/** The named queues. A job belongs to one; workers consume them all (BullMQ spreads the work). */
export enum QueueName {
  ROUTING = 'routing',
  LOGISTICS = 'logistics',
  MATCHING = 'matching',
  STOCK = 'stock',
  REPORTING = 'reporting',
  NOTIFICATIONS = 'notifications',
}

export interface JobDefinition {
  name: string;
  queue: QueueName;
}

/** What the outbox stores to enqueue one job. */
export interface JobRequest<T extends object = object> {
  queue: QueueName;
  name: string;
  data: T;
  /** same id, same job: BullMQ keeps one (for a job that must run once per id, ever) */
  jobId?: string;
  /**
   * Debouncing: requests with the same key are one run while that run waits (its delay), and a
   * request that comes while it runs makes exactly one more run after it. Never a job id: a
   * completed job keeps its id for a day, and a request reusing it would be dropped.
   */
  debounceKey?: string;
  delayMs?: number;
}

/** A job class handles one named job; its data type is exported beside it (as in Twenty). */
export interface JobHandler<T extends object = object> {
  handle(data: T, run: JobRun): Promise<unknown>;
}

/** The run of a job as its handler may need it: its id keys what it produces (one notification per job, whatever the retries). */
export interface JobRun {
  id: string;
  /** attempts already made before this one */
  attemptsMade: number;
  /** attempts BullMQ allows in all */
  attempts: number;
}

export const JOB_METADATA = 'reuse:job';

/** Marks a provider as the handler of a named job on a queue. */
export const Job = (definition: JobDefinition) => SetMetadata(JOB_METADATA, definition);

/** BullMQ refuses ':' in custom ids. */
export const jobIdOf = (...parts: Array<string | number>): string => parts.join('-').replace(/:/g, '_');
