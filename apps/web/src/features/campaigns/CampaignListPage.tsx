import type { CampaignSummary, StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { CAMPAIGN_READ } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { daysBetween } from './campaigns-api.ts';
import '../../i18n/messages-campaigns.ts';
import './campaigns.css';

/** /can-bo/chien-dich: the campaigns the officer may see, as cards (kind, window, days left, status). */
export function CampaignListPage() {
  return <StaffGate roles={CAMPAIGN_READ}>{(staff) => <CampaignList staff={staff} />}</StaffGate>;
}

function CampaignList({ staff }: { staff: StaffView }) {
  const { t } = useT();
  usePageTitle(t('camp.list.title'));
  const list = useApi<CampaignSummary[]>('/api/v1/campaigns');
  return (
    <>
      <span className="caption">{staff.unitName}</span>
      <h1 className="heading-l">{t('camp.list.title')}</h1>
      <p className="lead">{t('camp.list.lead')}</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ApiErrorNotice title={t('camp.list.errorTitle')} error={list.error} onRetry={list.retry} />}
      {list.status === 'ok' &&
        (list.data.length === 0 ? (
          <p>{t('camp.list.empty')}</p>
        ) : (
          <>
            <p className="filter-count">{t('camp.list.count', { n: list.data.length })}</p>
            <ul className="campaign-cards">
              {list.data.map((c) => (
                <CampaignCard key={c.id} c={c} />
              ))}
            </ul>
          </>
        ))}
    </>
  );
}

function CampaignCard({ c }: { c: CampaignSummary }) {
  const { t } = useT();
  const today = vnToday();
  const left = daysBetween(today, c.windowEnd);
  const toStart = daysBetween(today, c.windowStart);
  // The phase (upcoming, running, ended) is the server's, from VN today; the day counts are for reading.
  const ended = c.status === 'closed' || c.phase === 'ended';
  const days = ended
    ? t('camp.card.ended')
    : c.phase === 'upcoming'
      ? t('camp.card.notStarted', { n: toStart })
      : left === 0
        ? t('camp.card.lastDay')
        : t('camp.card.daysLeft', { n: left });
  return (
    <li className={c.status === 'closed' ? 'campaign-card campaign-card--closed' : 'campaign-card'}>
      <span className="tag">{t(`camp.kind.${c.kind}`)}</span> <span className="tag tag--phase">{t(`camp.phase.${c.phase}`)}</span>{' '}
      {/* The coordinator's switch, when it is not the usual "active". */}
      {c.status !== 'active' && <span className="tag tag--phase">{t(`camp.status.${c.status}`)}</span>}
      <h2 className="campaign-card__title">
        <Link to={`/can-bo/chien-dich/${encodeURIComponent(c.code)}`}>{c.name}</Link>
      </h2>
      <dl className="campaign-card__facts">
        <div>
          <dt>{t('camp.card.window')}</dt>
          <dd>
            {formatDate(c.windowStart)} – {formatDate(c.windowEnd)}
          </dd>
        </div>
        <div>
          <dt>{t('camp.card.coordinator')}</dt>
          <dd>{c.coordinatorUnitName}</dd>
        </div>
        <div>
          <dt>{t('camp.card.area')}</dt>
          <dd>{c.scopeUnitName}</dd>
        </div>
      </dl>
      <p className="campaign-card__days">{days}</p>
      <p className="secondary">
        <Link to={`/can-bo/chien-dich/${encodeURIComponent(c.code)}/cau-hinh`}>{t('camp.nav.setup')}</Link> · {c.code}
      </p>
    </li>
  );
}
