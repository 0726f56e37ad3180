import type { KpiRow } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { formatCount, formatDecimal } from '../../lib/numbers.ts';
import { SHOWN_INDICATORS } from './indicators.ts';
import { KpiCell } from './KpiCell.tsx';

/** The headline figures of the whole scope: each rate with its target and its change, side by side. */
export function KpiSummary({ total, previous, withTrend }: { total: KpiRow; previous?: KpiRow; withTrend: boolean }) {
  const { lang, t } = useT();
  return (
    <ul className="kpi-cards" aria-label={total.unit_name}>
      <li className="kpi-card">
        <span className="kpi-card__label">{t('kpi.col.received')}</span>
        <span className="kpi-cell__rate">{formatCount(total.received, lang)}</span>
        <span className="kpi-cell__line secondary">
          {t('kpi.receivedOnline', { n: formatCount(total.received_online, lang) })}
        </span>
      </li>
      {SHOWN_INDICATORS.map((i) => (
        <li key={i} className="kpi-card" data-indicator={i}>
          <span className="kpi-card__label">{t(`kpi.ind.${i}`)}</span>
          <KpiCell row={total} previous={previous} indicator={i} withTrend={withTrend} />
        </li>
      ))}
      <li className="kpi-card">
        <span className="kpi-card__label">{t('kpi.col.points')}</span>
        <span className="kpi-cell__rate">
          {t('kpi.points', { total: formatDecimal(total.points.total, lang), max: formatDecimal(total.points.max, lang) })}
        </span>
      </li>
    </ul>
  );
}
