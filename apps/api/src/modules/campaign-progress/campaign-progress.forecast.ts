/**
 * Forecasts and reporting timeliness (docs/campaign-progress.md): pure functions, hand-tested.
 *
 * Forecast: at the current pace — the increase over the last 7 days, or since the window start when
 * the campaign is younger — when is the target reached, or how much is missing at the window end?
 * Nothing is counted before the window starts, so the value on the eve of the window is 0.
 *
 * Timeliness (DHIS2's reporting rates): per partner, the reports expected by a day (every period whose
 * due date has passed, campaigns.periods.ts), how many arrived, how many on time.
 */
import type { ForecastStatus, MetricForecast, PartnerCadence } from '@motcua/contracts';
import { addDays, daysBetween } from '../calendar/calendar.dates.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { expectedBy, type PeriodRule, type ReportingPeriod } from '../campaigns/campaigns.periods.ts';

export const LOOKBACK_DAYS = 7;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface ForecastInput {
  metric: string;
  /** Value at the end of each day from the window start to asOf (missing days count as 0). */
  valueOn: (day: string) => number | null;
  target: number | null;
  asOf: string;
  windowStart: string;
  windowEnd: string;
}

export function forecastMetric(i: ForecastInput): MetricForecast {
  const value = i.valueOn(i.asOf);
  const base = {
    metric: i.metric,
    value,
    target: i.target,
    pacePerDay: null,
    lookbackDays: 0,
    reachDate: null,
    projectedAtEnd: null,
    shortfall: null,
  };
  const out = (status: ForecastStatus, more: Partial<MetricForecast> = {}): MetricForecast => ({ ...base, status, ...more });
  if (i.target === null) return out('no_target');
  if (value === null || i.asOf < i.windowStart) return out('no_data');
  if (value >= i.target) return out('reached');

  const lookbackDays = Math.min(LOOKBACK_DAYS, daysBetween(i.windowStart, i.asOf) + 1);
  const from = addDays(i.asOf, -lookbackDays);
  const before = from < i.windowStart ? 0 : (i.valueOn(from) ?? 0);
  const pace = (value - before) / lookbackDays;
  const remaining = Math.max(0, daysBetween(i.asOf, i.windowEnd));
  const projectedAtEnd = round4(value + Math.max(0, pace) * remaining);
  if (pace <= 0)
    return out('no_progress', {
      pacePerDay: round4(pace),
      lookbackDays,
      projectedAtEnd: value,
      shortfall: round4(i.target - value),
    });
  const reachDate = addDays(i.asOf, Math.ceil(round4((i.target - value) / pace)));
  const onTrack = reachDate <= i.windowEnd;
  return out(onTrack ? 'on_track' : 'behind', {
    pacePerDay: round4(pace),
    lookbackDays,
    reachDate,
    projectedAtEnd,
    shortfall: onTrack ? null : round4(i.target - projectedAtEnd),
  });
}

export interface ReceivedReport {
  partnerId: number;
  periodEnd: string;
  receivedAt: Date;
  late: boolean;
}

export interface TimelinessRow {
  expected: number;
  received: number;
  onTime: number;
  completeness: number | null;
  timeliness: number | null;
  missing: { periodEnd: string; dueDate: string }[];
  late: { periodEnd: string; dueDate: string }[];
}

const ratio = (n: number, d: number) => (d === 0 ? null : round4(n / d));

/**
 * One partner's reporting rates by `asOf`. A report counts as received when it arrived by the end of
 * `asOf` (Việt Nam) for a period that was due by then — whatever the coordinator decided on it later;
 * on time unless flagged late when it arrived (partner-reports decides lateness).
 */
export function timelinessOf(
  rule: PeriodRule & { cadence: PartnerCadence },
  reports: ReceivedReport[],
  asOf: string,
): TimelinessRow {
  const expected: ReportingPeriod[] = expectedBy(rule, asOf);
  const firstByPeriod = new Map<string, ReceivedReport>();
  for (const r of reports) {
    if (vnDateOf(r.receivedAt) > asOf) continue;
    const seen = firstByPeriod.get(r.periodEnd);
    if (!seen || seen.receivedAt > r.receivedAt) firstByPeriod.set(r.periodEnd, r);
  }
  const missing: TimelinessRow['missing'] = [];
  const late: TimelinessRow['late'] = [];
  let received = 0;
  let onTime = 0;
  for (const p of expected) {
    const r = firstByPeriod.get(p.periodEnd);
    if (!r) {
      missing.push({ periodEnd: p.periodEnd, dueDate: p.dueDate });
      continue;
    }
    received++;
    if (r.late) late.push({ periodEnd: p.periodEnd, dueDate: p.dueDate });
    else onTime++;
  }
  return {
    expected: expected.length,
    received,
    onTime,
    completeness: ratio(received, expected.length),
    timeliness: ratio(onTime, expected.length),
    missing,
    late,
  };
}

export function totalTimeliness(rows: TimelinessRow[]) {
  const expected = rows.reduce((s, r) => s + r.expected, 0);
  const received = rows.reduce((s, r) => s + r.received, 0);
  const onTime = rows.reduce((s, r) => s + r.onTime, 0);
  return { expected, received, onTime, completeness: ratio(received, expected), timeliness: ratio(onTime, expected) };
}
