import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../modules/calendar/calendar.dates.ts';
import { generateHistory, type HistoryInput } from './dossier-history.ts';

// Weekends only: enough to check the generator's own rules without a database.
const calendar = { isWorkingDay: (d: string) => weekdayOf(d) !== 0 && weekdayOf(d) !== 6 };

const input = (seed: number): HistoryInput => ({
  seed,
  count: 3000,
  from: '2024-12-01',
  to: '2026-11-30',
  calendar,
  communeCodes: ['30307', '30313', '31078'],
  procedures: [
    { code: '1.001193', agencyCode: null, workingDays: 0, feeVnd: 0, weight: 5 },
    { code: '1.004222', agencyCode: null, workingDays: 7, feeVnd: 20_000, weight: 3 },
    { code: '1.001456', agencyCode: '91.CA', workingDays: 8, feeVnd: 200_000, weight: 1 },
  ],
});

describe('demo dossier history', () => {
  const rows = generateHistory(input(7));

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateHistory(input(7))).toEqual(rows);
    expect(generateHistory(input(8))).not.toEqual(rows);
  });

  it('gives every dossier a unique code, a working-day receipt, and consistent times', () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const r of rows) {
      const day = r.received_at.slice(0, 10);
      expect(calendar.isWorkingDay(day), r.code).toBe(true);
      expect(r.received_at.endsWith('+07:00')).toBe(true);
      expect(Date.parse(r.due_at)).toBeGreaterThanOrEqual(Date.parse(r.received_at.slice(0, 10) + 'T00:00:00+07:00'));
      if (r.finished_at) expect(Date.parse(r.finished_at)).toBeGreaterThan(Date.parse(r.received_at));
      expect(r.status).toBe(r.finished_at ? 'returned' : 'in_progress');
      if (r.fee_vnd === '0') expect(r.paid).toBe('none');
      if (!r.finished_at) expect(r.rating).toBe('');
    }
  });

  it('tells the story: the online share rises over the two years', () => {
    const share = (from: string, to: string) => {
      const part = rows.filter((r) => r.received_at >= from && r.received_at < to);
      return part.filter((r) => r.channel === 'online').length / part.length;
    };
    expect(share('2024-12-01', '2025-03-01')).toBeLessThan(0.3);
    expect(share('2026-09-01', '2026-12-01')).toBeGreaterThan(0.55);
  });

  it('has some supplements and some late dossiers, but mostly on time', () => {
    const withSupplement = rows.filter((r) => r.supplement_requests !== '0').length / rows.length;
    expect(withSupplement).toBeGreaterThan(0.08);
    expect(withSupplement).toBeLessThan(0.2);
    const finished = rows.filter((r) => r.finished_at);
    const late = finished.filter((r) => r.finished_at > r.due_at).length / finished.length;
    expect(late).toBeGreaterThan(0.02);
    expect(late).toBeLessThan(0.15);
  });
});
