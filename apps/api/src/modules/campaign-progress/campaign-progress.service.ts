/**
 * Campaign progress (DESIGN §3.9, docs/campaign-progress.md): progress tree, series, ranking,
 * forecast and partner timeliness, every one restricted to the caller's part of the campaign area
 * (campaignAccess … 'campaign.read'). A partner reporter gets 403: the figures add up every carrier's
 * reports, and a carrier must not read another carrier's (issue 5, acceptance); it sees its own
 * reports on the partner-report pages. Knows no HTTP.
 */
import type {
  CampaignProgress,
  CampaignTimeliness,
  MetricSource,
  ProgressForecast,
  ProgressRanking,
  ProgressSeries,
  SeriesStep,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { vnToday } from '../../shared/dates.ts';
import type { Actor } from '../../shared/policy.ts';
import { addDays } from '../calendar/calendar.dates.ts';
import { campaignAccess, type CampaignAccess } from '../campaigns/campaigns.access.ts';
import { periodsOf } from '../campaigns/campaigns.periods.ts';
import {
  computeProgress,
  emptyFacts,
  rankCommunes,
  shownChildren,
  type DayFacts,
  type EngineUnit,
  type ProgressResult,
} from './campaign-progress.engine.ts';
import { forecastMetric, timelinessOf, totalTimeliness } from './campaign-progress.forecast.ts';
import { presentUnit } from './campaign-progress.presenter.ts';
import * as repo from './campaign-progress.repo.ts';
import { dbSources, type ProgressSources } from './campaign-progress.sources.ts';

/** Everything one request needs: who may see what, the configuration, the area's units. */
export interface Scope {
  access: CampaignAccess;
  config: repo.CampaignConfig;
  units: EngineUnit[];
  /** The unit the caller sees the campaign from (the area, or their own commune). */
  root: EngineUnit;
  sources: ProgressSources;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** 'campaign.read' in the caller's scope; partners are turned away (see the header). */
export async function readScope(db: Db, actor: Actor | null, ref: string, at?: string, sources = dbSources(db)): Promise<Scope> {
  const access = await campaignAccess(db, actor, ref, 'campaign.read');
  if (access.partnerId !== null) throw errors.forbidden({ action: 'campaign.read', reason: 'partner_reporter' });
  const c = access.campaign;
  // The tree of the day asked, kept inside the window (units changed on 1/7/2025).
  const treeDay = maxDate(c.window_start, minDate(at ?? vnToday(), c.window_end));
  const [config, units] = await Promise.all([repo.loadConfig(db, c.id), repo.unitsOfArea(db, c.scope_path, treeDay)]);
  const root = units.find((u) => u.path === access.scopePath);
  if (!root) throw errors.notFound(`đơn vị của chiến dịch ${c.code}`, `Campaign area of ${c.code}`);
  return { access, config, units, root, sources };
}

/** A unit of the caller's part of the area, by code; 404 outside it (its existence is not disclosed). */
export function unitInScope(s: Scope, code: string | undefined): EngineUnit {
  if (!code) return s.root;
  const u = s.units.find((x) => x.code === code && x.valid && x.path.startsWith(s.root.path));
  if (!u) throw errors.notFound(`đơn vị ${code} trong phạm vi chiến dịch`, `Unit ${code} in the campaign scope`);
  return u;
}

export function metricOf(s: Scope, code: string) {
  const m = s.config.metrics.find((x) => x.code === code);
  if (!m)
    throw errors.validation(
      [{ field: 'metric', message: 'không có trong chiến dịch' }],
      `Chiến dịch không có chỉ tiêu "${code}".`,
    );
  return m;
}

/** Sources a set of metrics reads (a rate of two metrics reads theirs). */
function sourcesNeeded(s: Scope, codes?: string[]): Set<MetricSource> {
  const byCode = new Map(s.config.metrics.map((m) => [m.code, m]));
  const out = new Set<MetricSource>();
  const visit = (code: string) => {
    const m = byCode.get(code);
    if (!m) return;
    if (m.kind === 'rate' && m.numeratorCode && m.denominatorCode) {
      visit(m.numeratorCode);
      visit(m.denominatorCode);
    } else out.add(m.source);
  };
  (codes ?? [...byCode.keys()]).forEach(visit);
  return out;
}

export interface FactsWindow {
  asOf: string;
  /** The kpi metrics' window; by default window start … min(asOf, window end). */
  kpiFrom?: string;
  kpiTo?: string;
}

/** The facts of one day; approved values may be passed in when several days share them. */
export async function factsOn(
  s: Scope,
  w: FactsWindow,
  needs = sourcesNeeded(s),
  reports?: DayFacts['reports'],
): Promise<DayFacts> {
  const c = s.access.campaign;
  const facts = emptyFacts();
  facts.baselines = s.config.baselines;
  const kpiFrom = w.kpiFrom ?? c.window_start;
  const kpiTo = w.kpiTo ?? minDate(w.asOf, c.window_end);
  await Promise.all([
    needs.has('report') &&
      (reports ? (facts.reports = reports) : s.sources.approvedValues(c.id, w.asOf).then((r) => (facts.reports = r))),
    needs.has('field') && s.sources.fieldCounts(c.id, w.asOf).then((r) => (facts.field = r)),
    needs.has('desk') && s.sources.deskCounts(c.id, w.asOf).then((r) => (facts.desk = r)),
    needs.has('selfcheck') && s.sources.selfCheckCounts(c.scope_path, w.asOf).then((r) => (facts.selfcheck = r)),
    needs.has('kpi') && kpiFrom <= kpiTo && s.sources.kpiFigures(c.scope_path, kpiFrom, kpiTo).then((r) => (facts.kpi = r)),
  ]);
  return facts;
}

export async function progressOn(
  s: Scope,
  w: FactsWindow,
  codes?: string[],
  reports?: DayFacts['reports'],
): Promise<ProgressResult> {
  const facts = await factsOn(s, w, sourcesNeeded(s, codes), reports);
  return computeProgress({ units: s.units, metrics: s.config.metrics, targets: s.config.targets, facts, asOf: w.asOf });
}

export interface ProgressQuery {
  asOf?: string;
  unit?: string;
  round?: number;
}

/** GET …/progress: the unit (default: the caller's root) and its children, value / target / progress per metric. */
export async function progress(
  db: Db,
  actor: Actor | null,
  ref: string,
  q: ProgressQuery,
  sources?: ProgressSources,
): Promise<CampaignProgress> {
  let asOf = q.asOf ?? vnToday();
  const s = await readScope(db, actor, ref, asOf, sources);
  let window: FactsWindow = { asOf };
  if (q.round !== undefined) {
    // A round of seed 003 VII.2.b: its statistics window, figures as of its last day.
    const round = s.config.rounds.find((r) => r.seq === q.round);
    if (!round) throw errors.notFound(`đợt báo cáo ${q.round}`, `Round ${q.round}`);
    asOf = round.statsTo;
    window = { asOf, kpiFrom: round.statsFrom, kpiTo: round.statsTo };
  }
  const unit = unitInScope(s, q.unit);
  const result = await progressOn(s, window);
  const c = s.access.campaign;
  return {
    campaignCode: c.code,
    campaignName: c.name,
    windowStart: c.window_start,
    windowEnd: c.window_end,
    asOf,
    kpiFrom: window.kpiFrom ?? c.window_start,
    round: q.round ?? null,
    metrics: s.config.metrics.map((m) => ({ code: m.code, nameVi: m.nameVi, nameEn: m.nameEn, kind: m.kind, source: m.source })),
    unit: presentUnit(result, unit, s.config.metrics),
    children: shownChildren(result, unit.id).map((u) => presentUnit(result, u, s.config.metrics)),
  };
}

/** Days (or ISO week ends, clipped to the window) from the window start to asOf. */
export function seriesDates(windowStart: string, windowEnd: string, asOf: string, by: SeriesStep): string[] {
  const last = minDate(asOf, windowEnd);
  if (last < windowStart) return [];
  if (by === 'week')
    return periodsOf({ cadence: 'weekly', dueOffsetDays: 0, windowStart, windowEnd })
      .filter((p) => p.periodStart <= last)
      .map((p) => minDate(p.periodEnd, last));
  const out: string[] = [];
  for (let d = windowStart; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** GET …/series: one unit's value of one metric at each day or week end. */
export async function series(
  db: Db,
  actor: Actor | null,
  ref: string,
  q: { unit?: string; metric: string; by?: SeriesStep; asOf?: string },
  sources?: ProgressSources,
): Promise<ProgressSeries> {
  const asOf = q.asOf ?? vnToday();
  const s = await readScope(db, actor, ref, asOf, sources);
  const unit = unitInScope(s, q.unit);
  const metric = metricOf(s, q.metric);
  const by = q.by ?? 'day';
  const c = s.access.campaign;
  const dates = seriesDates(c.window_start, c.window_end, asOf, by);
  const codes = [metric.code];
  const needs = sourcesNeeded(s, codes);
  // One read of the approved values serves every point: the engine keeps periods ending by each day.
  const reports = needs.has('report') && dates.length ? await s.sources.approvedValues(c.id, dates.at(-1)!) : [];
  const points = [];
  let target: number | null = null;
  for (const date of dates) {
    const cell = (await progressOn(s, { asOf: date }, codes, reports)).values.get(unit.id)!.get(metric.code)!;
    target = cell.target;
    points.push({ date, value: cell.value, progress: cell.progress });
  }
  return { unitCode: unit.code, unitName: unit.name, metric: metric.code, by, target, points };
}

/** GET …/ranking: communes of the caller's scope by progress on a metric. */
export async function ranking(
  db: Db,
  actor: Actor | null,
  ref: string,
  q: { metric: string; asOf?: string },
  sources?: ProgressSources,
): Promise<ProgressRanking> {
  const asOf = q.asOf ?? vnToday();
  const s = await readScope(db, actor, ref, asOf, sources);
  const metric = metricOf(s, q.metric);
  const result = await progressOn(s, { asOf });
  const items = rankCommunes(result, s.units, s.root, metric.code).map((r) => ({
    rank: r.rank,
    code: r.unit.code,
    name: r.unit.name,
    value: r.value,
    target: r.target,
    progress: r.progress,
  }));
  return { metric: metric.code, asOf, items };
}

/** GET …/forecast: per metric with a target, the date it is reached at the current pace or the shortfall. */
export async function forecast(
  db: Db,
  actor: Actor | null,
  ref: string,
  q: { unit?: string; asOf?: string },
  sources?: ProgressSources,
): Promise<ProgressForecast> {
  const asOf = q.asOf ?? vnToday();
  const s = await readScope(db, actor, ref, asOf, sources);
  const unit = unitInScope(s, q.unit);
  return {
    unitCode: unit.code,
    unitName: unit.name,
    asOf,
    windowEnd: s.access.campaign.window_end,
    items: await forecastsOf(s, unit, asOf),
  };
}

/** Forecasts of every metric of a unit (also used by the report files). */
export async function forecastsOf(s: Scope, unit: EngineUnit, asOf: string) {
  const c = s.access.campaign;
  const cache = new Map<string, ProgressResult>();
  const reports = sourcesNeeded(s).has('report') ? await s.sources.approvedValues(c.id, asOf) : undefined;
  const at = async (day: string) => {
    let r = cache.get(day);
    if (!r) cache.set(day, (r = await progressOn(s, { asOf: day }, undefined, reports)));
    return r;
  };
  const now = await at(asOf);
  const out = [];
  for (const m of s.config.metrics) {
    const target = now.values.get(unit.id)!.get(m.code)!.target;
    // The days a forecast reads are few (asOf and one look-back day): computed on demand.
    const values = new Map<string, number | null>();
    for (const day of [asOf, addDays(asOf, -Math.min(7, Math.max(1, dayCount(c.window_start, asOf))))])
      if (day >= c.window_start) values.set(day, (await at(day)).values.get(unit.id)!.get(m.code)!.value);
    out.push(
      forecastMetric({
        metric: m.code,
        valueOn: (d) => (values.has(d) ? values.get(d)! : 0),
        target,
        asOf,
        windowStart: c.window_start,
        windowEnd: c.window_end,
      }),
    );
  }
  return out;
}

const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** GET …/timeliness: per partner, reports expected, received and on time by asOf (DHIS2 reporting rates). */
export async function timeliness(
  db: Db,
  actor: Actor | null,
  ref: string,
  q: { asOf?: string },
  sources?: ProgressSources,
): Promise<CampaignTimeliness> {
  const asOf = q.asOf ?? vnToday();
  const s = await readScope(db, actor, ref, asOf, sources);
  return timelinessFor(s, asOf);
}

export async function timelinessFor(s: Scope, asOf: string): Promise<CampaignTimeliness> {
  const c = s.access.campaign;
  const received = await s.sources.receivedReports(c.id);
  const rows = s.config.partners.map((p) => {
    const rule = {
      cadence: p.cadence,
      dueOffsetDays: p.dueOffsetDays,
      windowStart: c.window_start,
      windowEnd: c.window_end,
      rounds: s.config.rounds,
    };
    const t = timelinessOf(
      rule,
      received.filter((r) => r.partnerId === p.id),
      asOf,
    );
    return { partnerId: p.id, unitCode: p.unitCode, unitName: p.unitName, kind: p.kind, cadence: p.cadence, ...t };
  });
  return { asOf, items: rows, total: totalTimeliness(rows) };
}
