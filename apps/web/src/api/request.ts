import type { TypedDocumentString } from '../generated/graphql';
import { ApiError } from './api-error';
import { currentSession, endSession } from './session';

export const GRAPHQL_URL = '/graphql';

/**
 * Sends one typed operation to the API and returns its typed data. A refusal throws an ApiError
 * in French; a token the API no longer accepts ends the session, which brings the login back.
 */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const session = currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }) });
  } catch {
    throw ApiError.network();
  }
  let body: { data?: TResult | null; errors?: Array<{ message?: string; extensions?: { code?: string; reason?: string; details?: Record<string, unknown> } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw ApiError.network();
  }
  const first = body.errors?.[0];
  if (first) {
    const error = ApiError.from(first);
    if (error.code === 'UNAUTHENTICATED' && session) endSession(error.message);
    throw error;
  }
  if (!body.data) throw ApiError.network();
  return body.data;
}
