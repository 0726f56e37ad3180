import { useEffect } from 'react';
import type { StaffView } from '@motcua/contracts';
import type { ApiError } from '../../lib/api.ts';
import { useSessionCheck } from '../../lib/useSessionCheck.ts';
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
  const { error, retry } = useSessionCheck<StaffView>(
    '/api/v1/auth/me',
    (staff) => setSession({ status: 'in', staff }),
    () => setSession({ status: 'out' }),
  );

  useEffect(() => {
    if (session.status === 'out') navigate(loginHref(currentHref()), { replace: true });
  }, [session.status]);

  if (session.status === 'in') return { status: 'in', staff: session.staff };
  if (error) {
    return { status: 'error', error, retry };
  }
  return { status: 'loading' };
}
