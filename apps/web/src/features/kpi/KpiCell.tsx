import type { KpiRow } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { formatPercent, formatPoints } from '../../lib/numbers.ts';
import { changeOf, rateOf, targetOf, type ShownIndicator } from './indicators.ts';

interface Props {
  row: KpiRow;
  previous?: KpiRow;
  indicator: ShownIndicator;
  /** Whether a previous period exists to compare with (the dashboard, not the publication). */
  withTrend: boolean;
}

/** One indicator of one unit: the rate, its target and gap, and the change since the previous period, all in words. */
export function KpiCell({ row, previous, indicator, withTrend }: Props) {
  const { lang, t } = useT();
  const rate = rateOf(row, indicator);
  const target = targetOf(row, indicator);
  const gap = row.targets[indicator]?.gap ?? null;
  const change = withTrend ? changeOf(row, previous, indicator) : null;
  return (
    <>
      <span className="kpi-cell__rate">{formatPercent(rate, lang)}</span>
      {target !== null && (
        <span className="kpi-cell__line">
          {t('kpi.target', { target: formatPercent(target, lang) })}
          {gap !== null && (
            <>
              {' · '}
              {gap < 0 ? (
                <strong className="kpi-gap kpi-gap--below">
                  <span aria-hidden="true">▼ </span>
                  {t('kpi.gapBelow', { gap: formatPoints(gap, lang) })}
                </strong>
              ) : (
                <span className="kpi-gap kpi-gap--met">
                  <span aria-hidden="true">✓ </span>
                  {gap > 0 ? t('kpi.gapAbove', { gap: formatPoints(gap, lang) }) : t('kpi.gapMet')}
                </span>
              )}
            </>
          )}
        </span>
      )}
      {withTrend && rate !== null && (
        <span className="kpi-cell__line">
          {change === null ? (
            <span className="secondary">{t('kpi.trendNone')}</span>
          ) : (
            <>
              <span aria-hidden="true">{change > 0 ? '↗ ' : change < 0 ? '↘ ' : '→ '}</span>
              {t(change > 0 ? 'kpi.trendUp' : change < 0 ? 'kpi.trendDown' : 'kpi.trendFlat', {
                change: formatPoints(change, lang),
              })}
            </>
          )}
        </span>
      )}
    </>
  );
}
