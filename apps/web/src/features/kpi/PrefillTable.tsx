import type { PrefillReport } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDecimal, formatPercent } from '../../lib/numbers.ts';
import { withQuery } from '../../router/history.ts';
import { useApi } from '../../lib/useApi.ts';

/**
 * Fields citizens did not have to type because the registry or an earlier result filled them, per
 * procedure (seed 001: at least 20 % fewer fields to declare), from GET /api/v1/kpi/prefill.
 */
export function PrefillTable({ from, to }: { from: string; to: string }) {
  const { lang, t } = useT();
  const state = useApi<PrefillReport>(withQuery('/api/v1/kpi/prefill', { from, to }));
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ApiErrorNotice title={t('kpi.prefill.title')} error={state.error} onRetry={state.retry} />;
  const r = state.data;
  if (r.items.length === 0) return <p className="secondary">{t('kpi.prefill.empty')}</p>;
  const row = (key: string, name: string, f: PrefillReport['total'], total = false) => (
    <tr key={key} className={total ? 'table__row--total' : undefined} data-procedure={key}>
      <th scope="row" className="table__header">
        {name}
      </th>
      <td className="table__cell table__cell--numeric" data-label={t('kpi.prefill.submissions')}>
        {f.submissions}
      </td>
      <td className="table__cell table__cell--numeric" data-label={t('kpi.prefill.avgDeclared')}>
        {formatDecimal(f.avgDeclared, lang, 1)}
      </td>
      <td className="table__cell table__cell--numeric" data-label={t('kpi.prefill.avgPrefilled')}>
        {formatDecimal(f.avgPrefilled, lang, 1)}
      </td>
      <td className="table__cell table__cell--numeric" data-label={t('kpi.prefill.share')}>
        {formatPercent(f.sharePrefilled, lang)} {f.meetsTarget ? '✓' : ''}
      </td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="table table--stack" id="prefill-table">
        <caption className="table__caption">{t('kpi.prefill.caption', { target: formatPercent(r.targetShare, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="table__header">{t('kpi.prefill.procedure')}</th>
            <th scope="col" className="table__header table__header--numeric">{t('kpi.prefill.submissions')}</th>
            <th scope="col" className="table__header table__header--numeric">{t('kpi.prefill.avgDeclared')}</th>
            <th scope="col" className="table__header table__header--numeric">{t('kpi.prefill.avgPrefilled')}</th>
            <th scope="col" className="table__header table__header--numeric">{t('kpi.prefill.share')}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((i) => row(i.procedureCode, `${i.procedureName} (${i.procedureCode})`, i))}
          {row('total', t('kpi.prefill.total'), r.total, true)}
        </tbody>
      </table>
    </div>
  );
}
