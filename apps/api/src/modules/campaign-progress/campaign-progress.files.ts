/**
 * The data of the daily and weekly report files and of the chairman's summary, per the seeds'
 * reporting regime (docs/campaign-progress.md, "report files"):
 * - seed 003 VII.2.a: "Định kỳ hàng ngày … thống kê kết quả … đối với từng đơn vị cấp xã" — the daily
 *   file, one row per commune, figures at the end of the day and the change since the day before;
 * - seed 003 VII.2.a: "Định kỳ thứ Hai hàng tuần … đối với từng đơn vị cấp huyện" and seed 002 IV.4.e:
 *   "Định kỳ hằng tuần tổng hợp kết quả (số lượng thuê bao đã xác thực, số lượng thuê bao bị khóa...)"
 *   — the weekly file, figures at the end of the ISO week (Sunday, clipped to the window), the change
 *   over the week, and the partners' reporting that week. Since 1/7/2025 there are no districts: the
 *   rows are the units one level below the caller's root (the communes of a province).
 */
import type { CampaignTimeliness, MetricForecast, MetricSource, SeriesStep } from '@motcua/contracts';
import { addDays, weekdayOf } from '../calendar/calendar.dates.ts';
import type { EngineUnit, MetricValue, ProgressResult } from './campaign-progress.engine.ts';
import { rankCommunes, shownChildren } from './campaign-progress.engine.ts';
import type { MetricRow } from './campaign-progress.repo.ts';
import { forecastsOf, progressOn, timelinessFor, type Scope } from './campaign-progress.service.ts';

export interface ReportRow {
  unit: EngineUnit;
  cells: Map<string, MetricValue>;
  before: Map<string, MetricValue>;
}

export interface ReportData {
  campaign: { code: string; name: string; legalBasis: string; windowStart: string; windowEnd: string };
  period: SeriesStep;
  /** Figures at the end of this day. */
  asOf: string;
  /** The day compared with (the day before, or the end of the week before). */
  previous: string;
  periodStart: string;
  root: EngineUnit;
  metrics: MetricRow[];
  total: ReportRow;
  rows: ReportRow[];
  timeliness: CampaignTimeliness;
  forecasts: MetricForecast[];
}

/** The period a file covers: the day itself, or the ISO week (Monday–Sunday) of `date`, clipped to the window. */
export function reportPeriod(period: SeriesStep, date: string, windowStart: string, windowEnd: string) {
  if (period === 'day') return { periodStart: date, asOf: date, previous: addDays(date, -1) };
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  const sunday = addDays(monday, 6);
  const periodStart = monday < windowStart ? windowStart : monday;
  const asOf = sunday > windowEnd ? windowEnd : sunday;
  return { periodStart, asOf, previous: addDays(periodStart, -1) };
}

export async function reportData(s: Scope, period: SeriesStep, date: string): Promise<ReportData> {
  const c = s.access.campaign;
  const p = reportPeriod(period, date, c.window_start, c.window_end);
  const [now, before, timeliness, forecasts] = await Promise.all([
    progressOn(s, { asOf: p.asOf }),
    progressOn(s, { asOf: p.previous }),
    timelinessFor(s, p.asOf),
    forecastsOf(s, s.root, p.asOf),
  ]);
  const row = (u: EngineUnit): ReportRow => ({ unit: u, cells: now.values.get(u.id)!, before: before.values.get(u.id)! });
  return {
    campaign: { code: c.code, name: c.name, legalBasis: c.legal_basis, windowStart: c.window_start, windowEnd: c.window_end },
    period,
    ...p,
    root: s.root,
    metrics: s.config.metrics,
    total: row(s.root),
    rows: shownChildren(now, s.root.id).map(row),
    timeliness,
    forecasts,
  };
}

/** Metric groups: one sheet each, in this order (sources a coordinator recognises). */
export const METRIC_GROUPS: { name: string; sources: MetricSource[] }[] = [
  { name: 'Báo cáo đối tác', sources: ['report', 'baseline'] },
  { name: 'Tổ công tác', sources: ['field'] },
  { name: 'Hỗ trợ tại Một cửa', sources: ['desk', 'selfcheck'] },
  { name: 'Dịch vụ công trực tuyến', sources: ['kpi'] },
];

export interface SummaryData {
  report: ReportData;
  /** The metric communes are ranked on: the first rate with a target, else the first metric with one. */
  headline: MetricRow | null;
  top: ReturnType<typeof rankCommunes>;
  bottom: ReturnType<typeof rankCommunes>;
}

export async function summaryData(s: Scope, asOf: string): Promise<SummaryData> {
  const report = await reportData(s, 'day', asOf);
  const withTarget = s.config.metrics.filter((m) => report.total.cells.get(m.code)?.target !== null);
  const headline = withTarget.find((m) => m.kind === 'rate') ?? withTarget[0] ?? null;
  let top: SummaryData['top'] = [];
  let bottom: SummaryData['bottom'] = [];
  if (headline) {
    const now: ProgressResult = await progressOn(s, { asOf: report.asOf });
    const ranked = rankCommunes(now, s.units, s.root, headline.code).filter((r) => r.progress !== null);
    top = ranked.slice(0, 5);
    // The bottom five never repeat a commune of the top five.
    bottom = ranked.slice(Math.max(5, ranked.length - 5)).reverse();
  }
  return { report, headline, top, bottom };
}
