import { useState, type FormEvent } from 'react';
import type { DueDate } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate, formatDateTime, formatWeekday, vnLocalToIso, vnNowLocal } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { withQuery } from '../../router/history.ts';

// Same bound as the API (calendar.service MAX_DUE_DAYS), so the reader hears about it before sending.
const MAX_DAYS = 365;

/** Due-date calculator: the same working-day rules the dossier deadlines use, asked of the API. */
export function DueDatePage() {
  const { lang, t } = useT();
  usePageTitle(t('due.title'));
  const [received, setReceived] = useState(vnNowLocal);
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [path, setPath] = useState<string | null>(null);
  const answer = useApi<DueDate>(path);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    const receivedIso = vnLocalToIso(received);
    if (!receivedIso) found.push({ field: 'received', text: t('due.errReceived') });
    const n = /^\d{1,3}$/.test(days.trim()) ? Number(days.trim()) : NaN;
    if (!(n >= 0 && n <= MAX_DAYS)) found.push({ field: 'days', text: t('due.errDays') });
    setErrors(found);
    if (found.length || !receivedIso) return;
    setPath(withQuery('/api/v1/calendar/due', { received: receivedIso, days: n }));
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.text;

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="heading-l">{t('due.title')}</h1>
      <p className="lead">{t('due.lead')}</p>

      <form onSubmit={submit} noValidate>
        <TextField
          id="received"
          type="datetime-local"
          label={t('due.received')}
          hint={t('due.receivedHint')}
          error={errorFor('received')}
          inputClassName="input--w20"
          value={received}
          onChange={(e) => setReceived(e.target.value)}
        />
        <TextField
          id="days"
          label={t('due.days')}
          hint={t('due.daysHint')}
          error={errorFor('days')}
          inputClassName="input--w4"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
        <button type="submit" className="button">
          {t('due.submit')}
        </button>
      </form>

      <div aria-live="polite">
        {answer.status === 'loading' && <Loading />}
        {answer.status === 'ok' && (
          <section className="panel" aria-labelledby="due-result">
            <h2 className="panel__title" id="due-result">
              {t('due.dueAt')}
            </h2>
            <p className="panel__big">{formatDateTime(answer.data.dueAt)}</p>
            <p>{formatWeekday(answer.data.dueAt, lang)}</p>
          </section>
        )}
      </div>
      {answer.status === 'ok' && (
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('due.receivedAt')}</dt>
            <dd className="summary-list__value">{formatDateTime(answer.data.receivedAt)}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('due.countsFrom')}</dt>
            <dd className="summary-list__value">
              {t('due.countsFromValue', { date: formatDate(answer.data.countsFrom), weekday: formatWeekday(answer.data.countsFrom, lang) })}
            </dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">{t('due.days')}</dt>
            <dd className="summary-list__value">{t('due.daysCount', { n: answer.data.days })}</dd>
          </div>
        </dl>
      )}
      {answer.status === 'error' && <ApiErrorNotice title={t('due.errorTitle')} error={answer.error} onRetry={answer.retry} />}
    </>
  );
}
