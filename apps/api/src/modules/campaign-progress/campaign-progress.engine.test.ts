/**
 * The progress engine over in-memory facts, every figure hand-computed (docs/campaign-progress.md).
 *
 * Tree: province P (/1/) → communes A "Long Xuyên" (/1/2/), B "Mỹ Hòa Hưng" (/1/3/), C "Bình Đức"
 * (/1/5/), the carrier V (/1/4/, an agency); X (/1/2/9/) is an old unit merged into A, no longer valid.
 */
import { describe, expect, it } from 'vitest';
import type { Figures } from '../kpi/kpi.points.ts';
import { ratesOf, zeroFigures } from '../kpi/kpi.points.ts';
import {
  computeProgress,
  emptyFacts,
  latestReported,
  rankCommunes,
  shownChildren,
  type DayFacts,
  type EngineMetric,
  type EngineTarget,
  type EngineUnit,
} from './campaign-progress.engine.ts';

const unit = (
  id: number,
  code: string,
  name: string,
  kind: EngineUnit['kind'],
  path: string,
  parentId: number | null,
  valid = true,
): EngineUnit => ({
  id,
  code,
  name,
  kind,
  subtype: kind === 'commune' ? 'Phường' : '',
  path,
  parentId,
  valid,
});
const P = unit(1, '91', 'Tỉnh An Giang', 'province', '/1/', null);
const A = unit(2, '30307', 'Long Xuyên', 'commune', '/1/2/', 1);
const B = unit(3, '30313', 'Mỹ Hòa Hưng', 'commune', '/1/3/', 1);
const V = unit(4, '91.VIETTEL', 'Viettel An Giang', 'agency', '/1/4/', 1);
const C = unit(5, '30316', 'Bình Đức', 'commune', '/1/5/', 1);
const X = unit(9, '30301', 'Phường cũ', 'commune', '/1/2/9/', 2, false);
const UNITS = [P, A, B, V, C, X];

const metric = (
  code: string,
  kind: EngineMetric['kind'],
  source: EngineMetric['source'],
  extra: Partial<EngineMetric> = {},
): EngineMetric => ({
  code,
  kind,
  source,
  numeratorCode: null,
  denominatorCode: null,
  kpiIndicator: null,
  ...extra,
});
const METRICS: EngineMetric[] = [
  metric('to_verify', 'count', 'baseline'),
  metric('verified', 'count', 'report'),
  metric('verified_rate', 'rate', 'report', { numeratorCode: 'verified', denominatorCode: 'to_verify' }),
  metric('activated', 'count', 'field'),
  metric('activation_rate', 'rate', 'field'),
  metric('selfcheck_rate', 'rate', 'selfcheck'),
  metric('online_rate', 'rate', 'kpi', { kpiIndicator: 'online_rate' }),
];
const TARGETS: EngineTarget[] = [
  { metricCode: 'verified_rate', unitId: null, level: 'commune', value: 1 },
  { metricCode: 'verified', unitId: A.id, level: null, value: 600 },
  { metricCode: 'activated', unitId: A.id, level: null, value: 50 },
  { metricCode: 'activated', unitId: B.id, level: null, value: 30 },
  { metricCode: 'activation_rate', unitId: null, level: 'commune', value: 0.8 },
];
const figures = (f: Partial<Figures>): Figures => ({ ...zeroFigures(), ...f });

function facts(): DayFacts {
  return {
    ...emptyFacts(),
    reports: [
      { partnerId: 1, unitId: A.id, metricCode: 'verified', periodEnd: '2026-05-03', value: 100 },
      { partnerId: 1, unitId: A.id, metricCode: 'verified', periodEnd: '2026-05-10', value: 250 },
      { partnerId: 1, unitId: B.id, metricCode: 'verified', periodEnd: '2026-05-03', value: 40 },
      { partnerId: 1, unitId: X.id, metricCode: 'verified', periodEnd: '2026-05-03', value: 7 },
      { partnerId: 2, unitId: A.id, metricCode: 'verified', periodEnd: '2026-05-10', value: 50 },
      { partnerId: 2, unitId: A.id, metricCode: 'verified', periodEnd: '2026-05-17', value: 999 },
    ],
    baselines: [
      { metricCode: 'to_verify', unitId: A.id, value: 1000 },
      { metricCode: 'to_verify', unitId: B.id, value: 400 },
    ],
    field: [
      { unitId: A.id, listed: 100, done: 40, ineligible: 20 },
      { unitId: B.id, listed: 50, done: 10, ineligible: 0 },
      { unitId: C.id, listed: 10, done: 5, ineligible: 0 },
    ],
    selfcheck: [
      { unitId: A.id, staff: 10, checked: 5 },
      { unitId: V.id, staff: 4, checked: 4 },
    ],
    kpi: [
      { unitId: A.id, figures: figures({ received: 10, received_online: 4 }) },
      { unitId: B.id, figures: figures({ received: 0 }) },
    ],
  };
}

const run = () => computeProgress({ units: UNITS, metrics: METRICS, targets: TARGETS, facts: facts(), asOf: '2026-05-10' });
const cell = (r: ReturnType<typeof run>, u: EngineUnit, m: string) => r.values.get(u.id)!.get(m)!;

describe('latestReported', () => {
  it('keeps the latest period on or before the day for each partner, unit and metric', () => {
    const kept = latestReported(facts().reports, '2026-05-10');
    expect(kept.map((r) => `${r.partnerId}/${r.unitId}/${r.periodEnd}/${r.value}`).sort()).toEqual([
      '1/2/2026-05-10/250',
      '1/3/2026-05-03/40',
      '1/9/2026-05-03/7',
      '2/2/2026-05-10/50',
    ]);
  });
});

