/**
 * The formulas of docs/indicators.md with hand-computed cases: what each dossier contributes to the
 * day counters, the overdue scheme against its definition, rates, points and target selection.
 */
import { describe, expect, it } from 'vitest';
import { changeDeltas, contributions, KPI_COUNTERS, monthDeltas, periodParts, type Contribution } from './kpi.contributions.ts';
import type { DossierFacts } from './kpi.facts.ts';
import {
  pointsFor,
  rate,
  ratesOf,
  scorePoints,
  targetsFor,
  targetLevelsFor,
  zeroFigures,
  type ModelRow,
  type TargetRow,
} from './kpi.points.ts';
import { mulberry32 } from './kpi.test-helpers.ts';

const at = (s: string) => new Date(s);
const facts = (o: Partial<DossierFacts> = {}): DossierFacts => ({
  unitId: 7,
  channel: 'counter',
  receivedAt: at('2026-03-10T09:00:00+07:00'),
  dueAt: at('2026-03-20T17:00:00+07:00'),
  finishedAt: null,
  supplementRequests: 0,
  feeVnd: 0,
  paid: 'none',
  digitizedDossier: false,
  digitizedResult: false,
  reusedData: false,
  rating: null,
  complaint: false,
  ...o,
});
const sorted = (c: Contribution[]) => c.map((x) => `${x.day} ${x.counter} ${x.delta}`).sort();

