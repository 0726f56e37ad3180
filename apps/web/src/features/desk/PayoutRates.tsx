import { useRef, useState, type FormEvent } from 'react';
import { DESK_MIN_PAYOUT_VND, type DeskPayoutRateEntry, type DeskPayoutRateInput, type DeskPayoutRateList } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { toApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatVnd, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { putPayoutRate } from './desk-api.ts';

const IDS = { carrier: 'rate-carrier', amount: 'rate-amount', from: 'rate-from', source: 'rate-source', submit: 'rate-submit' };
const MAX_VND = 10_000_000;

/**
 * The carriers' rates per successful standardisation with their history (seed 000 V.2: "mức hỗ trợ
 * tối thiểu: 10.000 đồng/lượt chuẩn hóa TTTB thành công"), and the form to set one for those the API
 * lets set it (a carrier's reporter its own carrier, a province administrator any: `settable`).
 */
export function PayoutRates({ onSaved }: { onSaved?: () => void }) {
  const { t } = useT();
  const state = useApi<DeskPayoutRateList>('/api/v1/desk/payout-rates');
  // The last answer stays on screen while the list reloads after a save, so the form (and its
  // "saved" message) is not unmounted under the user.
  const last = useRef<DeskPayoutRateList | null>(null);
  if (state.status === 'ok') last.current = state.data;
  const data = last.current;
  return (
    <section aria-labelledby="rates-title">
      <h2 className="heading-m" id="rates-title">
        {t('rates.title')}
      </h2>
      <p className="secondary">{t('rates.lead')}</p>
      {!data && (state.status === 'loading' || state.status === 'idle') && <Loading />}
      {state.status === 'error' && <ApiErrorNotice title={t('rates.error')} error={state.error} onRetry={state.retry} />}
      {data && (
        <>
          <RateTable items={data.items} />
          {data.settable.length > 0 && (
            <RateForm
              settable={data.settable}
              onSaved={() => {
                state.retry();
                onSaved?.();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function RateTable({ items }: { items: DeskPayoutRateEntry[] }) {
  const { t } = useT();
  if (items.length === 0) return <p>{t('rates.empty')}</p>;
  const today = vnToday();
  const state = (r: DeskPayoutRateEntry) => (r.inForce ? t('rates.inForce') : r.validFrom !== null && r.validFrom > today ? t('rates.future') : t('rates.past'));
  return (
    <div className="table-wrap">
      <table className="table table--stack" id="rates-table">
        <caption className="table__caption">{t('rates.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rates.col.carrier')}</th>
            <th scope="col">{t('rates.col.from')}</th>
            <th scope="col" className="table__num">
              {t('rates.col.amount')}
            </th>
            <th scope="col">{t('rates.col.state')}</th>
            <th scope="col">{t('rates.col.source')}</th>
            <th scope="col">{t('rates.col.setBy')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={`${r.carrier}|${r.validFrom}`} className={r.inForce ? 'table__total' : undefined} data-carrier={r.carrier}>
              <th scope="row" className="table__name">
                {r.carrier}
              </th>
              <td data-label={t('rates.col.from')}>{r.validFrom ? formatDate(r.validFrom) : '—'}</td>
              <td className="table__num" data-label={t('rates.col.amount')}>
                {formatVnd(r.amountVnd)}
              </td>
              <td data-label={t('rates.col.state')}>{state(r)}</td>
              <td data-label={t('rates.col.source')}>{r.source || '—'}</td>
              <td data-label={t('rates.col.setBy')}>{t('rates.setBy', { name: r.updatedBy ?? '—', at: formatDateTime(r.updatedAt) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RateForm({ settable, onSaved }: { settable: DeskPayoutRateList['settable']; onSaved: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const [carrier, setCarrier] = useState<string>(settable.length === 1 ? settable[0]! : '');
  const [amount, setAmount] = useState('');
  const [from, setFrom] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const digits = amount.replace(/[\s.,]/g, '');
    const value = Number(digits);
    const found: FieldError[] = [];
    if (!carrier) found.push({ field: IDS.carrier, text: t('rates.err.carrier') });
    if (!/^\d+$/.test(digits) || value < DESK_MIN_PAYOUT_VND || value > MAX_VND) found.push({ field: IDS.amount, text: t('rates.err.amount') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) found.push({ field: IDS.from, text: t('rates.err.from') });
    setErrors(found);
    setSaved(null);
    if (found.length) return;
    const body: DeskPayoutRateInput = { carrier: carrier as DeskPayoutRateInput['carrier'], validFrom: from, amountVnd: value, ...(source.trim() ? { source: source.trim() } : {}) };
    setBusy(true);
    try {
      const r = await putPayoutRate(body);
      setSaved(t('rates.form.saved', { carrier: r.carrier, amount: formatVnd(r.amountVnd), date: formatDate(r.validFrom ?? from) }));
      setAmount('');
      setSource('');
      onSaved();
    } catch (err) {
      const apiError = toApiError(err);
      const details = Array.isArray(apiError.details) ? (apiError.details as { field?: string; message?: string }[]) : [];
      const fieldOf = (f?: string) => (f === 'amountVnd' ? IDS.amount : f === 'validFrom' ? IDS.from : f === 'carrier' ? IDS.carrier : IDS.submit);
      const mapped = details.filter((d) => d.message).map((d) => ({ field: fieldOf(d.field), text: d.message! }));
      setErrors(mapped.length ? mapped : [{ field: IDS.submit, text: describeError(apiError, i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="rates-form">
      <h3 className="heading-s">{t('rates.form.title')}</h3>
      <ErrorSummary errors={errors} />
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <SelectField
        id={IDS.carrier}
        label={t('rates.form.carrier')}
        error={errorFor(IDS.carrier)}
        value={carrier}
        placeholder={t('rates.form.carrierPick')}
        options={settable.map((c) => ({ value: c, label: c }))}
        onChange={setCarrier}
      />
      <TextField
        id={IDS.amount}
        label={t('rates.form.amount')}
        hint={t('rates.form.amountHint')}
        error={errorFor(IDS.amount)}
        inputClassName="input--w10"
        inputMode="numeric"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <DateField id={IDS.from} legend={t('rates.form.from')} hint={t('rates.form.fromHint')} error={errorFor(IDS.from)} value={from} onChange={setFrom} />
      <TextField id={IDS.source} label={t('rates.form.source')} hint={t('rates.form.sourceHint')} maxLength={500} value={source} onChange={(e) => setSource(e.target.value)} />
      <button type="submit" className="button" id={IDS.submit} disabled={busy}>
        {busy ? t('rates.form.saving') : t('rates.form.submit')}
      </button>
    </form>
  );
}