describe('computeProgress', () => {
  it('sums partners’ latest cumulative values and rolls them up the tree, old units included by path', () => {
    const r = run();
    // A: Viettel 250 (latest of 100, 250) + MobiFone 50 (05-17 is after asOf) + X's 7 = 307.
    expect(cell(r, A, 'verified')).toMatchObject({ value: 307, target: 600, targetOrigin: 'unit', progress: 0.5117 });
    expect(cell(r, B, 'verified')).toMatchObject({ value: 40, target: null, progress: null });
    // The province's count target is the sum of its children's: only A has one.
    expect(cell(r, P, 'verified')).toMatchObject({ value: 347, target: 600, targetOrigin: 'children', progress: 0.5783 });
  });

  it('divides rolled-up counts for a rate of two metrics, never averages ratios', () => {
    const r = run();
    expect(cell(r, A, 'verified_rate')).toEqual({
      value: 0.307,
      numerator: 307,
      denominator: 1000,
      target: 1,
      targetOrigin: 'level',
      progress: 0.307,
    });
    expect(cell(r, B, 'verified_rate')).toMatchObject({ value: 0.1, target: 1, progress: 0.1 });
    // 347 / 1400 = 0.247857… (the mean of 0.307 and 0.1 would be 0.2035).
    expect(cell(r, P, 'verified_rate')).toEqual({
      value: 0.2479,
      numerator: 347,
      denominator: 1400,
      target: 1,
      targetOrigin: 'children',
      progress: 0.2479,
    });
    // C has nothing to verify: no rate, so no progress.
    expect(cell(r, C, 'verified_rate')).toMatchObject({ value: null, numerator: 0, denominator: 0, target: 1, progress: null });
  });

  it('takes field outcomes as done ÷ (listed − ineligible) (seed 003 V.2.d)', () => {
    const r = run();
    expect(cell(r, A, 'activated')).toMatchObject({ value: 40, target: 50, progress: 0.8 });
    expect(cell(r, A, 'activation_rate')).toMatchObject({
      value: 0.5,
      numerator: 40,
      denominator: 80,
      target: 0.8,
      progress: 0.625,
    });
    expect(cell(r, B, 'activation_rate')).toMatchObject({ value: 0.2, numerator: 10, denominator: 50, progress: 0.25 });
    // 55 / (80 + 50 + 10); the province's implied target: every commune 0.8 → 0.8.
    expect(cell(r, P, 'activation_rate')).toMatchObject({
      value: 0.3929,
      numerator: 55,
      denominator: 140,
      target: 0.8,
      targetOrigin: 'children',
      progress: 0.4911,
    });
    expect(cell(r, P, 'activated')).toMatchObject({ value: 55, target: 80, targetOrigin: 'children', progress: 0.6875 });
  });

  it('leaves a derived rate target unknown when a child with a denominator has none', () => {
    const r = run();
    expect(cell(r, A, 'selfcheck_rate')).toMatchObject({ value: 0.5, target: null });
    expect(cell(r, P, 'selfcheck_rate')).toMatchObject({
      value: 0.6429,
      numerator: 9,
      denominator: 14,
      target: null,
      progress: null,
    });
  });

  it('computes kpi rates exactly as the indicators engine does for the summed figures', () => {
    const r = run();
    const total = figures({ received: 10, received_online: 4 });
    expect(cell(r, P, 'online_rate').value).toBe(ratesOf(total).online_rate);
    expect(cell(r, P, 'online_rate')).toMatchObject({ value: 0.4, numerator: 4, denominator: 10 });
    expect(cell(r, B, 'online_rate')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('counts nothing before any report is due', () => {
    const r = computeProgress({
      units: UNITS,
      metrics: METRICS,
      targets: TARGETS,
      facts: { ...facts(), field: [] },
      asOf: '2026-05-02',
    });
    expect(cell(r, P, 'verified').value).toBe(0);
    expect(cell(r, P, 'verified_rate')).toMatchObject({ value: 0, progress: 0 });
  });
});

describe('shownChildren and rankCommunes', () => {
  it('shows communes always and agencies only with figures of their own, communes first in Vietnamese order', () => {
    expect(shownChildren(run(), P.id).map((u) => u.code)).toEqual(['30316', '30307', '30313', '91.VIETTEL']);
  });

  it('ranks communes by progress, ties share a rank and are ordered by name, no figure last', () => {
    const ranked = rankCommunes(run(), UNITS, P, 'activation_rate');
    // A 0.5/0.8 and C 0.5/0.8 tie (Bình Đức before Long Xuyên); B 0.2/0.8.
    expect(ranked.map((r) => [r.rank, r.unit.code, r.progress])).toEqual([
      [1, '30316', 0.625],
      [1, '30307', 0.625],
      [3, '30313', 0.25],
    ]);
    const byRate = rankCommunes(run(), UNITS, P, 'verified_rate');
    expect(byRate.map((r) => [r.rank, r.unit.code, r.progress])).toEqual([
      [1, '30307', 0.307],
      [2, '30313', 0.1],
      [3, '30316', null],
    ]);
  });

  it('ranks only the communes under the root asked', () => {
    expect(rankCommunes(run(), UNITS, A, 'verified').map((r) => r.unit.code)).toEqual(['30307']);
  });
});
