/**
 * The progress engine (docs/campaign-progress.md, "values and targets"): pure functions from a
 * campaign's configuration and the facts of one day to value / target / progress per unit and metric.
 * Everything is summed up the unit tree by materialised path, so a parent is always the sum of its
 * subtree; a rate is the ratio of the rolled-up counts, never an average of the children's ratios.
 */
import type { KpiRateIndicator, MetricKind, MetricSource, TargetLevel, TargetOrigin, UnitKind } from '@motcua/contracts';
import { vnCollator } from '@motcua/contracts';
import { rate, targetLevelsFor, type Figures } from '../kpi/kpi.points.ts';

export interface EngineUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  subtype: string;
  path: string;
  parentId: number | null;
  /** Valid on the day asked: shown in the tree. Invalid units still pass their data up by path. */
  valid: boolean;
}

export interface EngineMetric {
  code: string;
  kind: MetricKind;
  source: MetricSource;
  numeratorCode: string | null;
  denominatorCode: string | null;
  kpiIndicator: string | null;
}

export interface EngineTarget {
  metricCode: string;
  unitId: number | null;
  level: TargetLevel | null;
  value: number;
}

/** What the sources say for one day (see campaign-progress.sources.ts). */
export interface DayFacts {
  /** Latest approved cumulative value per (partner, unit, metric) with periodEnd ≤ the day. */
  reports: { partnerId: number; unitId: number; metricCode: string; periodEnd: string; value: number }[];
  baselines: { metricCode: string; unitId: number; value: number }[];
  field: { unitId: number; listed: number; done: number; ineligible: number }[];
  desk: { unitId: number; successes: number; attempts: number }[];
  selfcheck: { unitId: number; staff: number; checked: number }[];
  /** Indicator figures per handling unit over the kpi window. */
  kpi: { unitId: number; figures: Figures }[];
}

export const emptyFacts = (): DayFacts => ({ reports: [], baselines: [], field: [], desk: [], selfcheck: [], kpi: [] });

export interface MetricValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  targetOrigin: TargetOrigin | null;
  progress: number | null;
}

/** Numerator and denominator of each indicator, exactly as kpi.points.ts ratesOf divides them. */
const KPI_PARTS: Record<KpiRateIndicator, (f: Figures) => [number, number]> = {
  online_rate: (f) => [f.received_online, f.received],
  on_time_rate: (f) => [f.finished_on_time, f.finished + f.overdue_unfinished],
  digitized_rate: (f) => [f.digitized, f.received],
  result_digitized_rate: (f) => [f.result_digitized, f.finished],
  reuse_rate: (f) => [f.reused, f.received],
  payment_online_rate: (f) => [f.fee_online, f.fee_total],
  satisfaction_rate: (f) => [f.satisfied, f.finished],
};

export const isKpiIndicator = (s: string | null): s is KpiRateIndicator => s !== null && Object.hasOwn(KPI_PARTS, s);

/** A rate's or count's raw parts at one unit, before roll-up. */
interface Parts {
  num: number;
  den: number;
}

/** Only the latest period of each (partner, unit, metric) counts: partners send cumulative totals. */
export function latestReported(reports: DayFacts['reports'], asOf: string): DayFacts['reports'] {
  const latest = new Map<string, DayFacts['reports'][number]>();
  for (const r of reports) {
    if (r.periodEnd > asOf) continue;
    const key = `${r.partnerId}|${r.unitId}|${r.metricCode}`;
    const seen = latest.get(key);
    if (!seen || seen.periodEnd < r.periodEnd) latest.set(key, r);
  }
  return [...latest.values()];
}

