import type { StaffView } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { apiPost } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { NoticesPanel } from '../notices/NoticesPanel.tsx';
import { hasAnyRole, STAFF_PAGES } from './staff-roles.ts';
import { StaffGate } from './StaffGate.tsx';
import { useSession } from './useSession.ts';

/** The signed-in officer's page. Without a valid session it sends the reader to the sign-in form. */
export function StaffHomePage() {
  return <StaffGate>{(staff) => <StaffHome staff={staff} />}</StaffGate>;
}

function StaffHome({ staff }: { staff: StaffView }) {
  const { t } = useT();
  const { setSession } = useSession();
  usePageTitle(t('staff.title'));

  async function logout() {
    try {
      await apiPost<void>('/api/v1/auth/logout');
    } catch {
      // The cookie is cleared server-side when the call gets through; either way this browser is done.
    }
    setSession({ status: 'out' });
  }

  const pages = STAFF_PAGES.filter((p) => hasAnyRole(staff, p.roles));
  return (
    <>
      <span className="caption">{t('staff.title')}</span>
      <h1 className="heading-l">{t('staff.hello', { name: staff.fullName })}</h1>
      <NoticesPanel staff={staff} />
      {pages.length > 0 && (
        <ul className="card-links">
          {pages.map((p) => (
            <li key={p.to} className="card-links__item">
              <h2 className="card-links__title">
                <Link to={p.to}>{t(p.title)}</Link>
              </h2>
              <p className="card-links__body">{t(p.body)}</p>
            </li>
          ))}
        </ul>
      )}
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
