import { useState, type FormEvent } from 'react';
import type { DeskPayoutReport } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatVnd, vnToday } from '../../lib/format.ts';
import { formatCount } from '../../lib/numbers.ts';
import { useApi } from '../../lib/useApi.ts';
import { withQuery } from '../../router/history.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The carriers' support per staff member, unit and carrier for a month (seed 000 V.2), with the
 * files to hand to the carriers. The API limits it to the reader's scope (a carrier: its own).
 */
export function PayoutTable() {
  const { t, lang } = useT();
  const [typed, setTyped] = useState(vnToday().slice(0, 7));
  const [month, setMonth] = useState(typed);
  const [error, setError] = useState<string | undefined>();
  const state = useApi<DeskPayoutReport>(withQuery('/api/v1/desk/payouts', { month }));

  function show(e: FormEvent) {
    e.preventDefault();
    if (!MONTH.test(typed.trim())) return setError(t('payout.err.month'));
    setError(undefined);
    setMonth(typed.trim());
  }

  return (
    <section aria-labelledby="payout-title">
      <h2 className="heading-m" id="payout-title">
        {t('payout.title')}
      </h2>
      <p className="secondary">{t('payout.lead')}</p>
      <form onSubmit={show} noValidate>
        <TextField id="payout-month" label={t('payout.month')} hint={t('payout.monthHint')} error={error} inputClassName="input--w10" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" className="button button--secondary">
          {t('payout.show')}
        </button>
      </form>
      <p>
        <a href={withQuery('/api/v1/desk/payouts', { month, format: 'csv' })} download>
          {t('payout.csv')}
        </a>
        {' · '}
        <a href={withQuery('/api/v1/desk/payouts', { month, format: 'xlsx' })} download>
          {t('payout.xlsx')}
        </a>
      </p>
      {(state.status === 'loading' || state.status === 'idle') && <Loading />}
      {state.status === 'error' && <ApiErrorNotice title={t('payout.error')} error={state.error} onRetry={state.retry} />}
      {state.status === 'ok' && state.data.rows.length === 0 && <p className="secondary">{t('payout.empty')}</p>}
      {state.status === 'ok' && state.data.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack table--kpi" id="payout-table">
            <caption className="table__caption">
              {t('payout.caption', { month: state.data.month, n: formatCount(state.data.total.successes, lang), amount: formatVnd(state.data.total.amountVnd) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('payout.col.staff')}</th>
                <th scope="col">{t('payout.col.unit')}</th>
                <th scope="col">{t('payout.col.carrier')}</th>
                <th scope="col" className="table__num">{t('payout.col.successes')}</th>
                <th scope="col" className="table__num">{t('payout.col.rate')}</th>
                <th scope="col" className="table__num">{t('payout.col.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.rows.map((r, i) => (
                <tr key={i} className={r.staff ? undefined : 'table__total'}>
                  <th scope="row" className="table__name">
                    {r.staff ? r.staff.name : `${t('payout.subtotal')} ${r.unit.name} – ${r.carrier}`}
                  </th>
                  <td data-label={t('payout.col.unit')}>{r.unit.name}</td>
                  <td data-label={t('payout.col.carrier')}>{r.carrier}</td>
                  <td className="table__num" data-label={t('payout.col.successes')}>
                    {formatCount(r.successes, lang)}
                  </td>
                  <td className="table__num" data-label={t('payout.col.rate')}>
                    {r.rateVnd === null ? t('payout.mixed') : formatVnd(r.rateVnd)}
                  </td>
                  <td className="table__num" data-label={t('payout.col.amount')}>
                    {formatVnd(r.amountVnd)}
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
