import cors from '@fastify/cors';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/common';

/**
 * Cross-origin calls, for a console hosted elsewhere than the API (CORS_ORIGINS). None by
 * default: the console the API serves is same-origin and needs no header. Only the origins named
 * are answered, for GraphQL's own methods and headers; tokens travel in `Authorization`, never in
 * cookies, so no credentials mode is offered.
 */
export async function registerCors(app: NestFastifyApplication, config: Pick<AppConfig, 'corsOrigins'>): Promise<void> {
  if (!config.corsOrigins.length) return;
  await app.register(cors as never, {
    origin: config.corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
  });
}
