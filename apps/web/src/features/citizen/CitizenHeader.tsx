import { useLocation } from '../../router/useLocation.ts';
// The header's strings load with the public bundle.
import './citizen-nav.ts';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';
import { citizenHint, setCitizenHint, vneidLoginHref } from './vneid.ts';

/**
 * The citizen's corner of the header: "Đăng nhập bằng VNeID" (back to this page afterwards), or the
 * signed-in citizen's name and "Đăng xuất".
 */
export function CitizenHeader() {
  const { t } = useCitizenT();
  const { session, logout } = useCitizenSession();
  const { path, query } = useLocation();

  if (session.status === 'in') {
    return (
      <div className="header__citizen">
        <span className="header__citizen-name" data-testid="citizen-name">
          <span className="visually-hidden">{t('citizenNav.signedIn')} </span>
          {session.me.fullName}
        </span>
        <button type="button" className="header__logout" onClick={() => void logout()}>
          {t('citizenNav.logout')}
        </button>
      </div>
    );
  }
  // Asking the API who is signed in: show nothing rather than a sign-in link that turns into a name.
  if (session.status === 'unknown' && citizenHint()) return null;
  const search = query.toString();
  // After signing in from the staff sign-in page a citizen wants their own page, not that form.
  const back = path.startsWith('/dang-nhap') ? '/cong-dan' : `${path}${search ? `?${search}` : ''}`;
  return (
    // A full page load: the API redirects to VNeID and back.
    <a className="header__vneid" href={vneidLoginHref(back)} onClick={() => setCitizenHint(true)}>
      {t('citizenNav.login')}
    </a>
  );
}
