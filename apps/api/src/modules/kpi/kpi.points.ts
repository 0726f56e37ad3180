/**
 * The formulas of DESIGN §4.2 in one place (docs/indicators.md): period figures → rates → points,
 * and which target applies to a unit. Pure functions, unit-tested with hand-computed cases.
 */
import type { KpiPoints, KpiRateIndicator, KpiTargetGap, TargetLevel, UnitKind } from '@motcua/contracts';
import { KPI_RATE_INDICATORS } from '@motcua/contracts';

/** Sums over a period and a set of units; every one additive, so a subtree is the sum of its units. */
export interface Figures {
  received: number;
  received_online: number;
  digitized: number;
  reused: number;
  fee_total: number;
  fee_online: number;
  finished: number;
  finished_on_time: number;
  result_digitized: number;
  satisfied: number;
  overdue_unfinished: number;
}
export const FIGURE_KEYS = [
  'received',
  'received_online',
  'digitized',
  'reused',
  'fee_total',
  'fee_online',
  'finished',
  'finished_on_time',
  'result_digitized',
  'satisfied',
  'overdue_unfinished',
] as const satisfies readonly (keyof Figures)[];

export const zeroFigures = (): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as unknown as Figures;

export function sumFigures(list: Figures[]): Figures {
  const out = zeroFigures();
  for (const f of list) for (const k of FIGURE_KEYS) out[k] += f[k];
  return out;
}

export const isEmptyFigures = (f: Figures) => FIGURE_KEYS.every((k) => f[k] === 0);

/** n ÷ d rounded half-up to 4 decimals; null when d = 0. One division, so 2/3 is 0.6667 exactly. */
export function rate(n: number, d: number): number | null {
  if (d === 0) return null;
  return Math.round((n * 10_000) / d) / 10_000;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export type Rates = Record<KpiRateIndicator, number | null>;

export function ratesOf(f: Figures): Rates {
  return {
    online_rate: rate(f.received_online, f.received),
    on_time_rate: rate(f.finished_on_time, f.finished + f.overdue_unfinished),
    digitized_rate: rate(f.digitized, f.received),
    result_digitized_rate: rate(f.result_digitized, f.finished),
    reuse_rate: rate(f.reused, f.received),
    payment_online_rate: rate(f.fee_online, f.fee_total),
    satisfaction_rate: rate(f.satisfied, f.finished),
  };
}

export interface ModelRow {
  indicator: string;
  indicatorName: string;
  group: string;
  groupName: string;
  max: number;
  threshold: number;
}

/** Full marks at or above the threshold, else rate × max ÷ threshold (2 decimals). */
export function pointsFor(r: number, max: number, threshold: number): number {
  return r >= threshold ? max : round2((r * max) / threshold);
}

/** Why an indicator of the model has no points; indicators not listed here have no data source yet. */
const NOT_COMPUTABLE: Record<string, string> = {
  status_published:
    'Chưa tính được: hệ thống chưa ghi thời điểm công khai/đồng bộ trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia.',
  full_process_procedures:
    'Chưa tính được: danh mục chưa ghi thủ tục nào "đủ điều kiện" cung cấp trực tuyến toàn trình (mẫu số).',
};
const NO_DENOMINATOR = 'Không có hồ sơ thuộc mẫu số trong kỳ.';

/**
 * Points of one row under a model. `rates` holds every indicator this module can compute (a
 * missing key = not computable); the total and its max cover computable indicators only.
 */
export function scorePoints(model: ModelRow[], rates: Partial<Record<string, number | null>>): KpiPoints {
  const indicators: KpiPoints['indicators'] = {};
  const groups: KpiPoints['groups'] = {};
  let total = 0;
  let max = 0;
  for (const m of model) {
    const g = (groups[m.group] ??= { name: m.groupName, points: null, max: 0 });
    g.max = round2(g.max + m.max);
    const computable = Object.hasOwn(rates, m.indicator);
    const r = computable ? (rates[m.indicator] ?? null) : null;
    const points = r === null ? null : pointsFor(r, m.max, m.threshold);
    const note = !computable
      ? (NOT_COMPUTABLE[m.indicator] ?? 'Chưa tính được trong phiên bản này.')
      : r === null
        ? NO_DENOMINATOR
        : null;
    indicators[m.indicator] = {
      name: m.indicatorName,
      group: m.group,
      rate: r,
      max: m.max,
      threshold: m.threshold,
      points,
      note,
    };
    if (points !== null) {
      g.points = round2((g.points ?? 0) + points);
      total += points;
      max += m.max;
    }
  }
  return { total: round2(total), max: round2(max), groups, indicators };
}

export interface UnitLike {
  id: number;
  kind: UnitKind;
  subtype: string;
}

const COMMUNE_SUBTYPE: Record<string, TargetLevel> = {
  Xã: 'commune_xa',
  Phường: 'commune_phuong',
  'Thị trấn': 'commune_thi_tran',
  'Đặc khu': 'commune_dac_khu',
};

/**
 * Level targets that may apply to a unit, most specific first. A provincial agency's dossiers are
 * provincial-level dossiers ("cấp tỉnh" in seed 003), so its chain ends with `province`.
 */
export function targetLevelsFor(u: Pick<UnitLike, 'kind' | 'subtype'>): TargetLevel[] {
  switch (u.kind) {
    case 'commune': {
      const sub = COMMUNE_SUBTYPE[u.subtype.normalize('NFC')];
      return [...(sub ? [sub] : []), 'commune', 'locality'];
    }
    case 'district':
      return ['district', 'locality'];
    case 'agency':
      return ['department', 'province'];
    case 'province':
      return ['province'];
  }
}

export interface TargetRow {
  unitId: number | null;
  level: TargetLevel | null;
  indicator: KpiRateIndicator;
  target: number;
}

/** Per indicator, the target that applies (the unit's own beats any level) and the gap to it. */
export function targetsFor(unit: UnitLike, targets: TargetRow[], rates: Rates): Record<string, KpiTargetGap> {
  const chain = targetLevelsFor(unit);
  const out: Record<string, KpiTargetGap> = {};
  for (const indicator of KPI_RATE_INDICATORS) {
    const mine = targets.filter((t) => t.indicator === indicator);
    const hit =
      mine.find((t) => t.unitId === unit.id) ??
      chain.map((l) => mine.find((t) => t.unitId === null && t.level === l)).find((t) => t !== undefined);
    if (!hit) continue;
    const r = rates[indicator];
    out[indicator] = { target: hit.target, gap: r === null ? null : round4(r - hit.target) };
  }
  return out;
}
