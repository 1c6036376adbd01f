import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { REQUEST_ID_HEADER } from './observability/request-id';

/** Structured JSON logs (pino); pretty enough for a terminal, parseable by any collector. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          // Fastify chose the id (the caller's X-Request-Id or a new one) and wrote it on the raw request
          genReqId: (req: IncomingMessage) => String(req.headers[REQUEST_ID_HEADER] ?? ''),
          // noted on the raw request while the response was sent (observability.ts)
          customProps: (req: IncomingMessage & { graphqlOperation?: string; userId?: string }) => ({
            ...(req.graphqlOperation ? { operation: req.graphqlOperation } : {}),
            ...(req.userId ? { userId: req.userId } : {}),
          }),
          // the orchestrator's probes every few seconds would drown the log
          autoLogging: { ignore: (req: { url?: string }) => /^\/health(\/|$)/.test(req.url ?? '') },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
