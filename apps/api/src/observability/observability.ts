import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig, MetricsRegistry } from '@app/common';
import { REQUEST_ID_HEADER } from './request-id';

/** What the hooks keep on a request between GraphQL execution and the response. */
export const GRAPHQL_OPERATION = Symbol('graphqlOperation');
export interface GraphQLOperationNote {
  name: string;
  type: string;
}

interface ObservedRequest {
  id?: string;
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
  raw: { socket?: { remoteAddress?: string }; [key: string]: unknown };
  user?: { userId?: string };
  [GRAPHQL_OPERATION]?: GraphQLOperationNote;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may scrape: Prometheus with METRICS_TOKEN as a bearer token; without a token configured,
 * only a caller on this machine, judged by the socket and never by X-Forwarded-For (a proxy in
 * front would otherwise make every visitor local).
 */
export function mayScrape(request: ObservedRequest, config: Pick<AppConfig, 'metricsToken'>): boolean {
  if (config.metricsToken) {
    const authorization = request.headers.authorization;
    return typeof authorization === 'string' && authorization.startsWith('Bearer ') && sameSecret(authorization.slice(7), config.metricsToken);
  }
  return LOOPBACK.has(request.raw.socket?.remoteAddress ?? '');
}

/**
 * Request ids, request metrics and `/metrics`. Every response carries its `X-Request-Id`; the
 * request log line gets the GraphQL operation and the user; Prometheus reads rates and latencies
 * by route and by operation, errors by code (counted where errors are formatted), and whatever
 * the libs registered (queue depths, outbox lag, the database pool).
 */
export function registerObservability(app: NestFastifyApplication, config: AppConfig, metrics: MetricsRegistry): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (fastifyRequest, reply) => {
    const request = fastifyRequest as unknown as ObservedRequest;
    if (request.id) reply.header(REQUEST_ID_HEADER, request.id);
    // read by the request log (pino-http logs from the raw request once the response is out)
    const operation = request[GRAPHQL_OPERATION];
    if (operation) request.raw.graphqlOperation = operation.name;
    if (request.user?.userId) request.raw.userId = request.user.userId;
  });
  fastify.addHook('onResponse', async (fastifyRequest, reply) => {
    const request = fastifyRequest as unknown as ObservedRequest;
    const route = request.routeOptions?.url ?? 'unmatched';
    const labels = { method: request.method ?? '', route, status: String(reply.statusCode) };
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
    const operation = request[GRAPHQL_OPERATION];
    if (operation) metrics.graphqlOperations.observe({ operation: operation.name, type: operation.type }, seconds);
  });
  fastify.get('/metrics', async (request, reply) => {
    if (!mayScrape(request as unknown as ObservedRequest, config)) {
      return reply.code(403).header('content-type', 'text/plain; charset=utf-8').send('metrics: send METRICS_TOKEN as a bearer token\n');
    }
    return reply.header('content-type', metrics.contentType).send(await metrics.scrape());
  });
}
