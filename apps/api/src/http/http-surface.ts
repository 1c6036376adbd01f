import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, ErrorCode, ErrorReason } from '@app/common';

export const GRAPHQL_PATH = '/graphql';

/** The parts of Fastify's request and reply used here (Nest's adapter brings its own Fastify types). */
interface Request {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
}
interface Reply {
  code(status: number): Reply;
  header(name: string, value: string): Reply;
  send(payload: unknown): Reply;
}

function refuse(reply: Reply, status: number, message: string): Reply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ data: null, errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_INPUT } }] });
}

function isJson(request: Request): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^application\/json\s*(;|$)/i.test(type);
}

/**
 * What HTTP requests may reach GraphQL at all, checked before Mercurius sees them:
 * - POST only as `application/json`. The types a browser may send cross-site without asking
 *   (form-encoded, multipart, text/plain) never execute anything, and neither does
 *   `application/graphql`, which nothing of ours sends.
 * - `query` only as GraphQL source text. Mercurius would otherwise take an object (or a string
 *   that fails to parse but is valid JSON) as a ready-made syntax tree, skipping the parser that
 *   guarantees every name is a GraphQL name; the JIT pastes names into generated JavaScript.
 *   The GraphQL layer checks this again (`sourceTextOnlyHook`), so neither check stands alone.
 * - `variables` an object, `operationName` a string, when given.
 */
export async function registerHttpSurface(app: NestFastifyApplication, _config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const isGraphQL = (request: Request) => request.url.split('?', 1)[0] === GRAPHQL_PATH;
  // before the body is read: a refused type is never parsed
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method === 'POST' && isGraphQL(request) && !isJson(request)) {
      return refuse(reply, 415, 'Send GraphQL requests as POST with content-type application/json');
    }
  });
  fastify.addHook('preValidation', async (request, reply) => {
    if (!isGraphQL(request)) return;
    // a WebSocket upgrade for subscriptions: its operations come as messages, which Mercurius parses itself
    if (request.method === 'GET' && String(request.headers.upgrade ?? '').toLowerCase() === 'websocket') return;
    let params: { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (request.method === 'POST') {
      if (Array.isArray(request.body)) return refuse(reply, 400, 'Batched requests are not accepted: send one operation per request');
      params = (request.body ?? {}) as typeof params;
    } else if (request.method === 'GET') {
      params = (request.query ?? {}) as typeof params;
      if (typeof params?.variables === 'string') {
        // Mercurius parses GET variables itself; only their shape is checked here
        try {
          params = { ...params, variables: JSON.parse(params.variables) as unknown };
        } catch {
          return refuse(reply, 400, '`variables` must be a JSON object');
        }
      }
    } else {
      return;
    }
    if (typeof params !== 'object' || params === null) return refuse(reply, 400, 'The request must be a JSON object with a `query`');
    if (typeof params.query !== 'string') return refuse(reply, 400, '`query` must be GraphQL source text (a string)');
    const { variables, operationName } = params;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return refuse(reply, 400, '`variables` must be a JSON object');
    }
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
      return refuse(reply, 400, '`operationName` must be a string');
    }
  });
}
