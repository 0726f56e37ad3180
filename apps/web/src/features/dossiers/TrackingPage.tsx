import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { DossierTracking } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { navigate, withQuery } from '../../router/history.ts';
import { useLocation } from '../../router/useLocation.ts';
import { StatusTag } from './StatusTag.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

/**
 * Public tracking by receipt code: status and dates only. The API's tracking view carries no personal
 * data, so whoever holds the paper receipt learns nothing about the person from it.
 */
export function TrackingPage() {
  const { t } = useT();
  const { query } = useLocation();
  const code = query.get('ma')?.trim() ?? '';
  const [draft, setDraft] = useState(code);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const result = useApi<DossierTracking>(code ? `/api/v1/track/${encodeURIComponent(code)}` : null);
  const notFound = result.status === 'error' && (result.error.status === 404 || result.error.status === 400);
  usePageTitle(code ? `${code} — ${t('track.title')}` : t('track.title'));
  useEffect(() => setDraft(code), [code]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = draft.trim().toUpperCase();
    const found = value ? [] : [{ field: 'ma', text: t('track.errCode') }];
    setErrors(found);
    if (!found.length) navigate(withQuery('/tra-cuu-ho-so', { ma: value }));
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1 className="heading-l">{t('track.title')}</h1>
      <p className="lead">{t('track.lead')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="ma"
          label={t('track.code')}
          hint={t('track.codeHint')}
          error={errors[0]?.text}
          inputClassName="input--w20"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button">
          {t('track.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {result.status === 'loading' && <Loading />}
        {notFound && (
          <div className="notice" id="track-result">
            <h2 className="notice__title">{t('track.notFoundTitle')}</h2>
            <p>{t('track.notFoundBody', { code })}</p>
          </div>
        )}
        {result.status === 'ok' && (
          <section id="track-result" aria-labelledby="track-result-title">
            <h2 className="heading-m" id="track-result-title">
              {t('track.resultTitle', { code: result.data.code })}
            </h2>
            <dl className="summary-list">
              <Row label={t('track.procedure')}>
                {result.data.procedureName} <span className="secondary">({result.data.procedureCode})</span>
              </Row>
              <Row label={t('track.status')}>
                <StatusTag status={result.data.status} />
              </Row>
              <Row label={t('track.receivedAt')}>
                {result.data.receivedAt ? formatDateTime(result.data.receivedAt) : t('track.notYet')}
              </Row>
              <Row label={t('track.dueAt')}>{result.data.dueAt ? formatDateTime(result.data.dueAt) : t('track.notYet')}</Row>
              <Row label={t('track.finishedAt')}>
                {result.data.finishedAt ? formatDateTime(result.data.finishedAt) : t('track.notYet')}
              </Row>
            </dl>
          </section>
        )}
      </div>
      {result.status === 'error' && !notFound && (
        <ApiErrorNotice title={t('track.errorTitle')} error={result.error} onRetry={result.retry} />
      )}
    </div>
  );
}
