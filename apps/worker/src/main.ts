import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { AppConfigModule, ConfigError } from '@app/common';
import { DatabaseModule } from '@app/database';
import { Logger, LoggerModule } from 'nestjs-pino';
import { DOMAIN_MODULES } from '../../api/src/api.module';
import { WorkerModule } from './worker.module';

@Module({ imports: [AppConfigModule.forRoot(), LoggerModule.forRoot(), DatabaseModule, WorkerModule, ...DOMAIN_MODULES] })
class StandaloneWorkerModule {}

/** The worker alone, for production where API and workers scale apart. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(StandaloneWorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
