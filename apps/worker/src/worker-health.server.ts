import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { APP_CONFIG, AppConfig, MetricsRegistry } from '@app/common';
import { RedisStatus, WorkerHost } from '@app/jobs';
import { DataSource } from 'typeorm';
import { databaseAnswers, readiness } from '../../api/src/health/readiness';
import { mayScrape } from '../../api/src/observability/observability';

/**
 * `/health/live`: the process answers. `/health/ready` (and `/health`): PostgreSQL answers and
 * a BullMQ worker is taking jobs on every queue; Redis is reported (`degraded` while it is away:
 * the workers reconnect by themselves, restarting the process would not help).
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server?: Server;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workers: WorkerHost,
    private readonly redis: RedisStatus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      const path = request.url?.split('?', 1)[0];
      if (path === '/metrics') {
        void this.scrape(request).then(({ status, type, body }) => response.writeHead(status, { 'content-type': type }).end(body));
        return;
      }
      void this.answer(request.method, path).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.workerHealthPort, this.config.host, () => resolve());
    });
    this.logger.log(`worker health at http://${this.config.host}:${(server.address() as AddressInfo).port}/health/ready`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** The worker's metrics (job runs and durations, queue depths, outbox lag, its pool), as the API serves its own. */
  private async scrape(request: IncomingMessage): Promise<{ status: number; type: string; body: string }> {
    const asked = { headers: request.headers, raw: { socket: request.socket } } as Parameters<typeof mayScrape>[0];
    if (!mayScrape(asked, this.config)) return { status: 403, type: 'text/plain; charset=utf-8', body: 'metrics: send METRICS_TOKEN as a bearer token\n' };
    return { status: 200, type: this.metrics.contentType, body: await this.metrics.scrape() };
  }

  private async answer(method: string | undefined, path: string | undefined): Promise<{ status: number; body: unknown }> {
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, body: { message: 'GET only' } };
    if (path === '/health/live') return { status: 200, body: { status: 'ok' } };
    if (path !== '/health/ready' && path !== '/health') return { status: 404, body: { message: 'not found' } };
    const [database, redis] = await Promise.all([databaseAnswers(this.dataSource), this.redis.ping()]);
    const report = readiness({
      database: database ? { status: 'up' } : { status: 'down', message: 'PostgreSQL does not answer' },
      workers: this.workers.running ? { status: 'up' } : { status: 'down', message: 'no BullMQ worker is taking jobs' },
      redis: redis ? { status: 'up' } : { status: 'degraded', message: 'unreachable; the workers reconnect when it is back' },
    });
    return { status: report.status === 'error' ? 503 : 200, body: report };
  }
}
