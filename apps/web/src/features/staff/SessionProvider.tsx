import { createContext, useMemo, useState, type ReactNode } from 'react';
import type { StaffView } from '@motcua/contracts';

/** 'unknown' until a staff page asks the API: public pages never spend a request on it. */
export type Session = { status: 'unknown' } | { status: 'in'; staff: StaffView } | { status: 'out' };

export interface SessionContextValue {
  session: Session;
  setSession: (s: Session) => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Who is signed in, as last learned from the API. The session itself is the httpOnly cookie; the
 * token in the login answer is for API clients and is deliberately not kept by the browser app.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'unknown' });
  const value = useMemo(() => ({ session, setSession }), [session]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
