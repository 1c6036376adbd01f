import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../generated/graphql';
import { ApiError } from './api-error';
import { request } from './request';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', 'INTERNAL', 'Une erreur inattendue est survenue : rechargez la page.');
}

/** Reads an operation when the page opens and whenever its variables change; `reload` after a command. */
export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, skip = false): QueryState<TResult> {
  const [state, setState] = useState<{ data: TResult | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !skip });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    request(document, JSON.parse(key) as TVariables).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: asApiError(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [document, key, round, skip]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

export interface MutationState<TResult, TVariables> {
  run: (variables: TVariables) => Promise<TResult | null>;
  running: boolean;
  error: ApiError | null;
  reset: () => void;
}

/** A command: `run` answers its data, or null with `error` set (shown by <ErrorNotice>). */
export function useMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>): MutationState<TResult, TVariables> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (variables: TVariables) => {
      setRunning(true);
      setError(null);
      try {
        return await request(document, variables);
      } catch (caught) {
        if (mounted.current) setError(asApiError(caught));
        return null;
      } finally {
        if (mounted.current) setRunning(false);
      }
    },
    [document],
  );
  return { run, running, error, reset: useCallback(() => setError(null), []) };
}