/** The contributions of the units that hold data, per metric (rates with a numerator/denominator pair come later). */
function leafParts(metrics: EngineMetric[], facts: DayFacts, asOf: string): Map<string, Map<number, Parts>> {
  const out = new Map<string, Map<number, Parts>>();
  const add = (metric: string, unitId: number, num: number, den: number) => {
    const m = out.get(metric) ?? new Map<number, Parts>();
    out.set(metric, m);
    const p = m.get(unitId) ?? { num: 0, den: 0 };
    p.num += num;
    p.den += den;
    m.set(unitId, p);
  };
  const reports = latestReported(facts.reports, asOf);
  for (const m of metrics) {
    if (m.kind === 'rate' && m.numeratorCode && m.denominatorCode) continue;
    switch (m.source) {
      case 'report':
        for (const r of reports) if (r.metricCode === m.code) add(m.code, r.unitId, r.value, 0);
        break;
      case 'baseline':
        for (const b of facts.baselines) if (b.metricCode === m.code) add(m.code, b.unitId, b.value, 0);
        break;
      case 'field':
        // Seed 003 V.2.d: "danh sách công dân không đủ điều kiện (tính tỷ lệ)" — the ineligible leave the denominator.
        for (const f of facts.field) add(m.code, f.unitId, f.done, f.listed - f.ineligible);
        break;
      case 'desk':
        for (const d of facts.desk) add(m.code, d.unitId, d.successes, d.attempts);
        break;
      case 'selfcheck':
        for (const s of facts.selfcheck) add(m.code, s.unitId, s.checked, s.staff);
        break;
      case 'kpi':
        if (isKpiIndicator(m.kpiIndicator)) {
          const parts = KPI_PARTS[m.kpiIndicator];
          for (const k of facts.kpi) add(m.code, k.unitId, ...parts(k.figures));
        }
        break;
    }
  }
  return out;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface ProgressResult {
  /** unit id → metric code → value. Every unit of `units` has an entry for every metric. */
  values: Map<number, Map<string, MetricValue>>;
  children: Map<number, EngineUnit[]>;
}

/**
 * Values, targets and progress of every unit and metric on one day. `units` must hold every unit the
 * facts name (valid or not, for their paths) and the valid tree to show.
 */
export function computeProgress(input: {
  units: EngineUnit[];
  metrics: EngineMetric[];
  targets: EngineTarget[];
  facts: DayFacts;
  asOf: string;
}): ProgressResult {
  const { units, metrics, targets, facts, asOf } = input;
  const byId = new Map(units.map((u) => [u.id, u]));
  const ancestorIds = (unitId: number): number[] => {
    const u = byId.get(unitId);
    return u ? u.path.split('/').filter(Boolean).map(Number) : [];
  };

  // Roll the leaf contributions up to every ancestor.
  const leaves = leafParts(metrics, facts, asOf);
  const rolled = new Map<string, Map<number, Parts>>();
  for (const [metric, perUnit] of leaves) {
    const acc = new Map<number, Parts>();
    for (const [unitId, p] of perUnit)
      for (const a of ancestorIds(unitId)) {
        const cur = acc.get(a) ?? { num: 0, den: 0 };
        cur.num += p.num;
        cur.den += p.den;
        acc.set(a, cur);
      }
    rolled.set(metric, acc);
  }

  const raw = (metric: EngineMetric, unitId: number): Pick<MetricValue, 'value' | 'numerator' | 'denominator'> => {
    if (metric.kind === 'rate' && metric.numeratorCode && metric.denominatorCode) {
      const n = rolled.get(metric.numeratorCode)?.get(unitId)?.num ?? 0;
      const d = rolled.get(metric.denominatorCode)?.get(unitId)?.num ?? 0;
      return { value: rate(n, d), numerator: n, denominator: d };
    }
    const p = rolled.get(metric.code)?.get(unitId) ?? { num: 0, den: 0 };
    if (metric.kind === 'count') return { value: p.num, numerator: null, denominator: null };
    return { value: rate(p.num, p.den), numerator: p.num, denominator: p.den };
  };

  const children = new Map<number, EngineUnit[]>();
  for (const u of units)
    if (u.valid && u.parentId !== null && byId.get(u.parentId)?.valid)
      children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);

  const values = new Map<number, Map<string, MetricValue>>();
  for (const u of units) {
    const m = new Map<string, MetricValue>();
    for (const metric of metrics) m.set(metric.code, { ...raw(metric, u.id), target: null, targetOrigin: null, progress: null });
    values.set(u.id, m);
  }

  // Targets: the unit's own, else a level target, else derived from the children (memoised, bottom-up).
  const done = new Set<string>();
  const targetOf = (u: EngineUnit, metric: EngineMetric): void => {
    const key = `${u.id}|${metric.code}`;
    if (done.has(key)) return;
    done.add(key);
    const cell = values.get(u.id)!.get(metric.code)!;
    const mine = targets.filter((t) => t.metricCode === metric.code);
    const own = mine.find((t) => t.unitId === u.id);
    const level = own
      ? undefined
      : targetLevelsFor(u)
          .map((l) => mine.find((t) => t.unitId === null && t.level === l))
          .find((t) => t);
    if (own || level) {
      cell.target = (own ?? level)!.value;
      cell.targetOrigin = own ? 'unit' : 'level';
    } else {
      const kids = children.get(u.id) ?? [];
      kids.forEach((k) => targetOf(k, metric));
      const cells = kids.map((k) => values.get(k.id)!.get(metric.code)!);
      if (metric.kind === 'count') {
        const withTarget = cells.filter((c) => c.target !== null);
        if (withTarget.length) {
          cell.target = withTarget.reduce((s, c) => s + c.target!, 0);
          cell.targetOrigin = 'children';
        }
      } else {
        // A rate target implied by the children's: Σ target × denominator ÷ Σ denominator, only when
        // every child that has a denominator has a target (otherwise the implied target is unknown).
        const weighted = cells.filter((c) => (c.denominator ?? 0) > 0);
        if (weighted.length && weighted.every((c) => c.target !== null)) {
          const den = weighted.reduce((s, c) => s + c.denominator!, 0);
          cell.target = round4(weighted.reduce((s, c) => s + c.target! * c.denominator!, 0) / den);
          cell.targetOrigin = 'children';
        }
      }
    }
    cell.progress = cell.target !== null && cell.target > 0 && cell.value !== null ? round4(cell.value / cell.target) : null;
  };
  for (const u of units) if (u.valid) for (const metric of metrics) targetOf(u, metric);
  return { values, children };
}

