import type { CampaignView } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { Link } from '../../router/Link.tsx';
// The tab labels come with the nav, whichever campaign page renders it first.
import '../../i18n/messages-campaigns.ts';
import './campaigns.css';

export type CampaignTab = 'overview' | 'setup' | 'reports' | 'approve' | 'field';

interface Props {
  code: string;
  current: CampaignTab;
  /** The campaign's `can` (GET /api/v1/campaigns/:code): tabs the reader may not use are not offered. */
  can: CampaignView['can'];
}

const TABS: { tab: CampaignTab; path: string; label: MessageKey; show: (can: CampaignView['can']) => boolean }[] = [
  { tab: 'overview', path: '', label: 'camp.nav.overview', show: () => true },
  { tab: 'setup', path: '/cau-hinh', label: 'camp.nav.setup', show: () => true },
  { tab: 'reports', path: '/bao-cao', label: 'camp.nav.reports', show: (can) => can.report || can.approve },
  { tab: 'approve', path: '/duyet', label: 'camp.nav.approve', show: (can) => can.approve },
  { tab: 'field', path: '/thuc-dia', label: 'camp.nav.field', show: () => true },
];

/** Tabs of one campaign's pages (overview, set-up, partner reports, approval, field work). */
export function CampaignNav({ code, current, can }: Props) {
  const { t } = useT();
  const base = `/can-bo/chien-dich/${encodeURIComponent(code)}`;
  return (
    <nav className="campaign-nav" aria-label={t('camp.nav.label')}>
      <p className="campaign-nav__back">
        <Link to="/can-bo/chien-dich" className="back-link">
          {t('camp.nav.all')}
        </Link>
      </p>
      <ul className="campaign-nav__list">
        {TABS.filter((x) => x.show(can)).map((x) => (
          <li key={x.tab} className="campaign-nav__item">
            <Link
              to={`${base}${x.path}`}
              className={x.tab === current ? 'campaign-nav__link campaign-nav__link--current' : 'campaign-nav__link'}
              aria-current={x.tab === current ? 'page' : undefined}
            >
              {t(x.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
