import { useEffect, useState, type FormEvent } from 'react';
import type { ProcedureList } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { navigate, withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';
import { ProcedureResult } from './ProcedureResult.tsx';

const PAGE_SIZE = 20;
/** The citizen's choice "Cấp tỉnh / Cấp xã"; other levels exist in old data but are not offered. */
const LEVELS = ['province', 'commune'] as const;

/** Builds the shareable search address; `q` is kept even when empty, since it means "a search was made". */
function searchHref(q: string, level: string, page = 1): string {
  const params = new URLSearchParams({ q });
  if (level) params.set('level', level);
  if (page > 1) params.set('page', String(page));
  return `/thu-tuc?${params.toString()}`;
}

/** Public procedure search. The URL holds the query, so a result page can be shared or bookmarked. */
export function SearchPage() {
  const { lang, t } = useT();
  const { query } = useLocation();
  const q = query.get('q');
  const level = LEVELS.find((l) => l === query.get('level')) ?? '';
  const page = Math.max(1, Math.floor(Number(query.get('page'))) || 1);
  const searched = q !== null || level !== '';

  const [draft, setDraft] = useState(q ?? '');
  const [draftLevel, setDraftLevel] = useState<string>(level);
  // Back and forward change the URL under the form: show what is actually being searched.
  useEffect(() => {
    setDraft(q ?? '');
    setDraftLevel(level);
  }, [q, level]);

  const apiPath = searched
    ? withQuery('/api/v1/procedures', { q: q?.trim(), level, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    : null;
  const result = useApi<ProcedureList>(apiPath);
  usePageTitle(q ? `${q} — ${t('search.title')}` : t('search.title'));

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(searchHref(draft.trim(), draftLevel));
  }

  const pages = result.status === 'ok' ? Math.max(1, Math.ceil(result.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1 className="heading-l">{t('search.title')}</h1>
      <p className="lead">{t('search.lead')}</p>

      <form role="search" className="search-form" onSubmit={submit} noValidate>
        <div className="form-group">
          <label className="label label--m" htmlFor="q">
            {t('search.label')}
          </label>
          <div className="hint" id="q-hint">
            {t('search.hint')}
          </div>
          <div className="search-form__row">
            <input
              id="q"
              name="q"
              type="search"
              className="input"
              aria-describedby="q-hint"
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
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('search.level')}</legend>
          <div className="radios radios--inline">
            {(['', ...LEVELS] as const).map((l) => (
              <div className="radios__item" key={l || 'all'}>
                <input
                  className="radios__input"
                  type="radio"
                  id={`level-${l || 'all'}`}
                  name="level"
                  value={l}
                  checked={draftLevel === l}
                  onChange={() => setDraftLevel(l)}
                />
                <label className="radios__label" htmlFor={`level-${l || 'all'}`}>
                  {l ? t(`level.${l}`) : t('search.levelAll')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </form>

      <div className="results-section">
        {!searched && <p className="secondary">{t('search.start')}</p>}
        {result.status === 'loading' && <Loading />}
        {result.status === 'error' && <ApiErrorNotice title={t('search.errorTitle')} error={result.error} onRetry={result.retry} />}
        <div aria-live="polite">
          {result.status === 'ok' && (
            <h2 className="heading-m" id="results-count">
              {t('search.found', { n: result.data.total.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}
            </h2>
          )}
        </div>
        {result.status === 'ok' && result.data.total === 0 && (
          <div className="notice">
            <h3 className="notice__title">{t('search.emptyTitle')}</h3>
            <p>{t('search.emptyBody')}</p>
          </div>
        )}
        {result.status === 'ok' && result.data.items.length > 0 && (
          <ol className="results">
            {result.data.items.map((p) => (
              <ProcedureResult key={p.code} procedure={p} />
            ))}
          </ol>
        )}
        {result.status === 'ok' && pages > 1 && (
          <nav className="pagination" aria-label={t('search.pagination')}>
            {page > 1 && (
              <Link to={searchHref(q ?? '', level, page - 1)} rel="prev">
                ‹ {t('search.prev')}
              </Link>
            )}
            <span className="pagination__status">{t('search.page', { page, pages })}</span>
            {page < pages && (
              <Link to={searchHref(q ?? '', level, page + 1)} rel="next">
                {t('search.next')} ›
              </Link>
            )}
          </nav>
        )}
      </div>
    </>
  );
}
