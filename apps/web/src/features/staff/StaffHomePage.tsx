import { useEffect, useState } from 'react';
import type { StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { apiGet, apiPost, isAbort, toApiError, type ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { navigate } from '../../router/history.ts';
import { useSession } from './useSession.ts';

/** The signed-in officer's page. Without a valid session it sends the reader to the sign-in form. */
export function StaffHomePage() {
  const { t } = useT();
  const { session, setSession } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t('staff.title'));

  // Always ask the API: the cookie may have expired since the session was last seen.
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
    if (session.status === 'out') navigate('/dang-nhap', { replace: true });
  }, [session.status]);

  async function logout() {
    try {
      await apiPost<void>('/api/v1/auth/logout');
    } catch {
      // The cookie is cleared server-side when the call gets through; either way this browser is done.
    }
    setSession({ status: 'out' });
  }

  if (session.status !== 'in') {
    return error ? (
      <ApiErrorNotice
        title={t('staff.errorTitle')}
        error={error}
        onRetry={() => {
          setError(null);
          setAttempt((n) => n + 1);
        }}
      />
    ) : (
      <Loading />
    );
  }

  const { staff } = session;
  return (
    <>
      <span className="caption">{t('staff.title')}</span>
      <h1 className="heading-l">{t('staff.hello', { name: staff.fullName })}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('staff.unit')}</dt>
          <dd className="summary-list__value">{staff.unitName}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('staff.roles')}</dt>
          <dd className="summary-list__value">
            <ul className="plain-list">
              {staff.roles.map((r) => (
                <li key={r}>{t(`role.${r}`)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t('staff.username')}</dt>
          <dd className="summary-list__value">{staff.username}</dd>
        </div>
      </dl>
      <button type="button" className="button button--secondary" onClick={logout}>
        {t('staff.logout')}
      </button>
    </>
  );
}
