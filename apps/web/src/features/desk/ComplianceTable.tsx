import type { ComplianceReport } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate } from '../../lib/format.ts';
import { formatCount, formatPercent } from '../../lib/numbers.ts';
import { useApi } from '../../lib/useApi.ts';

/** Officials who did the 1414 self-check, per unit of the reader's scope, against the 100% target (seed 002). */
export function ComplianceTable() {
  const { t, lang } = useT();
  const state = useApi<ComplianceReport>('/api/v1/selfchecks/compliance');
  return (
    <section aria-labelledby="compliance-title">
      <h2 className="heading-m" id="compliance-title">
        {t('compliance.title')}
      </h2>
      <p className="secondary">{t('compliance.lead')}</p>
      {(state.status === 'loading' || state.status === 'idle') && <Loading />}
      {state.status === 'error' && <ApiErrorNotice title={t('compliance.error')} error={state.error} onRetry={state.retry} />}
      {state.status === 'ok' && state.data.units.length === 0 && <p className="secondary">{t('compliance.empty')}</p>}
      {state.status === 'ok' && state.data.units.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack table--kpi" id="compliance-table">
            <caption className="table__caption">{t('compliance.caption', { date: formatDate(state.data.asOf) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compliance.col.unit')}</th>
                <th scope="col" className="table__num">{t('compliance.col.staff')}</th>
                <th scope="col" className="table__num">{t('compliance.col.checked')}</th>
                <th scope="col" className="table__num">{t('compliance.col.pending')}</th>
                <th scope="col" className="table__num">{t('compliance.col.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.units.map((u) => (
                <tr key={u.unit.code}>
                  <th scope="row" className="table__name">
                    {u.unit.name}
                  </th>
                  <td className="table__num" data-label={t('compliance.col.staff')}>{formatCount(u.staff, lang)}</td>
                  <td className="table__num" data-label={t('compliance.col.checked')}>{formatCount(u.checked, lang)}</td>
                  <td className="table__num" data-label={t('compliance.col.pending')}>{formatCount(u.pending, lang)}</td>
                  <td className="table__num" data-label={t('compliance.col.rate')}>
                    {formatPercent(u.rate, lang)} {u.met ? t('compliance.met') : t('compliance.notMet')}
                  </td>
                </tr>
              ))}
              <tr className="table__total">
                <th scope="row" className="table__name">
                  {t('compliance.total')}
                </th>
                <td className="table__num" data-label={t('compliance.col.staff')}>{formatCount(state.data.total.staff, lang)}</td>
                <td className="table__num" data-label={t('compliance.col.checked')}>{formatCount(state.data.total.checked, lang)}</td>
                <td className="table__num" data-label={t('compliance.col.pending')}>{formatCount(state.data.total.pending, lang)}</td>
                <td className="table__num" data-label={t('compliance.col.rate')}>{formatPercent(state.data.total.rate, lang)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
