import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig, MetricsRegistry } from '@app/common';
import { PinoLogger } from 'nestjs-pino';
import { REQUEST_ID_HEADER } from './request-id';

/** What the hooks keep on a request between GraphQL execution and the response. */
export const GRAPHQL_OPERATION = Symbol('graphqlOperation');
export interface GraphQLOperationNote {
  name: string;
  type: string;
}

interface ObservedRequest {
  id?: string;
  ip?: string;
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

/** Orchestrators' probes every few seconds would drown the request log. */
const PROBE = /^\/health(\/|\?|$)/;

/**
 * Request ids, request metrics, the request log and `/metrics`. Every response carries its
 * `X-Request-Id`; each request but the probes gets one log line with its id, the GraphQL operation
 * and the user; Prometheus reads rates and latencies by route and by operation, errors by code
 * (counted where errors are formatted), and whatever the libs registered (queue depths, outbox lag,
 * the database pool). The hooks take callbacks, not promises: they run on every request.
 */
export function registerObservability(app: NestFastifyApplication, config: AppConfig, metrics: MetricsRegistry): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  fastify.addHook('onResponse', (fastifyRequest, reply, done) => {
    const request = fastifyRequest as unknown as ObservedRequest;
    const route = request.routeOptions?.url ?? 'unmatched';
    const status = reply.statusCode;
    const labels = { method: request.method ?? '', route, status: String(status) };
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
    const operation = request[GRAPHQL_OPERATION];
    if (operation) metrics.graphqlOperations.observe({ operation: operation.name, type: operation.type }, seconds);
    logRequest(request, status, reply.elapsedTime);
    done();
  });
  fastify.get('/metrics', async (request, reply) => {
    if (!mayScrape(request as unknown as ObservedRequest, config)) {
      return reply.code(403).header('content-type', 'text/plain; charset=utf-8').send('metrics: send METRICS_TOKEN as a bearer token\n');
    }
    return reply.header('content-type', metrics.contentType).send(await metrics.scrape());
  });
}

/**
 * The request's line in the log: its id, method, path, status, time, client address, GraphQL
 * operation and user, flat (pino's `req` and `res` serializers expect Node's own objects). Built
 * only when the level is on. The path without its query string: a GET query's variables may
 * name people.
 */
function logRequest(request: ObservedRequest, status: number, milliseconds: number): void {
  const url = request.url ?? '';
  if (PROBE.test(url)) return;
  const log = PinoLogger.root;
  const level = status >= 500 ? 'error' : 'info';
  if (!log?.isLevelEnabled(level)) return;
  const query = url.indexOf('?');
  const operation = request[GRAPHQL_OPERATION];
  log[level](
    {
      reqId: request.id,
      method: request.method,
      url: query < 0 ? url : url.slice(0, query),
      statusCode: status,
      responseTime: Math.round(milliseconds * 10) / 10,
      remoteAddress: request.ip,
      ...(operation ? { operation: operation.name } : {}),
      ...(request.user?.userId ? { userId: request.user.userId } : {}),
    },
    status >= 500 ? 'request errored' : 'request completed',
  );
}
