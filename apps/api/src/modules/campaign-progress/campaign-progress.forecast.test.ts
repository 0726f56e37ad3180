/**
 * Forecasts and DHIS2-style reporting rates, hand-computed. Window of seed 002: 28/4 – 28/5/2026;
 * carriers weekly (ISO weeks clipped to the window), due the day after the period ends.
 */
import { describe, expect, it } from 'vitest';
import { forecastMetric, timelinessOf, totalTimeliness, type ForecastInput } from './campaign-progress.forecast.ts';

const WINDOW = { windowStart: '2026-04-28', windowEnd: '2026-05-28' };
const input = (values: Record<string, number | null>, target: number | null, asOf: string): ForecastInput => ({
  metric: 'verified',
  valueOn: (d) => (d in values ? values[d]! : 0),
  target,
  asOf,
  ...WINDOW,
});

describe('forecastMetric', () => {
  it('behind: 20 a day over the last 7 days misses 1000 by 400 at the window end', () => {
    // (240 − 100) / 7 = 20/day; 760 more need 38 days → 17/6; 18 days left → 240 + 360 = 600.
    expect(forecastMetric(input({ '2026-05-03': 100, '2026-05-10': 240 }, 1000, '2026-05-10'))).toEqual({
      metric: 'verified',
      status: 'behind',
      value: 240,
      target: 1000,
      pacePerDay: 20,
      lookbackDays: 7,
      reachDate: '2026-06-17',
      projectedAtEnd: 600,
      shortfall: 400,
    });
  });

  it('on track: 260 more at 20 a day are reached on 23/5', () => {
    expect(forecastMetric(input({ '2026-05-03': 100, '2026-05-10': 240 }, 500, '2026-05-10'))).toMatchObject({
      status: 'on_track',
      reachDate: '2026-05-23',
      projectedAtEnd: 600,
      shortfall: null,
    });
  });

  it('a campaign younger than 7 days uses the days since its start, from 0', () => {
    // Day 3 (28, 29, 30/4): 90 / 3 = 30/day; 910 more need 30.33 → 31 days → 31/5; 28 days left → 930.
    expect(forecastMetric(input({ '2026-04-30': 90 }, 1000, '2026-04-30'))).toMatchObject({
      status: 'behind',
      pacePerDay: 30,
      lookbackDays: 3,
      reachDate: '2026-05-31',
      projectedAtEnd: 930,
      shortfall: 70,
    });
  });

  it('after the window the shortfall is what is missing now', () => {
    // (570 − 500) / 7 = 10/day; 430 more → 43 days → 14/7; nothing left of the window.
    expect(forecastMetric(input({ '2026-05-25': 500, '2026-06-01': 570 }, 1000, '2026-06-01'))).toMatchObject({
      status: 'behind',
      pacePerDay: 10,
      reachDate: '2026-07-14',
      projectedAtEnd: 570,
      shortfall: 430,
    });
  });

  it('says reached, no progress, no target and no data plainly', () => {
    expect(forecastMetric(input({ '2026-05-10': 1000 }, 1000, '2026-05-10')).status).toBe('reached');
    expect(forecastMetric(input({ '2026-05-03': 240, '2026-05-10': 240 }, 1000, '2026-05-10'))).toMatchObject({
      status: 'no_progress',
      pacePerDay: 0,
      reachDate: null,
      projectedAtEnd: 240,
      shortfall: 760,
    });
    expect(forecastMetric(input({ '2026-05-10': 240 }, null, '2026-05-10')).status).toBe('no_target');
    expect(forecastMetric(input({ '2026-05-10': null }, 1, '2026-05-10')).status).toBe('no_data');
    expect(forecastMetric(input({}, 1000, '2026-04-20')).status).toBe('no_data');
  });

  it('forecasts a rate the same way', () => {
    // (0.3 − 0.16) / 7 = 0.02/day; 0.7 more → 35 days → 14/6; 18 days left → 0.66, missing 0.34.
    expect(forecastMetric(input({ '2026-05-03': 0.16, '2026-05-10': 0.3 }, 1, '2026-05-10'))).toMatchObject({
      status: 'behind',
      pacePerDay: 0.02,
      reachDate: '2026-06-14',
      projectedAtEnd: 0.66,
      shortfall: 0.34,
    });
  });
});

describe('timelinessOf', () => {
  const rule = { cadence: 'weekly' as const, dueOffsetDays: 1, ...WINDOW };
  const at = (iso: string) => new Date(iso);
  const reports = [
    { partnerId: 1, periodEnd: '2026-05-03', receivedAt: at('2026-05-04T10:00:00+07:00'), late: false },
    { partnerId: 1, periodEnd: '2026-05-10', receivedAt: at('2026-05-12T08:00:00+07:00'), late: true },
    // 23:30 in Việt Nam on 18/5 is still 18/5 (16:30 UTC).
    { partnerId: 1, periodEnd: '2026-05-17', receivedAt: at('2026-05-18T23:30:00+07:00'), late: false },
  ];

  it('counts expected, received and on-time reports by a day (DHIS2 completeness and timeliness)', () => {
    // Due by 18/5: weeks ending 3/5 (due 4/5), 10/5 (due 11/5), 17/5 (due 18/5).
    expect(timelinessOf(rule, reports, '2026-05-18')).toEqual({
      expected: 3,
      received: 3,
      onTime: 2,
      completeness: 1,
      timeliness: 0.6667,
      missing: [],
      late: [{ periodEnd: '2026-05-10', dueDate: '2026-05-11' }],
    });
  });

  it('ignores what arrived after the day asked and periods not yet due', () => {
    expect(timelinessOf(rule, reports, '2026-05-11')).toEqual({
      expected: 2,
      received: 1,
      onTime: 1,
      completeness: 0.5,
      timeliness: 0.5,
      missing: [{ periodEnd: '2026-05-10', dueDate: '2026-05-11' }],
      late: [],
    });
    expect(timelinessOf(rule, reports, '2026-05-03')).toMatchObject({ expected: 0, completeness: null, timeliness: null });
  });

  it('totals partners by summing counts, not averaging rates', () => {
    const a = timelinessOf(rule, reports, '2026-05-18');
    const b = timelinessOf(rule, [], '2026-05-18');
    expect(totalTimeliness([a, b])).toEqual({ expected: 6, received: 3, onTime: 2, completeness: 0.5, timeliness: 0.3333 });
  });
});
