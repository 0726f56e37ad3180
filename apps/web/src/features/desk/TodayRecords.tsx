import { useEffect, useRef } from 'react';
import { DESK_PLACE_LABELS, type DeskRecordList } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate, formatDateTime, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { withQuery } from '../../router/history.ts';

/** The officer's own records of today (numbers masked by the API), newest first; `version` reloads it. */
export function TodayRecords({ version }: { version: number }) {
  const { t, lang } = useT();
  const today = vnToday();
  const state = useApi<DeskRecordList>(withQuery('/api/v1/desk/records', { date: today, limit: 100 }));
  // A new record was saved: load the list again (not on the first render, which loads it anyway).
  const seen = useRef(version);
  const { retry } = state;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    retry();
  }, [version, retry]);
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ApiErrorNotice title={t('desk.today.error')} error={state.error} onRetry={state.retry} />;
  const { items, total, successes } = state.data;
  return (
    <section aria-labelledby="desk-today-title">
      <h2 className="heading-m" id="desk-today-title">
        {t('desk.today.title')}
      </h2>
      {items.length === 0 ? (
        <p className="secondary">{t('desk.today.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack" id="desk-today">
            <caption className="table__caption">{t('desk.today.caption', { date: formatDate(today), total, ok: successes })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.col.time')}</th>
                <th scope="col">{t('desk.col.phone')}</th>
                <th scope="col">{t('desk.col.carrier')}</th>
                <th scope="col">{t('desk.col.place')}</th>
                <th scope="col">{t('desk.col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="table__name">
                    {formatDateTime(r.recordedAt).slice(11)}
                  </th>
                  <td data-label={t('desk.col.phone')}>{r.phone}</td>
                  <td data-label={t('desk.col.carrier')}>{r.carrier}</td>
                  <td data-label={t('desk.col.place')}>{DESK_PLACE_LABELS[r.placeKind][lang]}</td>
                  <td data-label={t('desk.col.result')}>
                    {r.result === 'success' ? `✓ ${t('desk.result.success')}` : `✗ ${t('desk.result.failed')}: ${r.failureReason ?? ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
