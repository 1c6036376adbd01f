import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a request id may be: what proxies and tracers send, nothing that could forge a log line. */
const ACCEPTABLE = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The id of a request: the caller's `X-Request-Id` when it is an acceptable one (a proxy or a
 * client tracing a call end to end), a new UUID otherwise. It is written back on the raw request
 * so that the request log (pino-http reads the raw request) and Fastify agree on it.
 */
export function requestIdOf(raw: IncomingMessage | Http2ServerRequest): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  raw.headers[REQUEST_ID_HEADER] = id;
  return id;
}
