import { useMemo, useState } from 'react';
import type { KpiRow } from '@motcua/contracts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount, formatDecimal } from '../../lib/numbers.ts';
import { ranksOf, SHOWN_INDICATORS, TOTAL } from './indicators.ts';
import { KpiCell } from './KpiCell.tsx';

type SortKey = 'rank' | 'unit' | 'received' | (typeof SHOWN_INDICATORS)[number];

interface Props {
  caption: string;
  rows: KpiRow[];
  /** Rows of the previous period by unit code: adds the trend to each rate. */
  previous?: Map<string, KpiRow>;
  /** Units under early warning: marked in words and with an icon. */
  warned?: Set<string>;
}

const HEAD: Record<SortKey, MessageKey> = {
  rank: 'kpi.col.rank',
  unit: 'kpi.col.unit',
  received: 'kpi.col.received',
  online_rate: 'kpi.ind.online_rate',
  on_time_rate: 'kpi.ind.on_time_rate',
  digitized_rate: 'kpi.ind.digitized_rate',
  payment_online_rate: 'kpi.ind.payment_online_rate',
  satisfaction_rate: 'kpi.ind.satisfaction_rate',
};

/** Units (ranked by points) and the total, sortable by any column; stacked into cards on phones. */
export function KpiTable({ caption, rows, previous, warned }: Props) {
  const { lang, t } = useT();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'rank', desc: false });
  const ranks = useMemo(() => ranksOf(rows), [rows]);
  const total = rows.find((r) => r.unit_code === TOTAL);

  const units = useMemo(() => {
    const list = rows.filter((r) => r.unit_code !== TOTAL);
    const value = (r: KpiRow): number | string => {
      if (sort.key === 'rank') return ranks.get(r.unit_code) ?? Infinity;
      if (sort.key === 'unit') return r.unit_name;
      if (sort.key === 'received') return r.received;
      return r[sort.key] ?? -1; // no figure sorts below 0 %
    };
    return list.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'string' ? va.localeCompare(String(vb), 'vi') : va - (vb as number);
      return sort.desc ? -c : c;
    });
  }, [rows, ranks, sort]);

  function sortBy(key: SortKey) {
    // Rates read best highest first; rank and names read in their natural order first.
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'rank' && key !== 'unit' }));
  }

  const th = (key: SortKey, className?: string) => (
    <th
      key={key}
      scope="col"
      className={className}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {t(HEAD[key])}
        <span aria-hidden="true" className="sort-button__icon">
          {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ' ⇅'}
        </span>
      </button>
    </th>
  );

  const row = (r: KpiRow, isTotal: boolean) => (
    <tr key={r.unit_code} data-unit={r.unit_code} className={isTotal ? 'table__total' : undefined}>
      {/* The total has no rank; without a label its empty cell says nothing on phones either. */}
      <td data-label={isTotal ? undefined : t('kpi.col.rank')} className="table__num">
        {isTotal ? '' : ranks.get(r.unit_code)}
      </td>
      <th scope="row" className="table__name">
        {r.unit_name}
        {warned?.has(r.unit_code) && (
          <strong className="tag tag--warning table__note">
            <span aria-hidden="true">⚠ </span>
            {t('kpi.warningTag')}
          </strong>
        )}
      </th>
      <td data-label={t('kpi.col.received')} className="table__num">
        {formatCount(r.received, lang)}
      </td>
      {SHOWN_INDICATORS.map((i) => (
        <td key={i} data-label={t(`kpi.ind.${i}`)} data-indicator={i} className="kpi-cell">
          <KpiCell row={r} previous={previous?.get(r.unit_code)} indicator={i} withTrend={previous !== undefined} />
        </td>
      ))}
      <td data-label={t('kpi.col.points')} className="table__num" data-points={r.points.total}>
        {t('kpi.points', { total: formatDecimal(r.points.total, lang), max: formatDecimal(r.points.max, lang) })}
      </td>
    </tr>
  );

  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--stack table--kpi">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {th('rank', 'table__num')}
            {th('unit')}
            {th('received', 'table__num')}
            {SHOWN_INDICATORS.map((i) => th(i))}
            <th scope="col" className="table__num">
              {t('kpi.col.points')}
            </th>
          </tr>
        </thead>
        <tbody>{units.map((r) => row(r, false))}</tbody>
        {total && <tfoot>{row(total, true)}</tfoot>}
      </table>
    </div>
  );
}
