import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiGet, apiPost, toApiError } from '../../lib/api.ts';
import { citizenHint, setCitizenHint } from './vneid.ts';

/** GET /api/v1/me (modules/citizens/citizens.routes.ts): the ID number comes masked. */
export interface CitizenMe {
  fullName: string;
  idNumber: string;
  birthDate: string | null;
  identityLevel: 1 | 2;
}

export type CitizenSession = { status: 'unknown' } | { status: 'in'; me: CitizenMe } | { status: 'out' };

export interface CitizenSessionValue {
  session: CitizenSession;
  setSession: (s: CitizenSession) => void;
  logout: () => Promise<void>;
}

export const CitizenSessionContext = createContext<CitizenSessionValue | null>(null);

/**
 * Which citizen is signed in (VNeID), as last learned from the API. The session itself is the
 * httpOnly `motcua_citizen` cookie; this only remembers whether it is worth asking about it.
 */
export function CitizenSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<CitizenSession>({ status: 'unknown' });

  const setSession = useCallback((s: CitizenSession) => {
    if (s.status !== 'unknown') setCitizenHint(s.status === 'in');
    setSessionState(s);
  }, []);

  // Back from VNeID (or a new tab of a signed-in citizen): ask once, so the header shows the name.
  useEffect(() => {
    if (!citizenHint()) return;
    const ctl = new AbortController();
    apiGet<CitizenMe>('/api/v1/me', ctl.signal).then(
      (me) => setSession({ status: 'in', me }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        // 401: no session any more. Anything else (offline …): show the sign-in link for now, but keep
        // the hint so the next page load asks again.
        if (toApiError(e).status === 401) setSession({ status: 'out' });
        else setSessionState({ status: 'out' });
      },
    );
    return () => ctl.abort();
  }, [setSession]);

  const logout = useCallback(async () => {
    try {
      await apiPost<void>('/api/v1/me/logout');
    } catch {
      // The server clears the cookie when the call gets through; either way this browser is done.
    }
    setSession({ status: 'out' });
  }, [setSession]);

  const value = useMemo(() => ({ session, setSession, logout }), [session, setSession, logout]);
  return <CitizenSessionContext.Provider value={value}>{children}</CitizenSessionContext.Provider>;
}
