import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { LoggerModule } from 'nestjs-pino';

/** Structured JSON logs (pino); pretty enough for a terminal, parseable by any collector. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          // the orchestrator's probes every few seconds would drown the log
          autoLogging: { ignore: (req: { url?: string }) => /^\/health(\/|$)/.test(req.url ?? '') },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