describe('contributions', () => {
  it('an online dossier finished on time, digitised, reused, paid online and rated satisfied', () => {
    const c = contributions(
      facts({
        channel: 'online',
        finishedAt: at('2026-03-18T10:00:00+07:00'),
        feeVnd: 50_000,
        paid: 'online',
        digitizedDossier: true,
        digitizedResult: true,
        reusedData: true,
        rating: 'satisfied',
      }),
    );
    expect(c.every((x) => x.unitId === 7 && x.delta === 1)).toBe(true);
    expect(sorted(c)).toEqual([
      '2026-03-10 digitized 1',
      '2026-03-10 fee_online 1',
      '2026-03-10 fee_total 1',
      '2026-03-10 received 1',
      '2026-03-10 received_online 1',
      '2026-03-10 reused 1',
      '2026-03-18 finished 1',
      '2026-03-18 finished_on_time 1',
      '2026-03-18 result_digitized 1',
      '2026-03-18 satisfied 1',
      // due day 20/3 and finish day 18/3: due_closed on max(due, finish) = the due day itself.
      '2026-03-20 due 1',
      '2026-03-20 due_closed 1',
    ]);
  });

  it('counts days in Việt Nam: 00:30 on 1/3 (+07:00) is 17:30 UTC on 28/2, and belongs to 1/3', () => {
    const c = contributions(facts({ receivedAt: at('2026-02-28T17:30:00Z') }));
    expect(c.find((x) => x.counter === 'received')!.day).toBe('2026-03-01');
  });

  it('a dossier still open adds only received and due', () => {
    expect(sorted(contributions(facts()))).toEqual(['2026-03-10 received 1', '2026-03-20 due 1']);
  });

  it('finished exactly at the due instant is on time; closed on the due day itself', () => {
    const c = contributions(facts({ finishedAt: at('2026-03-20T17:00:00+07:00'), supplementRequests: 1, rating: 'neutral' }));
    expect(sorted(c)).toEqual([
      '2026-03-10 received 1',
      '2026-03-20 due 1',
      '2026-03-20 due_closed 1',
      '2026-03-20 finished 1',
      '2026-03-20 finished_on_time 1',
      '2026-03-20 satisfied 1',
    ]);
  });

  it('one minute late is late; closed on the finish day, so it was overdue from 20/3 to 22/3', () => {
    const c = contributions(facts({ finishedAt: at('2026-03-23T08:00:00+07:00'), rating: 'satisfied' }));
    expect(sorted(c)).toEqual(['2026-03-10 received 1', '2026-03-20 due 1', '2026-03-23 due_closed 1', '2026-03-23 finished 1']);
  });

  it('two supplement requests make an early finish late, and so not satisfied', () => {
    const c = contributions(facts({ finishedAt: at('2026-03-12T08:00:00+07:00'), supplementRequests: 2, rating: 'satisfied' }));
    expect(sorted(c)).toEqual(['2026-03-10 received 1', '2026-03-12 finished 1', '2026-03-20 due 1', '2026-03-20 due_closed 1']);
  });

  it('unsatisfied or complained about: on time but not satisfied', () => {
    for (const o of [{ rating: 'unsatisfied' as const }, { complaint: true, rating: 'satisfied' as const }]) {
      const c = contributions(facts({ finishedAt: at('2026-03-12T08:00:00+07:00'), ...o }));
      expect(c.map((x) => x.counter)).toContain('finished_on_time');
      expect(c.map((x) => x.counter)).not.toContain('satisfied');
    }
  });

  it('fees count only when above 0 and paid online or at the counter', () => {
    const fee = (o: Partial<DossierFacts>) =>
      contributions(facts(o))
        .filter((x) => x.counter.startsWith('fee_'))
        .map((x) => x.counter);
    expect(fee({ feeVnd: 10_000, paid: 'online' })).toEqual(['fee_total', 'fee_online']);
    expect(fee({ feeVnd: 10_000, paid: 'counter' })).toEqual(['fee_total']);
    expect(fee({ feeVnd: 10_000, paid: 'none' })).toEqual([]);
    expect(fee({ feeVnd: 0, paid: 'online' })).toEqual([]);
  });

  it('a due date before receipt (bad import) is counted from the day of receipt', () => {
    const c = contributions(facts({ dueAt: at('2026-03-05T17:00:00+07:00') }));
    expect(c.find((x) => x.counter === 'due')!.day).toBe('2026-03-10');
  });

  it('rejects facts that are not facts', () => {
    expect(() => contributions(facts({ receivedAt: new Date('x') }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => contributions(facts({ supplementRequests: -1 }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('changeDeltas', () => {
  it('nothing changes when the facts the indicators see do not change', () => {
    const f = facts({ finishedAt: at('2026-03-12T08:00:00+07:00') });
    expect(changeDeltas(f, { ...f })).toEqual([]);
  });

  it('a rating that arrives after the finish moves only "satisfied" on the finish day', () => {
    const before = facts({ finishedAt: at('2026-03-12T08:00:00+07:00') });
    const d = changeDeltas(before, { ...before, rating: 'unsatisfied' });
    expect(d).toHaveLength(1);
    expect(d[0]!.day).toBe('2026-03-12');
    expect(Object.entries(d[0]!.counts).filter(([, v]) => v !== 0)).toEqual([['satisfied', -1]]);
  });

  it('finishing an open dossier late adds the finish and closes its due on the finish day', () => {
    const before = facts();
    const d = changeDeltas(before, { ...before, finishedAt: at('2026-03-25T08:00:00+07:00') });
    expect(d.map((x) => [x.day, Object.entries(x.counts).filter(([, v]) => v !== 0)])).toEqual([
      [
        '2026-03-25',
        [
          ['finished', 1],
          ['due_closed', 1],
        ],
      ],
    ]);
  });

  it('a transfer moves every counter from one unit to the other', () => {
    const before = facts({ channel: 'online' });
    const d = changeDeltas(before, { ...before, unitId: 9 });
    expect(
      d.map(
        (x) =>
          `${x.unitId} ${x.day} ${KPI_COUNTERS.filter((c) => x.counts[c])
            .map((c) => `${c}${x.counts[c]}`)
            .join(',')}`,
      ),
    ).toEqual([
      '7 2026-03-10 received-1,received_online-1',
      '7 2026-03-20 due-1',
      '9 2026-03-10 received1,received_online1',
      '9 2026-03-20 due1',
    ]);
  });

  it('creation and deletion are the change from and to nothing', () => {
    const f = facts();
    expect(changeDeltas(null, f).flatMap((x) => KPI_COUNTERS.filter((c) => x.counts[c] === 1))).toEqual(['received', 'due']);
    expect(changeDeltas(f, null).flatMap((x) => KPI_COUNTERS.filter((c) => x.counts[c] === -1))).toEqual(['received', 'due']);
  });
});

describe('month rows and periods', () => {
  it('month deltas sum the day deltas of each unit and month', () => {
    const before = facts({ finishedAt: at('2026-03-30T08:00:00+07:00') });
    // Finishing later moves "finished" from 30/3 to 2/4 and due_closed (max(due, finish)) likewise.
    const days = changeDeltas(before, { ...before, finishedAt: at('2026-04-02T08:00:00+07:00') });
    expect(days.map((d) => d.day)).toEqual(['2026-03-30', '2026-04-02']);
    const months = monthDeltas(days);
    expect(months.map((m) => [m.day, m.counts.finished, m.counts.due_closed])).toEqual([
      ['2026-03-01', -1, -1],
      ['2026-04-01', 1, 1],
    ]);
    // A move within one month changes day rows but no month row.
    const within = changeDeltas(before, { ...before, finishedAt: at('2026-03-31T08:00:00+07:00') });
    expect(within).toHaveLength(2);
    expect(monthDeltas(within)).toEqual([]);
  });

  it('reads whole months from month rows and the edges day by day', () => {
    expect(periodParts('2026-03-01', '2026-03-31')).toEqual({
      months: ['2026-03-01', '2026-03-01'],
      days: [],
      stockMonth: '2026-03-01',
    });
    expect(periodParts('2026-03-01', '2026-03-15')).toEqual({
      months: null,
      days: [['2026-03-01', '2026-03-15']],
      stockMonth: '2026-03-01',
    });
    expect(periodParts('2025-11-15', '2026-02-10')).toEqual({
      months: ['2025-12-01', '2026-01-01'],
      days: [
        ['2025-11-15', '2025-11-30'],
        ['2026-02-01', '2026-02-10'],
      ],
      stockMonth: '2026-02-01',
    });
    expect(periodParts('2024-02-10', '2024-02-29')).toEqual({
      months: null,
      days: [['2024-02-10', '2024-02-29']],
      stockMonth: '2024-02-01',
    });
    expect(periodParts('2024-01-31', '2024-03-01')).toEqual({
      months: ['2024-02-01', '2024-02-01'],
      days: [
        ['2024-01-31', '2024-01-31'],
        ['2024-03-01', '2024-03-01'],
      ],
      stockMonth: '2024-03-01',
    });
  });
});

describe('overdue unfinished from the cumulative counters', () => {
  // The definition, instant by instant: received by the end of day T, unfinished at the end of
  // day T, due before the end of day T (end of T = 00:00 of T+1 in Việt Nam).
  const endOf = (day: string) => new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000;
  const overdueByDefinition = (f: DossierFacts, T: string) =>
    f.receivedAt.getTime() < endOf(T) &&
    (f.finishedAt === null || f.finishedAt.getTime() >= endOf(T)) &&
    f.dueAt.getTime() < endOf(T);
  const overdueByCounters = (f: DossierFacts, T: string) => {
    const c = contributions(f).filter((x) => x.day <= T);
    return c.filter((x) => x.counter === 'due').length - c.filter((x) => x.counter === 'due_closed').length;
  };

  it('agrees with the definition for 5,000 random dossiers and end days, boundaries included', () => {
    const rnd = mulberry32(766);
    const base = Date.parse('2026-03-01T00:00:00+07:00');
    // Instants snap to 00:00, 17:00 and 23:59:59.999 of a day a third of the time: the edges.
    const instant = () => {
      const day = Math.floor(rnd() * 20);
      const r = rnd();
      const ms = r < 0.11 ? 0 : r < 0.22 ? 17 * 3_600_000 : r < 0.33 ? 86_400_000 - 1 : Math.floor(rnd() * 86_400_000);
      return new Date(base + day * 86_400_000 + ms);
    };
    for (let i = 0; i < 5_000; i++) {
      const receivedAt = instant();
      const dueAt = rnd() < 0.9 ? new Date(Math.max(receivedAt.getTime(), instant().getTime())) : instant();
      const finishedAt = rnd() < 0.3 ? null : rnd() < 0.2 ? dueAt : new Date(Math.max(receivedAt.getTime(), instant().getTime()));
      const f = facts({ receivedAt, dueAt, finishedAt });
      const T = `2026-03-${String(1 + Math.floor(rnd() * 22)).padStart(2, '0')}`;
      expect(overdueByCounters(f, T), `${JSON.stringify(f)} T=${T}`).toBe(overdueByDefinition(f, T) ? 1 : 0);
    }
  });
});

describe('rates', () => {
  it('rounds half up to 4 decimals from one division, null on an empty denominator', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(1, 8)).toBe(0.125);
    expect(rate(1, 20_000)).toBe(0.0001);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(1);
    expect(rate(0, 0)).toBeNull();
  });

  it('on time counts overdue unfinished dossiers in the denominator', () => {
    const f = { ...zeroFigures(), finished: 7, finished_on_time: 4, overdue_unfinished: 3, received: 0 };
    expect(ratesOf(f).on_time_rate).toBe(0.4);
    expect(ratesOf(f).online_rate).toBeNull();
  });
});

// DESIGN §4.2 as seeded by the migration.
const MODEL: ModelRow[] = [
  ['procedures_published', 'publicity', 6, 1],
  ['status_published', 'publicity', 12, 1],
  ['on_time_rate', 'progress', 20, 1],
  ['digitized_rate', 'digitization', 8, 0.8],
  ['result_digitized_rate', 'digitization', 8, 0.8],
  ['reuse_rate', 'digitization', 6, 0.8],
  ['full_process_procedures', 'online', 6, 0.8],
  ['online_rate', 'online', 8, 0.5],
  ['payment_online_rate', 'online', 8, 0.8],
  ['satisfaction_rate', 'satisfaction', 18, 0.9],
].map(
  ([indicator, group, max, threshold]) =>
    ({ indicator, indicatorName: `chỉ số ${indicator}`, group, groupName: `nhóm ${group}`, max, threshold }) as ModelRow,
);

describe('points', () => {
  it('full marks at or above the threshold, else rate × max ÷ threshold', () => {
    expect(pointsFor(0.9, 20, 1)).toBe(18);
    expect(pointsFor(0.6, 8, 0.5)).toBe(8);
    expect(pointsFor(0.5, 8, 0.5)).toBe(8);
    expect(pointsFor(0.4, 8, 0.8)).toBe(4);
    expect(pointsFor(0.85, 18, 0.9)).toBe(17);
    expect(pointsFor(0.4286, 20, 1)).toBe(8.57);
    expect(pointsFor(0, 6, 0.8)).toBe(0);
  });

  it('scores what can be computed, notes what cannot, and totals the computable part', () => {
    const p = scorePoints(MODEL, {
      procedures_published: 0.75, // 0.75 × 6 ÷ 1 = 4.5
      on_time_rate: 0.4, // 0.4 × 20 = 8
      digitized_rate: 0.9, // ≥ 0.8 → 8
      result_digitized_rate: 0.2, // 0.2 × 8 ÷ 0.8 = 2
      reuse_rate: null, // no dossiers: no points
      online_rate: 0.3, // 0.3 × 8 ÷ 0.5 = 4.8
      payment_online_rate: 0.6667, // 0.6667 × 8 ÷ 0.8 = 6.667 → 6.67
      satisfaction_rate: 0.45, // 0.45 × 18 ÷ 0.9 = 9
    });
    expect(p.total).toBe(42.97); // 4.5 + 8 + 8 + 2 + 4.8 + 6.67 + 9
    expect(p.max).toBe(76); // 6 + 20 + 8 + 8 + 8 + 8 + 18 (not status 12, reuse 6, full-process 6)
    expect(p.groups).toEqual({
      publicity: { name: 'nhóm publicity', points: 4.5, max: 18 },
      progress: { name: 'nhóm progress', points: 8, max: 20 },
      digitization: { name: 'nhóm digitization', points: 10, max: 22 },
      online: { name: 'nhóm online', points: 11.47, max: 22 },
      satisfaction: { name: 'nhóm satisfaction', points: 9, max: 18 },
    });
    expect(p.indicators.status_published).toMatchObject({ points: null, rate: null, max: 12 });
    expect(p.indicators.status_published!.note).toContain('Chưa tính được');
    expect(p.indicators.full_process_procedures!.points).toBeNull();
    expect(p.indicators.reuse_rate).toEqual({
      name: 'chỉ số reuse_rate',
      group: 'digitization',
      rate: null,
      max: 6,
      threshold: 0.8,
      points: null,
      note: 'Không có hồ sơ thuộc mẫu số trong kỳ.',
    });
    expect(p.indicators.payment_online_rate).toEqual({
      name: 'chỉ số payment_online_rate',
      group: 'online',
      rate: 0.6667,
      max: 8,
      threshold: 0.8,
      points: 6.67,
      note: null,
    });
  });
});

describe('targets', () => {
  const rates = { ...ratesOf(zeroFigures()), online_rate: 0.4, digitized_rate: 0.95 };
  const t = (o: Partial<TargetRow>): TargetRow => ({ unitId: null, level: null, indicator: 'online_rate', target: 0.5, ...o });

  it('level chains, most specific first', () => {
    expect(targetLevelsFor({ kind: 'commune', subtype: 'Phường' })).toEqual(['commune_phuong', 'commune', 'locality']);
    expect(targetLevelsFor({ kind: 'commune', subtype: 'Thị trấn' })).toEqual(['commune_thi_tran', 'commune', 'locality']);
    expect(targetLevelsFor({ kind: 'district', subtype: 'Huyện' })).toEqual(['district', 'locality']);
    expect(targetLevelsFor({ kind: 'agency', subtype: 'department' })).toEqual(['department', 'province']);
    expect(targetLevelsFor({ kind: 'province', subtype: 'Tỉnh' })).toEqual(['province']);
  });

  it('the unit’s own target beats its subtype, which beats its level, which beats locality', () => {
    const ward = { id: 5, kind: 'commune' as const, subtype: 'Phường' };
    const all = [
      t({ level: 'locality', target: 0.5 }),
      t({ level: 'commune', target: 0.45 }),
      t({ level: 'commune_phuong', target: 0.55 }),
    ];
    expect(targetsFor(ward, all, rates)).toEqual({ online_rate: { target: 0.55, gap: -0.15 } });
    expect(targetsFor(ward, [...all, t({ unitId: 5, target: 0.35 })], rates)).toEqual({
      online_rate: { target: 0.35, gap: 0.05 },
    });
    expect(targetsFor({ ...ward, subtype: 'Xã' }, all, rates)).toEqual({ online_rate: { target: 0.45, gap: -0.05 } });
    expect(targetsFor(ward, [t({ level: 'locality', target: 0.7 })], rates)).toEqual({ online_rate: { target: 0.7, gap: -0.3 } });
  });

  it('another unit’s target or a department target does not apply to a commune; a null rate has a null gap', () => {
    const ward = { id: 5, kind: 'commune' as const, subtype: 'Phường' };
    const all = [
      t({ unitId: 6 }),
      t({ level: 'department' }),
      t({ level: 'locality', indicator: 'on_time_rate', target: 0.9 }),
      t({ level: 'locality', indicator: 'digitized_rate', target: 0.9 }),
    ];
    expect(targetsFor(ward, all, rates)).toEqual({
      on_time_rate: { target: 0.9, gap: null },
      digitized_rate: { target: 0.9, gap: 0.05 },
    });
  });
});
