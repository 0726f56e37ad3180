import type { ReactNode } from 'react';
import type { Role, StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { hasAnyRole } from './staff-roles.ts';
import { useStaff } from './useStaff.ts';

interface Props {
  /** Roles any of which opens the page; all staff when omitted. */
  roles?: readonly Role[];
  children: (staff: StaffView) => ReactNode;
}

/** Renders a staff page for a signed-in officer whose role allows it; says plainly when it does not. */
export function StaffGate({ roles, children }: Props) {
  const { t } = useT();
  const state = useStaff();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ApiErrorNotice title={t('staff.errorTitle')} error={state.error} onRetry={state.retry} />;
  if (roles !== undefined && !hasAnyRole(state.staff, roles)) return <Denied />;
  return <>{children(state.staff)}</>;
}

function Denied() {
  const { t } = useT();
  usePageTitle(t('staff.deniedTitle'));
  return (
    <>
      <h1 className="heading-l">{t('staff.deniedTitle')}</h1>
      <p>{t('staff.deniedBody')}</p>
      <p>
        <Link to="/can-bo">{t('staff.backHome')}</Link>
      </p>
    </>
  );
}
