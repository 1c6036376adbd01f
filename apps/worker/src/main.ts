import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppConfigModule, MetricsModule } from '@app/common';
import { AuthModule } from '@app/auth';
import { DatabaseModule } from '@app/database';
import { Logger } from 'nestjs-pino';
import { DOMAIN_MODULES } from '../../api/src/api.module';
import { LoggingModule } from '../../api/src/logging.module';
import { reportStartupFailure } from '../../api/src/observability/startup-failure';
import { armShutdownDeadline } from './shutdown-deadline';
import { WorkerHealthServer } from './worker-health.server';
import { WorkerModule } from './worker.module';

@Module({
  // the domains' services are the API's (an account change made by a job evicts cached callers too)
  imports: [AppConfigModule.forRoot(), MetricsModule, LoggingModule, DatabaseModule, AuthModule, WorkerModule, ...DOMAIN_MODULES],
  providers: [WorkerHealthServer],
})
class StandaloneWorkerModule {}

/** The worker alone, for production where API and workers scale apart. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(StandaloneWorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  armShutdownDeadline(app.get<AppConfig>(APP_CONFIG).shutdownTimeoutMs);
  app.get(Logger).log('worker started');
}

main().catch((error: unknown) => {
  reportStartupFailure(error, 'worker');
  process.exit(1);
});
