import { useT } from '../../i18n/useT.ts';
import { formatPercent, formatPoints } from '../../lib/numbers.ts';
import type { Warning } from './indicators.ts';

/** Units that miss a target and are not on course to reach it, each said in a sentence with a warning sign. */
export function EarlyWarning({ warnings }: { warnings: Warning[] }) {
  const { lang, t } = useT();
  return (
    <section className="early-warning" aria-labelledby="early-warning-title">
      <h2 className="heading-m" id="early-warning-title">
        <span aria-hidden="true">⚠ </span>
        {t('kpi.warningTitle')}
      </h2>
      <p className="secondary">{t('kpi.warningLead')}</p>
      {warnings.length === 0 ? (
        <p className="notice" id="early-warning-none">
          <span aria-hidden="true">✓ </span>
          {t('kpi.warningNone')}
        </p>
      ) : (
        <ul className="warning-list">
          {warnings.map((w) => (
            <li
              key={`${w.unitCode}-${w.indicator}`}
              className="warning-list__item"
              data-unit={w.unitCode}
              data-indicator={w.indicator}
            >
              <strong className="warning-list__unit">
                <span aria-hidden="true">⚠ </span>
                {w.unitName}
              </strong>
              {': '}
              {t('kpi.warningLine', {
                indicator: t(`kpi.ind.${w.indicator}`),
                rate: formatPercent(w.rate, lang),
                target: formatPercent(w.target, lang),
              })}{' '}
              {w.change === null
                ? t('kpi.warningNoTrend')
                : w.change === 0
                  ? t('kpi.warningFlat')
                  : t(w.change > 0 ? 'kpi.warningSlow' : 'kpi.warningFalling', { change: formatPoints(w.change, lang) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
