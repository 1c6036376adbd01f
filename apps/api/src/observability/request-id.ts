import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a request id may be: what proxies and tracers send, nothing that could forge a log line. */
const ACCEPTABLE = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The id of a request (Fastify's `request.id`, answered in `X-Request-Id` and written in the
 * request log): the caller's `X-Request-Id` when it is an acceptable one (a proxy or a client
 * tracing a call end to end), a new UUID otherwise.
 */
export function requestIdOf(raw: IncomingMessage | Http2ServerRequest): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
