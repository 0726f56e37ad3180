import { useState, type FormEvent } from 'react';
import { MOBILE_CARRIERS, SELFCHECK_RESULTS, type MySelfCheck, type SelfCheckInput, type SelfCheckResult } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { formatDate, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';

const IDS = { date: 'selfcheck-date', result: 'selfcheck-result', carrier: 'selfcheck-carrier', submit: 'selfcheck-submit' };

/**
 * Every official's own check (seed 002: "Yêu cầu 100% CBCCVC-NLĐ chủ động tự kiểm tra (soạn tin nhắn
 * TTTB [Số_CCCD] gửi 1414)"): the current status, and a short form to record the reply.
 */
export function SelfCheckCard() {
  const i18n = useT();
  const { t } = i18n;
  const me = useApi<MySelfCheck>('/api/v1/selfchecks/me');
  const [date, setDate] = useState(vnToday());
  const [result, setResult] = useState<SelfCheckResult | ''>('');
  const [carrier, setCarrier] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: FieldError[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > vnToday()) found.push({ field: IDS.date, text: t('selfcheck.err.date') });
    if (!result) found.push({ field: IDS.result, text: t('selfcheck.err.result') });
    setErrors(found);
    setSaved(false);
    if (found.length) return;
    const body: SelfCheckInput = { checkedOn: date, result: result as SelfCheckResult, ...(carrier ? { carrier: carrier as SelfCheckInput['carrier'] } : {}) };
    setBusy(true);
    try {
      await apiPost('/api/v1/selfchecks', body);
      setSaved(true);
      setResult('');
      me.retry();
    } catch (err) {
      const apiError = toApiError(err);
      const details = Array.isArray(apiError.details) ? (apiError.details as { field?: string; message?: string }[]) : [];
      const mapped = details.filter((d) => d.field && d.message).map((d) => ({ field: d.field === 'checkedOn' ? IDS.date : IDS.submit, text: d.message! }));
      setErrors(mapped.length ? mapped : [{ field: IDS.submit, text: describeError(apiError, i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="selfcheck-title" className="selfcheck">
      <h2 className="heading-m" id="selfcheck-title">
        {t('selfcheck.title')}
      </h2>
      <p>{t('selfcheck.how')}</p>
      {me.status === 'error' && <ApiErrorNotice title={t('selfcheck.error')} error={me.error} onRetry={me.retry} />}
      {(me.status === 'loading' || me.status === 'idle') && <Loading />}
      {me.status === 'ok' && <Status data={me.data} />}
      {saved && (
        <p className="notice" role="status">
          {t('selfcheck.saved')}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <h3 className="heading-s">{t('selfcheck.done')}</h3>
        <DateField id={IDS.date} legend={t('selfcheck.date')} error={errorFor(IDS.date)} value={date} onChange={setDate} />
        <ChoiceField
          id={IDS.result}
          legend={t('selfcheck.result')}
          error={errorFor(IDS.result)}
          value={result}
          onChange={(r) => setResult(r as SelfCheckResult)}
          inline={false}
          options={SELFCHECK_RESULTS.map((r) => ({ value: r, label: t(`selfcheck.result.${r}`) }))}
        />
        <SelectField
          id={IDS.carrier}
          label={t('selfcheck.carrier')}
          value={carrier}
          placeholder="—"
          options={MOBILE_CARRIERS.map((c) => ({ value: c, label: c }))}
          onChange={setCarrier}
        />
        <button type="submit" className="button button--secondary" id={IDS.submit} disabled={busy}>
          {t('selfcheck.submit')}
        </button>
      </form>
    </section>
  );
}

function Status({ data }: { data: MySelfCheck }) {
  const { t } = useT();
  const l = data.latest;
  if (!l) return <p className="notice notice--warning">{t('selfcheck.status.none')}</p>;
  const date = formatDate(l.checkedOn);
  if (l.result === 'mismatched_pending') return <p className="notice notice--warning">{t('selfcheck.status.pending', { date })}</p>;
  return <p className="notice">✓ {t('selfcheck.status.ok', { date, result: t(`selfcheck.result.${l.result}`) })}</p>;
}
