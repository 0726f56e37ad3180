import { useEffect, useRef, useState } from 'react';
import { apiGet, isAbort, toApiError, type ApiError } from './api.ts';

/**
 * Asks `path` ("who am I") on every mount, since the cookie may have expired since the session was
 * last seen: `onIn` with the answer, `onOut` on 401, and any other failure as `error` with a retry.
 * Staff pages and citizen pages share it.
 */
export function useSessionCheck<T>(
  path: string,
  onIn: (who: T) => void,
  onOut: () => void,
): { error: ApiError | null; retry: () => void } {
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The latest callbacks, so callers need not memoise them and a re-render never re-asks.
  const handlers = useRef({ onIn, onOut });
  handlers.current = { onIn, onOut };

  useEffect(() => {
    const ctl = new AbortController();
    apiGet<T>(path, ctl.signal).then(
      (who) => handlers.current.onIn(who),
      (e: unknown) => {
        if (isAbort(e) || ctl.signal.aborted) return;
        const err = toApiError(e);
        if (err.status === 401) handlers.current.onOut();
        else setError(err);
      },
    );
    return () => ctl.abort();
  }, [path, attempt]);

  return {
    error,
    retry: () => {
      setError(null);
      setAttempt((n) => n + 1);
    },
  };
}