const ADMINISTRATIVE: readonly UnitKind[] = ['province', 'district', 'commune'];

/**
 * The children shown under a unit: administrative units always; agencies (carriers, departments) only
 * when they hold a figure or a target of their own, so the tree is not cluttered with every sở.
 */
export function shownChildren(result: ProgressResult, unitId: number): EngineUnit[] {
  const kids = result.children.get(unitId) ?? [];
  const relevant = kids.filter((k) => {
    if (ADMINISTRATIVE.includes(k.kind)) return true;
    const cells = [...result.values.get(k.id)!.values()];
    return cells.some((c) => (c.value !== null && c.value !== 0) || (c.denominator ?? 0) > 0 || c.targetOrigin === 'unit');
  });
  return relevant.sort(byKindThenName);
}

export function byKindThenName(a: EngineUnit, b: EngineUnit): number {
  const ka = ADMINISTRATIVE.includes(a.kind) ? 0 : 1;
  const kb = ADMINISTRATIVE.includes(b.kind) ? 0 : 1;
  return ka - kb || vnCollator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Communes of the subtree of `rootId` ranked by progress on one metric, highest first; units without
 * a progress figure last; ties by name in Vietnamese order.
 */
export function rankCommunes(result: ProgressResult, units: EngineUnit[], root: EngineUnit, metric: string) {
  const communes = units.filter((u) => u.valid && u.kind === 'commune' && u.path.startsWith(root.path));
  const cell = (u: EngineUnit) => result.values.get(u.id)!.get(metric)!;
  const sorted = communes.sort((a, b) => {
    const pa = cell(a).progress;
    const pb = cell(b).progress;
    if (pa !== pb) {
      if (pa === null) return 1;
      if (pb === null) return -1;
      return pb - pa;
    }
    return vnCollator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1);
  });
  // Equal progress shares a rank (1, 1, 3 …), as a leaderboard reads.
  let rank = 0;
  let prev: number | null | undefined;
  return sorted.map((u, i) => {
    const c = cell(u);
    if (i === 0 || c.progress !== prev) rank = i + 1;
    prev = c.progress;
    return { rank, unit: u, value: c.value, target: c.target, progress: c.progress };
  });
}
