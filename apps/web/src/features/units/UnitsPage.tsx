import { useMemo, useState } from 'react';
import type { UnitList, UnitView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { fold } from '../../lib/text.ts';
import { useApi } from '../../lib/useApi.ts';
import { useMeta } from '../../lib/useMeta.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { navigate } from '../../router/history.ts';
import { useLocation } from '../../router/useLocation.ts';
import { countMatches } from './unit-filter.ts';
import { UnitNode } from './UnitNode.tsx';
import { useUnitTree, type UnitsView } from './useUnitTree.ts';

const VIEWS: { view: UnitsView; slug: string }[] = [
  { view: 'administrative', slug: '' },
  { view: 'agency', slug: 'co-quan' },
];

/** Units as a tree: the provinces, with this installation's province open, children loaded on demand. */
export function UnitsPage() {
  const { t } = useT();
  const meta = useMeta();
  const { query } = useLocation();
  const view: UnitsView = query.get('loai') === 'co-quan' ? 'agency' : 'administrative';
  const [filterText, setFilterText] = useState('');
  const filter = fold(filterText);

  const provinces = useApi<UnitList>('/api/v1/units');
  const home = meta?.provinceCode ?? null;
  const tree = useUnitTree(view, home);
  usePageTitle(t('units.title'));

  // The province this portal serves comes first; the others keep the API's order.
  const roots = useMemo<UnitView[]>(() => {
    if (provinces.status !== 'ok') return [];
    const items = provinces.data.items;
    return [...items.filter((u) => u.code === home), ...items.filter((u) => u.code !== home)];
  }, [provinces, home]);

  const matches = filter ? countMatches(roots, tree, filter) : 0;

  return (
    <>
      <h1 className="heading-l">{t('units.title')}</h1>
      <p className="lead">{t('units.lead')}</p>

      <div className="units-controls">
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('units.view')}</legend>
          <div className="radios radios--inline">
            {VIEWS.map((v) => (
              <div className="radios__item" key={v.view}>
                <input
                  className="radios__input"
                  type="radio"
                  id={`view-${v.view}`}
                  name="view"
                  checked={view === v.view}
                  // replace: switching the view is not a page the Back button should step through
                  onChange={() => navigate(v.slug ? `/don-vi?loai=${v.slug}` : '/don-vi', { replace: true })}
                />
                <label className="radios__label" htmlFor={`view-${v.view}`}>
                  {t(`units.view.${v.view}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        <div className="form-group">
          <label className="label" htmlFor="unit-filter">
            {t('units.filter')}
          </label>
          <div className="hint" id="unit-filter-hint">
            {t('units.filterHint')}
          </div>
          <input
            id="unit-filter"
            type="search"
            className="input input--w20"
            autoComplete="off"
            aria-describedby="unit-filter-hint unit-filter-count"
            value={filterText}
            onChange={(e) => setFilterText(e.target.value)}
          />
          <p className="secondary filter-count" id="unit-filter-count" aria-live="polite">
            {filter && (matches ? t('units.matches', { n: matches, q: filterText.trim() }) : t('units.noMatch', { q: filterText.trim() }))}
          </p>
        </div>
      </div>

      {provinces.status === 'loading' && <Loading />}
      {provinces.status === 'error' && <ApiErrorNotice title={t('units.errorTitle')} error={provinces.error} onRetry={provinces.retry} />}
      {provinces.status === 'ok' && (
        <ul className="tree" aria-label={t('units.tree')}>
          {roots.map((u) => (
            <UnitNode key={u.code} unit={u} tree={tree} view={view} filter={filter} />
          ))}
        </ul>
      )}
    </>
  );
}
