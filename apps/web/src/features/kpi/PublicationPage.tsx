import type { KpiPublishedList, KpiPublishedMonth } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';
import { KpiTable } from './KpiTable.tsx';
import { formatMonth } from './period.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The monthly publication of the indicators (public): the months frozen so far and the table of one.
 * Figures are aggregates per unit, fixed when published; they do not change with later corrections.
 */
export function PublicationPage() {
  const { t } = useT();
  const { query } = useLocation();
  const asked = query.get('thang');
  const month = asked && MONTH.test(asked) ? asked : null;
  const list = useApi<KpiPublishedList>('/api/v1/kpi/published');
  const chosen = useApi<KpiPublishedMonth>(month ? `/api/v1/kpi/published/${month}` : null);
  usePageTitle(month ? `${t('pub.monthTitle', { month: formatMonth(month) })} — ${t('pub.title')}` : t('pub.title'));

  return (
    <>
      <h1 className="heading-l">{t('pub.title')}</h1>
      <p className="lead">{t('pub.lead')}</p>
      <div className="pub-layout">
        <nav className="pub-months" aria-labelledby="pub-months-title">
          <h2 className="heading-s" id="pub-months-title">
            {t('pub.months')}
          </h2>
          {list.status === 'loading' && <Loading />}
          {list.status === 'error' && <ApiErrorNotice title={t('pub.errorTitle')} error={list.error} onRetry={list.retry} />}
          {list.status === 'ok' && list.data.items.length === 0 && <p className="secondary">{t('pub.none')}</p>}
          {list.status === 'ok' && list.data.items.length > 0 && (
            <ul className="plain-list link-list">
              {list.data.items.map((m) => (
                <li key={m.month}>
                  <Link
                    to={withQuery('/cong-khai/chi-so', { thang: m.month })}
                    aria-current={m.month === month ? 'page' : undefined}
                  >
                    {t('pub.monthTitle', { month: formatMonth(m.month) })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="pub-month">
          {!month && list.status === 'ok' && list.data.items.length > 0 && <p>{t('pub.pick')}</p>}
          {chosen.status === 'loading' && <Loading />}
          {chosen.status === 'error' && chosen.error.status === 404 && (
            <p className="notice">{t('pub.notPublished', { month: formatMonth(month ?? '') })}</p>
          )}
          {chosen.status === 'error' && chosen.error.status !== 404 && (
            <ApiErrorNotice title={t('pub.errorTitle')} error={chosen.error} onRetry={chosen.retry} />
          )}
          {chosen.status === 'ok' && (
            <>
              <h2 className="heading-m">{t('pub.monthTitle', { month: formatMonth(chosen.data.month) })}</h2>
              <p className="secondary">
                {t('pub.frozen', {
                  from: formatDate(chosen.data.from),
                  to: formatDate(chosen.data.to),
                  at: formatDateTime(chosen.data.published_at),
                })}
              </p>
              <KpiTable caption={t('pub.caption', { month: formatMonth(chosen.data.month) })} rows={chosen.data.rows} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
