import { useState, type FormEvent } from 'react';
import type { ProcedureList } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatCount } from '../../lib/numbers.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { navigate, withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';

const LIMIT = 15;

/** Step one of counter intake: find the procedure in the catalogue by name or code. */
export function ProcedurePicker() {
  const { lang, t } = useT();
  const { query } = useLocation();
  const q = query.get('q');
  const [draft, setDraft] = useState(q ?? '');
  const result = useApi<ProcedureList>(q !== null ? withQuery('/api/v1/procedures', { q: q.trim(), limit: LIMIT }) : null);
  usePageTitle(t('intake.title'));

  function submit(e: FormEvent) {
    e.preventDefault();
    // `q` stays in the address even when empty: an empty search lists the whole catalogue.
    navigate(`/can-bo/tiep-nhan?${new URLSearchParams({ q: draft.trim() }).toString()}`);
  }

  return (
    <>
      <h1 className="heading-l">{t('intake.title')}</h1>
      <p className="lead">{t('intake.lead')}</p>
      <form role="search" className="search-form" onSubmit={submit} noValidate>
        <div className="form-group">
          <label className="label label--m" htmlFor="procedure-q">
            {t('intake.pick')}
          </label>
          <div className="hint" id="procedure-q-hint">
            {t('intake.pickHint')}
          </div>
          <div className="search-form__row">
            <input
              id="procedure-q"
              name="q"
              type="search"
              className="input"
              aria-describedby="procedure-q-hint"
              autoComplete="off"
              enterKeyHint="search"
              maxLength={200}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="button">
              {t('search.submit')}
            </button>
          </div>
        </div>
      </form>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ApiErrorNotice title={t('search.errorTitle')} error={result.error} onRetry={result.retry} />}
      <div aria-live="polite">
        {result.status === 'ok' && (
          <h2 className="heading-m">{t('search.found', { n: formatCount(result.data.total, lang) })}</h2>
        )}
      </div>
      {result.status === 'ok' && result.data.items.length > 0 && (
        <ul className="results">
          {result.data.items.map((p) => (
            <li key={p.code} className="result">
              <h3 className="result__title">
                <Link to={withQuery('/can-bo/tiep-nhan', { 'thu-tuc': p.code })} aria-describedby={`pick-${p.code}`}>
                  {p.name}
                </Link>
              </h3>
              <p className="facts" id={`pick-${p.code}`}>
                {p.code} · {t(`level.${p.level}`)} · {p.processing.text}
              </p>
            </li>
          ))}
        </ul>
      )}
      {result.status === 'ok' && result.data.total > result.data.items.length && (
        <p className="secondary">{t('intake.more', { n: LIMIT })}</p>
      )}
    </>
  );
}
