import type { ProgressMetricInfo, ProgressSeries, SeriesStep } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { withQuery } from '../../router/history.ts';
import { BandTag, figure } from './DashboardParts.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import { useDashboardT } from './useDashboardT.ts';

/** The step in the page's address: ?theo=ngay|tuan (week by default: carriers report weekly). */
export const STEP_PARAM: Record<SeriesStep, string> = { day: 'ngay', week: 'tuan' };
export const stepOf = (p: string | null): SeriesStep => (p === STEP_PARAM.day ? 'day' : 'week');

interface Props {
  /** /api/v1/campaigns/:code */
  base: string;
  /** The unit viewed (undefined: the viewer's own root unit). */
  unit: string | undefined;
  asOf: string;
  windowStart: string;
  metrics: ProgressMetricInfo[];
  metric: ProgressMetricInfo;
  by: SeriesStep;
  onChange: (next: { metric?: string; by?: SeriesStep }) => void;
}

/**
 * "Tiến độ theo ngày / theo tuần" (issue 5 §3: progress "by day and week"): one metric of the unit
 * viewed at the end of each day or ISO week, against its target — a chart for the eye and the same
 * figures as a table for screen readers and for copying.
 */
export function SeriesSection({ base, unit, asOf, windowStart, metrics, metric, by, onChange }: Props) {
  const { t, lang } = useDashboardT();
  const series = useApi<ProgressSeries>(withQuery(`${base}/series`, { metric: metric.code, by, unit, asOf }));
  const name = lang === 'vi' ? metric.nameVi : metric.nameEn;
  return (
    <section aria-labelledby="cdash-series-title" className="cdash-series">
      <h2 className="heading-m" id="cdash-series-title">
        {t('cdash.series')}
      </h2>
      <div className="cdash-series__controls">
        <div className="form-group">
          <label className="label" htmlFor="cdash-series-metric">
            {t('cdash.metric')}
          </label>
          <select
            id="cdash-series-metric"
            className="input select"
            value={metric.code}
            onChange={(e) => onChange({ metric: e.target.value })}
          >
            {metrics.map((m) => (
              <option key={m.code} value={m.code}>
                {lang === 'vi' ? m.nameVi : m.nameEn}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('cdash.seriesBy')}</legend>
          <div className="radios radios--inline">
            {(['day', 'week'] as const).map((s) => (
              <div className="radios__item" key={s}>
                <input
                  className="radios__input"
                  type="radio"
                  id={`cdash-series-${s}`}
                  name="cdash-series-by"
                  value={s}
                  checked={by === s}
                  onChange={() => onChange({ by: s })}
                />
                <label className="radios__label" htmlFor={`cdash-series-${s}`}>
                  {t(`cdash.seriesBy.${s}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {series.status === 'loading' && <Loading />}
      {series.status === 'error' && <ApiErrorNotice title={t('cdash.errorTitle')} error={series.error} onRetry={series.retry} />}
      {series.status === 'ok' &&
        (series.data.points.length === 0 ? (
          <p>{t('cdash.seriesEmpty')}</p>
        ) : (
          <>
            <SeriesChart
              metric={metric}
              series={series.data}
              from={formatDate(periodStart(series.data.points[0]!.date, by, windowStart))}
              label={(d) => periodLabel(d, by, windowStart)}
            />
            <SeriesTable
              metric={metric}
              series={series.data}
              caption={t(`cdash.seriesCaption.${by}`, { metric: name, unit: series.data.unitName, date: formatDate(asOf) })}
              label={(d) => periodLabel(d, by, windowStart)}
            />
          </>
        ))}
    </section>
  );
}

/** The first day of a point's period: the day itself, or the week's Monday clipped to the campaign's start. */
export function periodStart(date: string, by: SeriesStep, windowStart: string): string {
  if (by === 'day') return date;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const monday = d.toISOString().slice(0, 10);
  return monday < windowStart ? windowStart : monday;
}

/** A day as "10/05/2026"; a week as "04/05/2026 – 10/05/2026". */
export function periodLabel(date: string, by: SeriesStep, windowStart: string): string {
  return by === 'day' ? formatDate(date) : `${formatDate(periodStart(date, by, windowStart))} – ${formatDate(date)}`;
}

interface TableProps {
  metric: ProgressMetricInfo;
  series: ProgressSeries;
  caption: string;
  label: (date: string) => string;
}

function SeriesTable({ metric, series, caption, label }: TableProps) {
  const { t, lang } = useDashboardT();
  return (
    <div className="table-wrap">
      <table className="table table--stack cdash-series__table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(series.by === 'day' ? 'cdash.day' : 'cdash.week')}</th>
            <th scope="col" className="table__num">
              {t('cdash.value')}
            </th>
            <th scope="col" className="table__num">
              {t('cdash.target')}
            </th>
            <th scope="col">{t('cdash.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => (
            <tr key={p.date}>
              <th scope="row" className="table__name">
                {label(p.date)}
              </th>
              <td className="table__num" data-label={t('cdash.value')}>
                {figure(metric.kind, p.value, lang)}
              </td>
              <td className="table__num" data-label={t('cdash.target')}>
                {figure(metric.kind, series.target, lang)}
              </td>
              <td data-label={t('cdash.progress')}>
                <BandTag progress={p.progress} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
