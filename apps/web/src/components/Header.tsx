import type { MouseEvent } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';
import { CitizenHeader } from '../features/citizen/CitizenHeader.tsx';
import { UnreadNotices } from '../features/notices/UnreadNotices.tsx';
import type { CitizenNavKey } from '../features/citizen/citizen-nav.ts';
import { useCitizenSession } from '../features/citizen/useCitizenSession.ts';
import { hasAnyRole, STAFF_PAGES } from '../features/staff/staff-roles.ts';
import { useSession } from '../features/staff/useSession.ts';
import type { Meta } from '../lib/useMeta.ts';
import { Link } from '../router/Link.tsx';
import { useLocation } from '../router/useLocation.ts';

interface NavItem {
  to: string;
  label: MessageKey | CitizenNavKey;
  /** Paths that belong to this section, for aria-current. */
  matches: (path: string) => boolean;
}

const NAV: NavItem[] = [
  { to: '/thu-tuc', label: 'nav.search', matches: (p) => p === '/' || p.startsWith('/thu-tuc') },
  { to: '/don-vi', label: 'nav.units', matches: (p) => p.startsWith('/don-vi') },
  { to: '/han-xu-ly', label: 'nav.due', matches: (p) => p.startsWith('/han-xu-ly') },
  { to: '/tra-cuu-ho-so', label: 'nav.track', matches: (p) => p.startsWith('/tra-cuu-ho-so') },
];

/** Paths under a staff page (the dossier pages sit under the queue). */
const under = (prefix: string) => (p: string) => p === prefix || p.startsWith(`${prefix}/`);

function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  e.preventDefault();
  main.focus();
}

/** Service name with the province from /api/v1/meta, the language switch and the main sections. */
export function Header({ meta }: { meta: Meta | null }) {
  const { lang, setLang, t } = useT();
  const { session } = useSession();
  const citizen = useCitizenSession().session;
  const { path } = useLocation();
  const other = lang === 'vi' ? 'en' : 'vi';
  // Staff pages appear once the session is known (a staff page asks the API); public pages never ask.
  const staffItems: NavItem[] =
    session.status === 'in'
      ? [
          ...STAFF_PAGES.filter((page) => hasAnyRole(session.staff, page.roles)).map((page) => ({
            to: page.to,
            label: page.nav,
            matches: under(page.to),
          })),
          { to: '/can-bo', label: 'nav.staff', matches: (p) => p === '/can-bo' || p === '/can-bo/' || p.startsWith('/dang-nhap') },
        ]
      : [{ to: '/dang-nhap', label: 'nav.login', matches: (p) => p.startsWith('/dang-nhap') || p.startsWith('/can-bo') || p.startsWith('/chi-so') }];
  // A signed-in citizen's own pages (VNeID); the sign-in link itself sits in the bar above.
  const citizenItems: NavItem[] =
    citizen.status === 'in' ? [{ to: '/cong-dan', label: 'citizenNav.mine', matches: under('/cong-dan') }] : [];

  return (
    <header className="header">
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('app.skip')}
      </a>
      <div className="header__bar width-container">
        <Link to="/" className="header__service">
          {t('app.name')}
          {meta && <span className="header__province"> — {meta.provinceName}</span>}
        </Link>
        <div className="header__actions">
          <CitizenHeader />
          <button type="button" className="header__lang" lang={other} onClick={() => setLang(other)}>
            {t('lang.switch')}
          </button>
        </div>
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        <ul className="nav__list width-container">
          {[...NAV, ...citizenItems, ...staffItems].map((item) => (
            <li key={item.to}>
              <Link to={item.to} className="nav__link" aria-current={item.matches(path) ? 'page' : undefined}>
                {/* citizen-nav.ts adds its keys to the dictionary at run time */}
                {t(item.label as MessageKey)}
                {item.to === '/can-bo' && <UnreadNotices />}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {meta?.demo && (
        <div className="phase-banner width-container">
          <strong className="tag tag--phase">{t('app.demoTag')}</strong> <span>{t('app.demo')}</span>
        </div>
      )}
    </header>
  );
}
