import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RedisStatus } from '@app/jobs';
import { DataSource } from 'typeorm';
import { databaseAnswers, HealthReport, readiness } from './readiness';

/**
 * For the orchestrator. `live`: the process answers (restart it if not). `ready`: it can serve,
 * which needs PostgreSQL; Redis only carries background jobs, which wait in the outbox while it
 * is away, so without it the API is `degraded` but still ready. `/health` is `ready` under its
 * older name.
 */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisStatus,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['ready', ''])
  async ready(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([databaseAnswers(this.dataSource), this.redis.ping()]);
    const report = readiness({
      database: database ? { status: 'up' } : { status: 'down', message: 'PostgreSQL does not answer' },
      redis: redis ? { status: 'up' } : { status: 'degraded', message: 'unreachable; jobs wait in the outbox' },
    });
    if (report.status === 'error') throw new ServiceUnavailableException(report);
    return report;
  }
}
