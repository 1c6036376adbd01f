import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { LoggerModule } from 'nestjs-pino';

/**
 * Structured JSON logs (pino); pretty enough for a terminal, parseable by any collector.
 *
 * The request log is not nestjs-pino's middleware: that ran two Nest middlewares per request
 * through @fastify/middie and an AsyncLocalStorage, whose promise hook then ran on every promise
 * of every request — about a tenth of the CPU of a small query, whatever the log level. The API
 * writes one line per request from a Fastify hook instead (observability.ts), and the
 * application's own log lines go to the same logger without a request context.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
        // no route gets the middleware (see above); the logger it builds is still the application's
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule {}
