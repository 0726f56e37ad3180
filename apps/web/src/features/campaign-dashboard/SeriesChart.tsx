import type { ProgressMetricInfo, ProgressSeries } from '@motcua/contracts';
import { formatDate } from '../../lib/format.ts';
import { figure } from './DashboardParts.tsx';
import { useDashboardT } from './useDashboardT.ts';

/** Drawing units; the SVG stretches to the column (preserveAspectRatio none), labels are HTML. */
const W = 1000;
const H = 200;

interface Props {
  metric: ProgressMetricInfo;
  series: ProgressSeries;
  /** The first day drawn (a week's Monday, or the campaign's start). */
  from: string;
  /** A point's period in words, under the first and last bars. */
  label: (date: string) => string;
}

/**
 * Bars of the metric at each day or week end, and the target as a dashed line. Inline SVG, no chart
 * library: the figures are in the table below it, so the picture is described in one sentence.
 * Text stays in HTML around the drawing so it keeps its size on a phone.
 */
export function SeriesChart({ metric, series, from, label }: Props) {
  const { t, lang } = useDashboardT();
  const values = series.points.map((p) => p.value ?? 0);
  const top = Math.max(series.target ?? 0, ...values) || 1;
  const y = (v: number) => H - (v / top) * (H - 8);
  const step = W / series.points.length;
  const bar = Math.max(step * 0.7, 1);
  const first = series.points[0]!;
  const last = series.points.at(-1)!;
  const fig = (v: number | null) => figure(metric.kind, v, lang);
  const description = t('cdash.seriesChart', {
    metric: lang === 'vi' ? metric.nameVi : metric.nameEn,
    from,
    to: formatDate(last.date),
    last: fig(last.value),
    target: series.target === null ? t('cdash.noTarget') : fig(series.target),
  });
  return (
    <figure className="cdash-chart">
      <figcaption className="cdash-chart__caption">{description}</figcaption>
      <div className="cdash-chart__plot">
        <span className="cdash-chart__top" aria-hidden="true">
          {fig(top)}
        </span>
        {/* The caption says what the drawing shows; the table has every figure. */}
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
          className="cdash-chart__svg"
        >
          <line x1={0} y1={H} x2={W} y2={H} className="cdash-chart__axis" vectorEffect="non-scaling-stroke" />
          {series.points.map((p, i) =>
            p.value === null ? null : (
              <rect
                key={p.date}
                x={i * step + (step - bar) / 2}
                y={y(p.value)}
                width={bar}
                height={H - y(p.value)}
                className="cdash-chart__bar"
              />
            ),
          )}
          {series.target !== null && (
            <line
              x1={0}
              y1={y(series.target)}
              x2={W}
              y2={y(series.target)}
              className="cdash-chart__target"
              vectorEffect="non-scaling-stroke"
            />
          )}
        </svg>
      </div>
      <div className="cdash-chart__x" aria-hidden="true">
        <span>{label(first.date)}</span>
        {series.points.length > 1 && <span>{label(last.date)}</span>}
      </div>
      {series.target !== null && (
        <p className="cdash-chart__key" aria-hidden="true">
          <span className="cdash-chart__swatch cdash-chart__swatch--bar" /> {t('cdash.value')}{' '}
          <span className="cdash-chart__swatch cdash-chart__swatch--target" /> {t('cdash.target')} {fig(series.target)}
        </p>
      )}
    </figure>
  );
}
