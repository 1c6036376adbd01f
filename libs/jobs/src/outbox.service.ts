import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobRequest } from './job';
import { OutboxMessage } from './outbox-message.entity';

/** Writes jobs into the outbox, inside the caller's transaction. */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...jobs: JobRequest[]): Promise<void> {
    if (!jobs.length) return;
    const rows = jobs.map((job) => {
      const row = new OutboxMessage();
      Object.assign(row, {
        queue: job.queue,
        name: job.name,
        payload: job.data,
        jobId: job.jobId ?? null,
        debounceKey: job.debounceKey ?? null,
        delayMs: job.delayMs ?? 0,
      });
      return row;
    });
    await manager.getRepository(OutboxMessage).save(rows, { reload: false });
  }
}
