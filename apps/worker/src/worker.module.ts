import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobSchedules, JobsModule, OutboxRelay, WorkerHost } from '@app/jobs';

/**
 * The background side: the outbox relay, the job schedules, and the BullMQ workers that run
 * the job classes of the domain modules. Inside the API process by default, alone in production.
 */
@Module({
  imports: [JobsModule, DiscoveryModule],
  providers: [OutboxRelay, JobSchedules, WorkerHost],
  exports: [OutboxRelay, WorkerHost],
})
export class WorkerModule {}
