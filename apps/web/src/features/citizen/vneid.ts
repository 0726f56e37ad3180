/**
 * The VNeID login is the API's (modules/vneid): the browser goes to /api/v1/auth/vneid/login, then to
 * VNeID, and comes back to `returnTo` with the citizen cookie set. These are full page loads, not
 * in-app navigation.
 */
import { withQuery } from '../../router/history.ts';

const HINT_KEY = 'motcua.citizen';

/** The login start URL that brings the citizen back to `returnTo` (a path of this site). */
export function vneidLoginHref(returnTo: string): string {
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/cong-dan';
  return withQuery('/api/v1/auth/vneid/login', { returnTo: safe });
}

/**
 * Whether this browser may hold a citizen session, so the header asks the API who is signed in.
 * Without it public pages make no request for the session (as for staff): a visitor who never
 * signed in costs nothing. Storage may be blocked; then only citizen pages ask.
 */
export function citizenHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

export function setCitizenHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Without storage the header learns of the session on the next citizen page.
  }
}
