import { useEffect, type ReactNode } from 'react';
import type { ApiError } from '../../lib/api.ts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSessionCheck } from '../../lib/useSessionCheck.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { currentHref } from '../../router/history.ts';
import type { CitizenMe } from './CitizenSessionProvider.tsx';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';
import { setCitizenHint, vneidLoginHref } from './vneid.ts';

/**
 * Renders a citizen page for the citizen signed in with VNeID. Always asks the API (the cookie may have
 * expired) but shows a known session at once; without one, offers the VNeID sign-in that comes back here.
 */
export function CitizenGate({ children }: { children: (me: CitizenMe) => ReactNode }) {
  const { t } = useCitizenT();
  const { session, setSession } = useCitizenSession();
  const { error, retry } = useSessionCheck<CitizenMe>(
    '/api/v1/me',
    (me) => setSession({ status: 'in', me }),
    () => setSession({ status: 'out' }),
  );

  if (session.status === 'in') return <>{children(session.me)}</>;
  if (session.status === 'out') return <CitizenLogin />;
  if (error) {
    return <ApiErrorNotice title={t('citizen.sessionErrorTitle')} error={error} onRetry={retry} />;
  }
  return <Loading />;
}

/** "Sign in to continue": one clear button to VNeID, which brings the citizen back to this page. */
export function CitizenLogin() {
  const { t } = useCitizenT();
  usePageTitle(t('citizen.loginTitle'));
  return (
    <div className="narrow">
      <h1 className="heading-l">{t('citizen.loginTitle')}</h1>
      <p className="lead">{t('citizen.loginLead')}</p>
      <a className="button button--start" href={vneidLoginHref(currentHref())} onClick={() => setCitizenHint(true)}>
        {t('citizenNav.login')}
      </a>
      <p className="secondary">{t('citizen.loginHelp')}</p>
    </div>
  );
}

/**
 * A failed request on a citizen page: an expired session (401) turns the page into the sign-in
 * prompt; anything else is said plainly with a retry.
 */
export function CitizenApiError({ title, error, onRetry }: { title: string; error: ApiError; onRetry?: () => void }) {
  const { setSession } = useCitizenSession();
  const expired = error.status === 401;
  useEffect(() => {
    if (expired) setSession({ status: 'out' });
  }, [expired, setSession]);
  if (expired) return null;
  return <ApiErrorNotice title={title} error={error} onRetry={onRetry} />;
}
