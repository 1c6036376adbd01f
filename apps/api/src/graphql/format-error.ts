import { ErrorCode, toClientError } from '@app/common';
import { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';

/** Client errors keep their code and message; anything else says nothing about our internals. */
export function formatGraphQLError(error: GraphQLError): GraphQLFormattedError {
  const client = toClientError(error);
  const extensions: Record<string, unknown> = { code: client.code };
  const details = client.details ?? (error.extensions?.details as Record<string, unknown> | undefined);
  if (details) extensions.details = details;
  return {
    message: client.code === ErrorCode.INTERNAL_SERVER_ERROR ? 'Internal error' : client.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  };
}

/** Mercurius' error formatter: GraphQL errors answer HTTP 200 with `errors`, never a stack. */
export function mercuriusErrorFormatter(execution: ExecutionResult & { errors?: readonly GraphQLError[] }): {
  statusCode: number;
  response: FormattedExecutionResult;
} {
  // Mercurius wraps validation failures in one error whose originalError lists them.
  const flat = (execution.errors ?? []).flatMap((e) => {
    const inner = (e.originalError as { errors?: unknown[] } | undefined)?.errors;
    return Array.isArray(inner) ? inner : [e];
  });
  const errors = flat.map((e) =>
    formatGraphQLError(e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message), { originalError: e as Error })),
  );
  return { statusCode: 200, response: { data: execution.data ?? null, errors } };
}
