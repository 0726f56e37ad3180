/** Reporting periods, hand-computed on the window of seed 002 (Tuesday 28/4 – Thursday 28/5/2026). */
import { describe, expect, it } from 'vitest';
import { expectedBy, periodEndingOn, periodsOf } from './campaigns.periods.ts';

const WINDOW = { windowStart: '2026-04-28', windowEnd: '2026-05-28' };

describe('periodsOf', () => {
  it('cuts ISO weeks clipped to the window, due the next day', () => {
    expect(periodsOf({ ...WINDOW, cadence: 'weekly', dueOffsetDays: 1 })).toEqual([
      { periodStart: '2026-04-28', periodEnd: '2026-05-03', dueDate: '2026-05-04' },
      { periodStart: '2026-05-04', periodEnd: '2026-05-10', dueDate: '2026-05-11' },
      { periodStart: '2026-05-11', periodEnd: '2026-05-17', dueDate: '2026-05-18' },
      { periodStart: '2026-05-18', periodEnd: '2026-05-24', dueDate: '2026-05-25' },
      { periodStart: '2026-05-25', periodEnd: '2026-05-28', dueDate: '2026-05-29' },
    ]);
  });

  it('has one period per day when daily', () => {
    const days = periodsOf({ ...WINDOW, cadence: 'daily', dueOffsetDays: 0 });
    expect(days).toHaveLength(31);
    expect(days[0]).toEqual({ periodStart: '2026-04-28', periodEnd: '2026-04-28', dueDate: '2026-04-28' });
    expect(days[30]).toEqual({ periodStart: '2026-05-28', periodEnd: '2026-05-28', dueDate: '2026-05-28' });
  });

  it('uses the rounds and their own due dates (seed 003 VII.2.b)', () => {
    const rounds = [
      { statsFrom: '2023-09-01', statsTo: '2023-09-15', dueDate: '2023-09-17' },
      { statsFrom: '2023-09-16', statsTo: '2023-09-30', dueDate: '2023-10-02' },
    ];
    const rule = { windowStart: '2023-09-01', windowEnd: '2023-10-30', cadence: 'round' as const, dueOffsetDays: 0, rounds };
    expect(periodsOf(rule).map((p) => p.dueDate)).toEqual(['2023-09-17', '2023-10-02']);
    expect(expectedBy(rule, '2023-10-01')).toHaveLength(1);
  });
});

describe('periodEndingOn and expectedBy', () => {
  const rule = { ...WINDOW, cadence: 'weekly' as const, dueOffsetDays: 1 };
  it('finds the period of a report by its last day', () => {
    expect(periodEndingOn(rule, '2026-05-10')).toEqual({ periodStart: '2026-05-04', periodEnd: '2026-05-10', dueDate: '2026-05-11' });
    expect(periodEndingOn(rule, '2026-05-09')).toBeNull();
  });
  it('counts the reports due by a date', () => {
    expect(expectedBy(rule, '2026-05-10')).toHaveLength(1);
    expect(expectedBy(rule, '2026-05-11')).toHaveLength(2);
  });
});
