import { Role } from '@app/common';
import { DocumentNode, GraphQLError, GraphQLSchema, NoSchemaIntrospectionCustomRule, validate } from 'graphql';

/** The one check of a bearer token (the global guard's): rejects when the token is not a live session. */
export interface TokenAuthenticator {
  authenticate(authorization: string): Promise<{ role: string }>;
}

interface HookContext {
  /** the HTTP request, or what a WebSocket connection's `connection_init` brought */
  req?: { headers?: { authorization?: unknown } };
}

/**
 * Introspection where it is off (production, unless GRAPHQL_INTROSPECTION): refused to strangers and
 * to every role but an authenticated ADMIN, for whom the console's explorer reads the schema. A
 * validation rule cannot tell who asks: Mercurius validates a query text once and serves the verdict
 * from its cache to every later caller. So this is a preExecution hook, which runs for each request
 * (HTTP, or a query sent over the WebSocket), and the refusal is graphql-js' own rule's error, the
 * same BAD_USER_INPUT a stranger got before. Which documents introspect is remembered per document
 * (Mercurius hands back the same cached object), so an ordinary query costs one map look-up.
 */
export function introspectionAccessHook(guard: TokenAuthenticator) {
  const refusals = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  // the context is Mercurius' (typed without the `req` our context function adds)
  return async (schema: GraphQLSchema, document: DocumentNode, context: object): Promise<void> => {
    let refused = refusals.get(document);
    if (!refused) {
      refused = validate(schema, document, [NoSchemaIntrospectionCustomRule]);
      refusals.set(document, refused);
    }
    if (refused.length === 0) return;
    const authorization = (context as HookContext).req?.headers?.authorization;
    if (typeof authorization === 'string' && authorization.length > 0) {
      // an expired or revoked token is refused like no token: the schema stays closed
      const caller = await guard.authenticate(authorization).catch(() => null);
      if (caller?.role === Role.ADMIN) return;
    }
    throw refused[0];
  };
}
