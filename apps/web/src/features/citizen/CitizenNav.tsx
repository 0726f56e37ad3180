import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';
import type { CitizenKeyAny } from './useCitizenT.ts';
import { useCitizenT } from './useCitizenT.ts';

const PAGES: { to: string; label: CitizenKeyAny; matches: (p: string) => boolean }[] = [
  {
    to: '/cong-dan',
    label: 'citizen.nav.dossiers',
    matches: (p) => p === '/cong-dan' || p === '/cong-dan/' || p.startsWith('/cong-dan/ho-so'),
  },
  { to: '/cong-dan/giay-to', label: 'citizen.nav.documents', matches: (p) => p.startsWith('/cong-dan/giay-to') },
  { to: '/cong-dan/thanh-toan', label: 'citizen.nav.payments', matches: (p) => p.startsWith('/cong-dan/thanh-toan') },
  { to: '/cong-dan/truy-cap', label: 'citizen.nav.access', matches: (p) => p.startsWith('/cong-dan/truy-cap') },
  { to: '/cong-dan/thong-bao', label: 'citizen.nav.notifications', matches: (p) => p.startsWith('/cong-dan/thong-bao') },
];

/** The citizen's own pages, side by side on a wide screen and wrapping on a phone. */
export function CitizenNav() {
  const { t } = useCitizenT();
  const { path } = useLocation();
  return (
    <nav aria-label={t('citizen.nav.label')} className="citizen-nav">
      <ul className="sub-nav__list">
        {PAGES.map((p) => (
          <li key={p.to}>
            <Link to={p.to} className="sub-nav__link" aria-current={p.matches(path) ? 'page' : undefined}>
              {t(p.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
