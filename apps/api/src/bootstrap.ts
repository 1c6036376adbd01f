import { ArgumentsHost, Catch, HttpServer, ValidationPipe } from '@nestjs/common';
import { BaseExceptionFilter, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_CONFIG, AppConfig, BadInputError, cacheValidationMetadata, loadAppConfig, MetricsRegistry, reasonOfFields, refusedFields } from '@app/common';
import { Logger } from 'nestjs-pino';
import { ApiModule, ApiModuleOptions } from './api.module';
import { GraphQLErrorFilter } from './graphql/graphql-error.filter';
import { registerCors } from './http/cors';
import { registerHttpSurface } from './http/http-surface';
import { registerRateLimit } from './http/rate-limit';
import { registerWebConsole } from './http/web-console';
import { registerObservability } from './observability/observability';
import { registerQueueBoard } from './observability/queue-board';
import { requestIdOf } from './observability/request-id';

/** GraphQL errors through the GraphQL filter; plain HTTP routes (health) keep Nest's own. */
@Catch()
class ApiExceptionFilter extends BaseExceptionFilter {
  private readonly graphql = new GraphQLErrorFilter();

  constructor(adapter: HttpServer) {
    super(adapter);
  }

  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return this.graphql.catch(exception, host);
    return super.catch(exception, host);
  }
}

/** Builds the API exactly as it runs in production; the tests use this too. */
export async function createApiApplication(options: ApiModuleOptions = {}): Promise<NestFastifyApplication> {
  const trustProxy = options.config?.trustProxy ?? loadAppConfig().trustProxy;
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.register(options),
    // skipMiddie: no Nest middleware is used (the request log is a Fastify hook), so no request pays for @fastify/middie
    new FastifyAdapter({
      bodyLimit: 10 * 1024 * 1024,
      // a hop count (TRUST_PROXY=1) is honoured by Fastify (lib/request.js), though its types list no number
      trustProxy: trustProxy as boolean | string[],
      genReqId: requestIdOf,
      skipMiddie: true,
    }),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  registerObservability(app, config, app.get(MetricsRegistry));
  await registerCors(app, config);
  await registerHttpSurface(app, config);
  await registerRateLimit(app, config);
  await registerQueueBoard(app, config);
  // last: its catch-all GET route serves the console for every path no other route claims
  await registerWebConsole(app);
  // every input is validated per request: its rules are looked up once per class, not per object
  cacheValidationMetadata();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // the fields and the rules they broke, so that a form points at the field to correct
      exceptionFactory: (errors) => {
        const fields = refusedFields(errors);
        return new BadInputError(
          errors
            .flatMap(function messages(e): string[] {
              return [...Object.values(e.constraints ?? {}), ...(e.children ?? []).flatMap(messages)];
            })
            .join('; ') || 'Invalid input',
          fields.length === 1 ? { field: fields[0]!.path, fields } : { fields },
          reasonOfFields(fields),
        );
      },
    }),
  );
  app.useGlobalFilters(new ApiExceptionFilter(app.getHttpAdapter()));
  app.enableShutdownHooks();
  return app;
}
