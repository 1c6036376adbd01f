import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueMetrics } from './queue-metrics';
import { JobsOverviewResolver } from './jobs-overview.resolver';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { PurgeOldRecordsJob } from './purge-old-records.job';
import { QueueRegistry } from './queue-registry';
import { RedisStatus } from './redis-status';

/** What every process needs: Redis status, the queues, and the outbox writer. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [RedisStatus, QueueRegistry, OutboxService, JobsOverviewResolver, PurgeOldRecordsJob, QueueMetrics],
  exports: [RedisStatus, QueueRegistry, OutboxService],
})
export class JobsModule {}
