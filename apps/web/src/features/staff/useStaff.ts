import { useEffect, useState } from 'react';
import type { StaffView } from '@motcua/contracts';
import { apiGet, isAbort, toApiError, type ApiError } from '../../lib/api.ts';
import { currentHref, navigate, withQuery } from '../../router/history.ts';
import { useSession } from './useSession.ts';

export type StaffState =
  { status: 'loading' } | { status: 'in'; staff: StaffView } | { status: 'error'; error: ApiError; retry: () => void };

/** `/dang-nhap?tiep=…`: the sign-in form sends the officer back to the page they asked for. */
export function loginHref(next: string): string {
  return withQuery('/dang-nhap', { tiep: next });
}

/**
 * The signed-in staff member for a staff page. Always asks the API (the cookie may have expired since
 * the session was last seen) but shows a known session at once; without one, goes to the sign-in form.
 */
export function useStaff(): StaffState {
  const { session, setSession } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    apiGet<StaffView>('/api/v1/auth/me', ctl.signal).then(
      (staff) => setSession({ status: 'in', staff }),
      (e: unknown) => {
        if (isAbort(e) || ctl.signal.aborted) return;
        const err = toApiError(e);
        if (err.status === 401) setSession({ status: 'out' });
        else setError(err);
      },
    );
    return () => ctl.abort();
  }, [setSession, attempt]);

  useEffect(() => {
    if (session.status === 'out') navigate(loginHref(currentHref()), { replace: true });
  }, [session.status]);

  if (session.status === 'in') return { status: 'in', staff: session.staff };
  if (error) {
    return {
      status: 'error',
      error,
      retry: () => {
        setError(null);
        setAttempt((n) => n + 1);
      },
    };
  }
  return { status: 'loading' };
}
