import { useCallback, useEffect, useState } from 'react';
import { apiGet, toApiError, type ApiError } from './api.ts';

export type ApiState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiError };

interface Settled<T> {
  path: string;
  attempt: number;
  state: ApiState<T>;
}

/**
 * GETs `path` (null: nothing to load) and re-fetches when it changes. An answer is only shown for the
 * path it belongs to, so a slow earlier response can never overwrite a newer one.
 */
export function useApi<T>(path: string | null): ApiState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!path) return;
    const ctl = new AbortController();
    apiGet<T>(path, ctl.signal).then(
      (data) => setSettled({ path, attempt, state: { status: 'ok', data } }),
      (e: unknown) => {
        if (!ctl.signal.aborted) setSettled({ path, attempt, state: { status: 'error', error: toApiError(e) } });
      },
    );
    return () => ctl.abort();
  }, [path, attempt]);

  if (!path) return { status: 'idle', retry };
  if (!settled || settled.path !== path || settled.attempt !== attempt) return { status: 'loading', retry };
  return { ...settled.state, retry };
}
