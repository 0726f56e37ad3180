import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../shared/csv.ts';
import { REFERENCE_DIR } from '../../shared/paths.ts';
import { leapMonthOf, lunarToSolar, solarToLunar } from './lunar.ts';

const checkpoints = readCsvFile(path.join(REFERENCE_DIR, 'lunar_checkpoints.csv'));

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('reads the eight checkpoints of data/reference/lunar_checkpoints.csv', () => {
    expect(checkpoints.map((c) => c.gregorian_date)).toEqual([
      '1985-01-21',
      '2007-02-17',
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
      '2025-04-07',
      '2026-04-26',
      '2027-04-16',
    ]);
  });

  for (const c of checkpoints) {
    const [day, month] = c.lunar_date!.split('/').map(Number) as [number, number];
    const year = Number(c.year);
    it(`${c.event} ${c.lunar_date}/${year} is ${c.gregorian_date}`, () => {
      expect(lunarToSolar(day, month, year, false)).toBe(c.gregorian_date);
      expect(solarToLunar(c.gregorian_date!)).toEqual({ day, month, year, leap: false });
    });
  }

  it('differs from the Chinese (UTC+8) calendar where it should: Tết 1985 and 2007', () => {
    // Chinese New Year fell on 1985-02-20 and 2007-02-18; in Việt Nam those are not 1/1.
    expect(solarToLunar('1985-02-20')).not.toMatchObject({ day: 1, month: 1 });
    expect(solarToLunar('2007-02-18')).toEqual({ day: 2, month: 1, year: 2007, leap: false });
    expect(solarToLunar('2007-02-16')).toEqual({ day: 29, month: 12, year: 2006, leap: false });
  });

  it('has a leap 6th month in 2025 (Ất Tỵ) and a leap 2nd month in 2023 (Quý Mão)', () => {
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2026)).toBeNull();
    expect(lunarToSolar(1, 6, 2025, false)).toBe('2025-06-25');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(lunarToSolar(1, 7, 2025, false)).toBe('2025-08-23');
    expect(solarToLunar('2025-07-24')).toEqual({ day: 30, month: 6, year: 2025, leap: false });
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 2, 2023, false)).toBe('2023-02-20');
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
  });

  it('puts the leap month of 2033 after month 11, the year many calendars get wrong', () => {
    expect(leapMonthOf(2033)).toBe(11);
    expect(solarToLunar(lunarToSolar(1, 11, 2033, true))).toEqual({ day: 1, month: 11, year: 2033, leap: true });
  });

  it('refuses a leap month that does not exist and a day 30 in a 29-day month', () => {
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 2026, true)).toThrow(RangeError);
    // Tháng Chạp of Ất Tỵ has 29 days: giao thừa 2026 is 29 Chạp (16/02/2026).
    expect(lunarToSolar(29, 12, 2025)).toBe('2026-02-16');
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
  });

  it('round-trips every day from 2000 to 2060 (solar → lunar → solar)', () => {
    let bad: string[] = [];
    for (let t = Date.UTC(2000, 0, 1); t <= Date.UTC(2060, 11, 31); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      const l = solarToLunar(d);
      if (lunarToSolar(l.day, l.month, l.year, l.leap) !== d) bad = [...bad, d];
    }
    expect(bad).toEqual([]);
  });

  it('finds the month start when the true new moon comes late (2054-05-07)', () => {
    const l = solarToLunar('2054-05-07');
    expect(l.day).toBeGreaterThanOrEqual(1);
    expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe('2054-05-07');
  });

  it('does not depend on the host time zone', () => {
    // The suite runs with TZ=America/Los_Angeles (test/setup.ts); the answers above are Việt Nam's.
    expect(process.env.TZ).toBe('America/Los_Angeles');
    expect(lunarToSolar(1, 1, 2026)).toBe('2026-02-17');
  });
});
