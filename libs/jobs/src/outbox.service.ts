import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@app/database';
import { EntityManager } from 'typeorm';
import { JobRequest } from './job';

/** Every job of a command in one statement, whatever their number: one text, prepared once per connection. */
const INSERT_JOBS = `INSERT INTO outbox_message (queue, name, payload, job_id, debounce_key, delay_ms)
  SELECT queue, name, payload::jsonb, job_id, debounce_key, delay_ms
    FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::varchar[], $5::varchar[], $6::int[])
      AS j(queue, name, payload, job_id, debounce_key, delay_ms)`;

/** Writes jobs into the outbox, inside the caller's transaction. */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...jobs: JobRequest[]): Promise<void> {
    if (!jobs.length) return;
    // a statement rather than the repository's save: TypeORM's persistence took more CPU than the insert
    await preparedQuery(manager, INSERT_JOBS, [
      jobs.map((job) => job.queue),
      jobs.map((job) => job.name),
      jobs.map((job) => JSON.stringify(job.data)),
      jobs.map((job) => job.jobId ?? null),
      jobs.map((job) => job.debounceKey ?? null),
      jobs.map((job) => job.delayMs ?? 0),
    ]);
  }
}
