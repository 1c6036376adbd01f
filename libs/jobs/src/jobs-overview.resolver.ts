import { Field, Float, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@app/common';
import { Allow } from '@app/auth';
import { DataSource } from 'typeorm';
import { QueueRegistry } from './queue-registry';
import { RedisStatus } from './redis-status';

@ObjectType()
export class QueueStatus {
  @Field()
  name!: string;

  @Field(() => Int)
  waiting!: number;

  @Field(() => Int)
  active!: number;

  @Field(() => Int)
  delayed!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  failed!: number;
}

@ObjectType()
export class FailedJob {
  @Field()
  queue!: string;

  @Field()
  name!: string;

  @Field()
  id!: string;

  @Field()
  reason!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Date, { nullable: true })
  failedAt!: Date | null;
}

@ObjectType({ description: 'the background work, for operators' })
export class JobsOverview {
  @Field()
  redisUp!: boolean;

  @Field(() => Int, { description: 'jobs written by mutations, not yet handed to Redis' })
  outboxPending!: number;

  @Field(() => Float, { description: 'age in seconds of the oldest job still in the outbox: how far the relay is behind (0 when empty)' })
  outboxLagSeconds!: number;

  @Field(() => [QueueStatus])
  queues!: QueueStatus[];

  @Field(() => [FailedJob], { description: 'the last failures, newest first' })
  recentFailures!: FailedJob[];
}

/**
 * What Bull Board would show, as a query, for ADMIN only: the queues and the outbox are shared by
 * every region, and a failure's reason may name another region's work, so a coordinator would
 * learn about regions it does not run.
 */
@Resolver()
export class JobsOverviewResolver {
  constructor(
    private readonly queues: QueueRegistry,
    private readonly redis: RedisStatus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Allow(Role.ADMIN)
  @Query(() => JobsOverview, { description: 'the background work of the whole platform: ADMIN only' })
  async jobs(): Promise<JobsOverview> {
    // the partial index on unsent rows serves both figures
    const [{ n, lag }] = await this.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag FROM outbox_message WHERE sent_at IS NULL`,
    );
    const redisUp = await this.redis.ping();
    if (!redisUp) return { redisUp, outboxPending: n, outboxLagSeconds: lag, queues: [], recentFailures: [] };
    const queues: QueueStatus[] = [];
    const recentFailures: FailedJob[] = [];
    for (const queue of this.queues.all()) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      queues.push({
        name: queue.name,
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
      });
      for (const job of await queue.getFailed(0, 9)) {
        recentFailures.push({
          queue: queue.name,
          name: job.name,
          id: String(job.id),
          reason: job.failedReason,
          attempts: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        });
      }
    }
    recentFailures.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0));
    return { redisUp, outboxPending: n, outboxLagSeconds: lag, queues, recentFailures: recentFailures.slice(0, 20) };
  }
}
