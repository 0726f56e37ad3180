import type { UnitView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { isMessageKey, type MessageKey, type Params } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { hasOpenMatch, subtypeBreakdown, unitMatches } from './unit-filter.ts';
import type { UnitsView, UnitTree } from './useUnitTree.ts';

interface Props {
  unit: UnitView;
  tree: UnitTree;
  view: UnitsView;
  /** Folded filter text; '' shows everything. */
  filter: string;
}

/**
 * One unit as a disclosure: a button with aria-expanded controls the list of its children. A unit that
 * matches the filter shows all its children; otherwise only the matching ones (and their parents).
 */
export function UnitNode({ unit, tree, view, filter }: Props) {
  const { t } = useT();
  const selfMatch = !filter || unitMatches(unit, filter);
  if (!selfMatch && !hasOpenMatch(unit.code, tree, filter)) return null;

  const open = tree.isOpen(unit.code);
  // Provinces always hold agencies or communes; a childCount of 0 means a leaf.
  const expandable = unit.kind === 'province' || unit.childCount > 0;
  const groupId = `units-${view}-${unit.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  return (
    <li className="tree__item">
      <div className={expandable ? 'tree__row' : 'tree__row tree__row--leaf'}>
        {expandable ? (
          <button type="button" className="tree__toggle" aria-expanded={open} aria-controls={groupId} onClick={() => tree.toggle(unit.code)}>
            <span className="tree__icon" aria-hidden="true">
              {open ? '−' : '+'}
            </span>
            <span className="tree__name">{unit.name}</span>
          </button>
        ) : (
          <span className="tree__name tree__leaf">{unit.name}</span>
        )}
        <span className="tree__facts">
          <span className="tag tag--subtype">{subtypeLabel(unit, t)}</span> <span className="secondary">{t('units.code', { code: unit.code })}</span>
        </span>
      </div>
      {expandable && (
        <div id={groupId} hidden={!open}>
          {open && <BranchContent unit={unit} tree={tree} view={view} filter={selfMatch ? '' : filter} />}
        </div>
      )}
    </li>
  );
}

/** "Xã", "Phường"… are shown as written; agency categories are codes and go through the dictionary. */
function subtypeLabel(unit: UnitView, t: (key: MessageKey, params?: Params) => string): string {
  const key = `agency.${unit.subtype}`;
  return unit.kind === 'agency' && isMessageKey(key) ? t(key) : unit.subtype;
}

function BranchContent({ unit, tree, view, filter }: Props) {
  const { lang, t } = useT();
  const branch = tree.branch(unit.code);
  if (!branch || branch.status === 'loading') return <Loading />;
  if (branch.status === 'error') {
    return <ApiErrorNotice title={t('units.errorTitle')} error={branch.error} onRetry={() => tree.retry(unit.code)} />;
  }
  const items = branch.items;
  if (!items.length) return <p className="tree__empty secondary">{view === 'agency' ? t('units.noneAgency') : t('units.none')}</p>;
  const summary =
    view === 'agency'
      ? t('units.agencies', { n: items.length })
      : `${t('units.children', { n: items.length })}: ${subtypeBreakdown(items, lang === 'vi')}`;
  return (
    <>
      <p className="tree__summary secondary">{summary}</p>
      <ul className="tree__group">
        {items.map((child) => (
          <UnitNode key={child.code} unit={child} tree={tree} view={view} filter={filter} />
        ))}
      </ul>
    </>
  );
}
