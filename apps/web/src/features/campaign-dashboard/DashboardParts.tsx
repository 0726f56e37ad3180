import type { MetricForecast, ProgressMetricInfo, ProgressMetricValue } from '@motcua/contracts';
import { formatDate } from '../../lib/format.ts';
import { formatCount, formatDecimal, formatPercent } from '../../lib/numbers.ts';
import type { Lang } from '../../i18n/messages.ts';
import { BAND_SYMBOL, BANDS, bandOf } from './progress-bands.ts';
import { useDashboardT } from './useDashboardT.ts';

/** A metric's figure as read in Việt Nam: "1.234" for counts, "45,0 %" for rates; "—" when none. */
export function figure(kind: ProgressMetricInfo['kind'], value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return kind === 'rate' ? formatPercent(value, lang) : formatCount(Math.round(value), lang);
}

/** The achievement as a tag: symbol, percentage, and the band's name for screen readers. */
export function BandTag({ progress }: { progress: number | null }) {
  const { t, lang } = useDashboardT();
  const band = bandOf(progress);
  return (
    <span className={`band band--${band}`}>
      <span aria-hidden="true">{BAND_SYMBOL[band]} </span>
      {progress === null ? t('cdash.none') : formatPercent(progress, lang)}
      <span className="visually-hidden"> ({t(`cdash.band.${band}`)})</span>
    </span>
  );
}

export function Legend() {
  const { t } = useDashboardT();
  return (
    <>
      <p className="visually-hidden" id="cdash-legend">
        {t('cdash.legend')}
      </p>
      <ul className="cdash-legend" aria-labelledby="cdash-legend">
        {BANDS.map((b) => (
          <li key={b}>
            <span className={`band band--${b}`}>
              <span aria-hidden="true">{BAND_SYMBOL[b]} </span>
              {t(`cdash.band.${b}`)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One card per metric of the unit: the number, the target (and where it comes from) and the achievement. */
export function HeadlineCards({ metrics, values }: { metrics: ProgressMetricInfo[]; values: ProgressMetricValue[] }) {
  const { t, lang } = useDashboardT();
  return (
    <ul className="cdash-cards">
      {metrics.map((m) => {
        const v = values.find((x) => x.code === m.code);
        if (!v) return null;
        const band = bandOf(v.progress);
        return (
          <li key={m.code} className={`cdash-card cdash-card--${band}`}>
            <p className="cdash-card__label">{lang === 'vi' ? m.nameVi : m.nameEn}</p>
            <p className="cdash-card__value">{figure(m.kind, v.value, lang)}</p>
            {m.kind === 'rate' && v.denominator !== null && (
              <p className="secondary">
                {formatCount(v.numerator ?? 0, lang)} / {formatCount(v.denominator, lang)}
              </p>
            )}
            <p className="cdash-card__target">
              {v.target === null ? (
                t('cdash.noTarget')
              ) : (
                <>
                  {t('cdash.target')}: {figure(m.kind, v.target, lang)}{' '}
                  <span className="secondary">({t(`cdash.targetOrigin.${v.targetOrigin ?? 'unit'}`)})</span>
                  <br />
                  <BandTag progress={v.progress} />
                </>
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The forecast of each metric that has a target, in words. */
export function ForecastList({ metrics, items, end }: { metrics: ProgressMetricInfo[]; items: MetricForecast[]; end: string }) {
  const { t, lang } = useDashboardT();
  const shown = items.filter((f) => f.status !== 'no_target');
  const days = Math.max(...shown.map((f) => f.lookbackDays), 0) || 7;
  return (
    <>
      <p>{t('cdash.forecastLead', { days, end: formatDate(end) })}</p>
      {shown.length === 0 ? (
        <p className="notice">{t('cdash.forecast.no_target')}</p>
      ) : (
        <ul className="list">
          {shown.map((f) => {
            const m = metrics.find((x) => x.code === f.metric);
            if (!m) return null;
            const parts = [t(`cdash.forecast.${f.status}`)];
            if (f.reachDate && f.status === 'on_track') parts.push(t('cdash.forecastReach', { date: formatDate(f.reachDate) }));
            if (f.shortfall !== null) parts.push(t('cdash.forecastShort', { n: figure(m.kind, f.shortfall, lang) }));
            if (f.pacePerDay !== null && f.pacePerDay > 0)
              parts.push(
                t('cdash.forecastPace', {
                  pace: m.kind === 'rate' ? formatPercent(f.pacePerDay, lang) : formatDecimal(f.pacePerDay, lang, 1),
                }),
              );
            return (
              <li key={f.metric}>
                <strong>{lang === 'vi' ? m.nameVi : m.nameEn}:</strong> {parts.join('; ')}.
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
