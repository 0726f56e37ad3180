import { useMemo } from 'react';
import type { DossierList, DossierSummary } from '@motcua/contracts';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime, vnDateOf, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';
import { DeadlineText } from '../dossiers/DeadlineText.tsx';
import { StatusTag } from '../dossiers/StatusTag.tsx';
import { useWorkCalendar } from '../dossiers/useWorkCalendar.ts';
import type { CitizenMe } from './CitizenSessionProvider.tsx';
import { CitizenApiError, CitizenGate } from './CitizenGate.tsx';
import { CitizenNav } from './CitizenNav.tsx';
import { useCitizenT } from './useCitizenT.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-dossiers.ts';
import '../../i18n/messages-citizen.ts';

const PAGE_SIZE = 20;

/** "Hồ sơ của tôi": the dossiers the citizen submitted online, newest first. */
export function MyDossiersPage() {
  return <CitizenGate>{(me) => <MyDossiers me={me} />}</CitizenGate>;
}

function MyDossiers({ me }: { me: CitizenMe }) {
  const { t } = useCitizenT();
  const { query } = useLocation();
  const page = Math.max(1, Number.parseInt(query.get('trang') ?? '1', 10) || 1);
  const list = useApi<DossierList>(withQuery('/api/v1/me/dossiers', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  usePageTitle(t('citizen.mine.title'));
  const items = list.status === 'ok' ? list.data.items : [];
  const dates = useMemo(() => [vnToday(), ...items.flatMap((d) => (d.dueAt ? [vnDateOf(d.dueAt)] : []))], [items]);
  const calendar = useWorkCalendar(dates);
  const pages = list.status === 'ok' ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <span className="caption">{t('citizen.hello', { name: me.fullName })}</span>
      <h1 className="heading-l">{t('citizen.mine.title')}</h1>
      <CitizenNav />
      <p>
        <Link to="/thu-tuc" className="button button--secondary">
          {t('citizen.mine.new')}
        </Link>
      </p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <CitizenApiError title={t('citizen.mine.errorTitle')} error={list.error} onRetry={list.retry} />
      )}
      {list.status === 'ok' && list.data.total === 0 && (
        <div className="notice" id="my-dossiers-empty">
          <h2 className="notice__title">{t('citizen.mine.emptyTitle')}</h2>
          <p>{t('citizen.mine.emptyBody')}</p>
          <p>
            <Link to="/thu-tuc">{t('citizen.mine.emptyLink')}</Link>
          </p>
        </div>
      )}
      {items.length > 0 && (
        <>
          <p className="secondary" id="my-dossiers-count">
            {t('citizen.mine.count', { n: list.status === 'ok' ? list.data.total : 0 })}
          </p>
          <ul className="dossier-cards" aria-labelledby="my-dossiers-count">
            {items.map((d) => (
              <DossierCard key={d.code} d={d} calendar={calendar} />
            ))}
          </ul>
        </>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label={t('search.pagination')}>
          {page > 1 && (
            <Link to={withQuery('/cong-dan', { trang: page - 1 })} rel="prev">
              ‹ {t('search.prev')}
            </Link>
          )}
          <span className="pagination__status">{t('search.page', { page, pages })}</span>
          {page < pages && (
            <Link to={withQuery('/cong-dan', { trang: page + 1 })} rel="next">
              {t('search.next')} ›
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

function DossierCard({ d, calendar }: { d: DossierSummary; calendar: ReturnType<typeof useWorkCalendar> }) {
  const { t } = useCitizenT();
  return (
    <li className="dossier-card" data-code={d.code}>
      <h2 className="dossier-card__title">
        <Link to={`/cong-dan/ho-so/${encodeURIComponent(d.code)}`}>
          {d.procedureName}
          {/* Two dossiers of one procedure: the code tells the links apart for a screen reader. */}
          <span className="visually-hidden">{`, ${t('citizen.mine.code', { code: d.code })}`}</span>
        </Link>
      </h2>
      <p className="dossier-card__code">{t('citizen.mine.code', { code: d.code })}</p>
      <StatusTag status={d.status} />
      <dl className="dossier-card__facts">
        <div>
          <dt>{t('citizen.mine.submittedAt')}</dt>
          <dd>{formatDateTime(d.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('citizen.mine.dueAt')}</dt>
          <dd>
            {d.dueAt ? (
              <DeadlineText dossier={d} calendar={calendar} />
            ) : (
              <span className="secondary">{t('citizen.mine.noDue')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('citizen.mine.unit')}</dt>
          <dd>{d.handlingUnit.name}</dd>
        </div>
      </dl>
    </li>
  );
}
