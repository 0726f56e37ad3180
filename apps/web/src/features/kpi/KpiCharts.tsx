/**
 * The dashboard's charts. The only module that imports ECharts, and it is itself loaded with
 * import() by the dashboard, so no other page pays for the library. Only the line and bar charts
 * and the grid are registered (echarts/core), with the canvas renderer (the smaller of the two).
 */
import { useEffect, useMemo, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { KpiRow } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { formatDecimal, formatPercent } from '../../lib/numbers.ts';
import { formatMonth } from './period.ts';
import type { TrendPoint } from './useKpiTrend.ts';

// No tooltip nor legend components: hover-only figures help no keyboard or screen reader user, and the
// legend is plain HTML below; the figures are in tables. Leaving them out saves a tenth of the chunk.
use([LineChart, BarChart, GridComponent, CanvasRenderer]);

type Option = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption>;

// GOV.UK palette: dark blue for the figure, black for the target; the target is also dashed and
// unmarked, so the two lines differ in shape, not in colour only.
const BLUE = '#1d70b8';
const BLACK = '#0b0c0c';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
/** The ranking shows every unit up to this many; beyond, the first and the last halves. */
const RANKING_MAX = 20;

/** An ECharts instance bound to a div, resized with it and disposed with the component. */
function Chart({ option, height, label }: { option: Option; height: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  // The picture is described in words; the same figures are in the tables of the page.
  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} />;
}

export interface KpiChartsProps {
  trend: TrendPoint[];
  trendUnit: string;
  units: KpiRow[];
}

export default function KpiCharts({ trend, trendUnit, units }: KpiChartsProps) {
  const { lang, t } = useT();
  const trendOption = useMemo<Option>(() => {
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    return {
      textStyle: { fontFamily: FONT },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: trend.map((p) => formatMonth(p.month)), axisLabel: { color: BLACK } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %', color: BLACK } },
      series: [
        {
          name: t('kpi.ind.online_rate'),
          type: 'line',
          data: trend.map((p) => pct(p.rate)),
          color: BLUE,
          lineStyle: { width: 3 },
          symbol: 'circle',
          symbolSize: 8,
          connectNulls: false,
        },
        {
          name: t('kpi.chart.target'),
          type: 'line',
          step: 'middle',
          data: trend.map((p) => pct(p.target)),
          color: BLACK,
          lineStyle: { type: 'dashed', width: 2 },
          symbol: 'none',
        },
      ],
    };
  }, [trend, t]);

  const ranked = useMemo(() => [...units].sort((a, b) => b.points.total - a.points.total), [units]);
  const shown = useMemo(
    () => (ranked.length > RANKING_MAX ? [...ranked.slice(0, RANKING_MAX / 2), ...ranked.slice(-RANKING_MAX / 2)] : ranked),
    [ranked],
  );
  // ECharts draws the first category at the bottom: reversed, the best unit is on top.
  const bars = useMemo(() => [...shown].reverse(), [shown]);
  const rankingOption = useMemo<Option>(
    () => ({
      textStyle: { fontFamily: FONT },
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', axisLabel: { color: BLACK } },
      yAxis: {
        type: 'category',
        data: bars.map((r) => r.unit_name),
        axisLabel: { color: BLACK, width: 140, overflow: 'truncate' },
      },
      series: [
        {
          name: t('kpi.col.points'),
          type: 'bar',
          data: bars.map((r) => r.points.total),
          color: BLUE,
          label: { show: true, position: 'right', color: BLACK, formatter: (p) => formatDecimal(Number(p.value), lang) },
        },
      ],
    }),
    [bars, lang, t],
  );

  const last = [...trend].reverse().find((p) => p.rate !== null);
  const trendLabel = t('kpi.chart.trendLabel', {
    unit: trendUnit,
    from: formatMonth(trend[0]?.month ?? ''),
    to: formatMonth(trend[trend.length - 1]?.month ?? ''),
    last: last ? `${formatMonth(last.month)}: ${formatPercent(last.rate, lang)}` : '—',
  });

  return (
    <div className="charts">
      <figure className="chart-figure">
        <figcaption className="chart-figure__caption">{t('kpi.chart.trend', { unit: trendUnit })}</figcaption>
        <Chart option={trendOption} height={260} label={trendLabel} />
        <ul className="chart-legend" aria-hidden="true">
          <li>
            <span className="chart-legend__line" /> {t('kpi.ind.online_rate')}
          </li>
          <li>
            <span className="chart-legend__line chart-legend__line--dashed" /> {t('kpi.chart.target')}
          </li>
        </ul>
        <details className="details">
          <summary className="details__summary">{t('kpi.chart.asTable')}</summary>
          <table className="table details__text">
            <thead>
              <tr>
                <th scope="col">{t('kpi.chart.month')}</th>
                <th scope="col" className="table__num">
                  {t('kpi.ind.online_rate')}
                </th>
                <th scope="col" className="table__num">
                  {t('kpi.chart.target')}
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.month}>
                  <th scope="row" className="table__name">
                    {formatMonth(p.month)}
                  </th>
                  <td className="table__num">{formatPercent(p.rate, lang)}</td>
                  <td className="table__num">{formatPercent(p.target, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
      {shown.length > 0 && (
        <figure className="chart-figure">
          <figcaption className="chart-figure__caption">
            {ranked.length > shown.length
              ? t('kpi.chart.rankingPart', { n: RANKING_MAX / 2, total: ranked.length })
              : t('kpi.chart.ranking')}
          </figcaption>
          <Chart
            option={rankingOption}
            height={Math.max(160, 40 + bars.length * 32)}
            label={t('kpi.chart.rankingLabel', { first: shown[0]!.unit_name })}
          />
        </figure>
      )}
    </div>
  );
}
