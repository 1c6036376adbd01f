import { AppConfig, ErrorCode, MetricsRegistry, toClientError } from '@app/common';
import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';

/** Client errors keep their code, reason and message; anything else says nothing about our internals. */
export function formatGraphQLError(error: GraphQLError): GraphQLFormattedError {
  const client = toClientError(error);
  const extensions: Record<string, unknown> = { code: client.code, reason: client.reason };
  const details = client.details ?? (error.extensions?.details as Record<string, unknown> | undefined);
  if (details) extensions.details = details;
  return {
    message: client.code === ErrorCode.INTERNAL_SERVER_ERROR ? 'Internal error' : client.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  };
}

/** graphql-js ends some messages with a guess at what was meant, which tells a stranger the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?\s*$/;

/** graphql-js stops parsing past `maxTokens` with a syntax error; for the client it is a size limit. */
function tooManyTokens(error: GraphQLError): GraphQLError {
  const match = /^Syntax Error: Document contains more that (\d+) tokens/.exec(error.message);
  if (!match) return error;
  return new GraphQLError(`The query has more than ${match[1]} tokens; split it into smaller requests`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, details: { limit: Number(match[1]) } },
  });
}

/** A request-level refusal of Mercurius (GET for a mutation, a malformed request): its 4xx status. */
function requestStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Mercurius' error formatter: GraphQL errors answer HTTP 200 with `errors`, never a stack. A
 * request Mercurius refuses before execution (a mutation sent by GET) keeps its 4xx status and
 * is the client's error, BAD_USER_INPUT, not a server error. Without introspection, messages
 * lose graphql-js' "Did you mean …?" suggestions too.
 */
export function mercuriusErrorFormatter(config: Pick<AppConfig, 'graphqlIntrospection'>, metrics?: MetricsRegistry) {
  return (execution: ExecutionResult & { errors?: readonly GraphQLError[] }): { statusCode: number; response: FormattedExecutionResult } => {
    let statusCode = 200;
    // Mercurius wraps validation failures in one error whose originalError lists them.
    const flat = (execution.errors ?? []).flatMap((e) => {
      const wrapper = (e.originalError ?? e) as { errors?: unknown[] };
      const status = requestStatus(wrapper);
      if (status === 405) statusCode = 405;
      const inner = Array.isArray(wrapper.errors) ? wrapper.errors : [e];
      return inner.map((i) => {
        if (i instanceof GraphQLError) return i;
        const error = i as Error;
        // refused for the request's sake: the client's error, whatever the inner error is
        if (status) return new GraphQLError(String(error.message), { extensions: { code: ErrorCode.BAD_USER_INPUT } });
        return new GraphQLError(String(error.message), { originalError: error });
      });
    });
    const errors = flat.map(tooManyTokens).map((e) => {
      const formatted = formatGraphQLError(e);
      metrics?.graphqlErrors.inc({ code: String(formatted.extensions?.code) });
      return config.graphqlIntrospection ? formatted : { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
    });
    return { statusCode, response: { data: execution.data ?? null, errors } };
  };
}
