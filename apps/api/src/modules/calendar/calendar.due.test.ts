/**
 * The due-date rule and the working-day calendar without a database: the official 2025–2026 schedule
 * read from data/reference, the Labour Code rules for other years. Every expected value is counted by
 * hand on a wall calendar (comments show the count).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from './calendar.dates.ts';
import { countWorkingDays, dueDate } from './calendar.due.ts';
import { referenceSchedule } from './calendar.loader.ts';
import { LoadedCalendar, type StoredDay } from './calendar.rules.ts';
import { statutoryHolidays } from './calendar.statutory.ts';

let official: StoredDay[];
beforeAll(async () => {
  official = (await referenceSchedule()).days.map((d) => ({ ...d, origin: 'official' as const }));
});

function calendar(edits: Omit<StoredDay, 'origin' | 'source'>[] = []): LoadedCalendar {
  return new LoadedCalendar({
    fromYear: 2024,
    toYear: 2028,
    officialYears: new Map([
      [2025, 'reference'],
      [2026, 'reference'],
    ]),
    days: [...official, ...edits.map((e) => ({ ...e, origin: 'edit' as const, source: '' }))],
  });
}

const at = (s: string) => {
  const d = parseInstant(s);
  if (!d) throw new Error(`bad instant ${s}`);
  return d;
};
const due = (received: string, days: number, cal = calendar()) => dueDate(cal, at(received), days, '17:00');

describe('due date across the official schedules of 2025 and 2026', () => {
  it('Tết Bính Ngọ 2026: Fri 13/02 10:00 + 3 days → Wed 25/02 17:00 (break 14–22/02)', () => {
    expect(due('2026-02-13T10:00:00+07:00', 3)).toEqual({
      receivedAt: '2026-02-13T10:00:00+07:00',
      countsFrom: '2026-02-13',
      dueAt: '2026-02-25T17:00:00+07:00',
      days: 3,
    });
  });

  it('Tết Ất Tỵ 2025: Fri 24/01 + 1 day → Mon 03/02 (break 25/01–02/02)', () => {
    expect(due('2025-01-24T09:00:00+07:00', 1).dueAt).toBe('2025-02-03T17:00:00+07:00');
    expect(due('2025-01-24T09:00:00+07:00', 2).dueAt).toBe('2025-02-04T17:00:00+07:00');
  });

  it('counts the make-up Saturday 10/01/2026 as a working day', () => {
    // Fri 09/01 → Sat 10/01 (làm bù for Fri 02/01).
    expect(due('2026-01-09T10:00:00+07:00', 1).dueAt).toBe('2026-01-10T17:00:00+07:00');
    // Received on that Saturday: it is a working day, so N = 0 ends the same day.
    expect(due('2026-01-10T09:00:00+07:00', 0).dueAt).toBe('2026-01-10T17:00:00+07:00');
    // Wed 31/12/2025 + 1: 01/01 holiday, 02/01 swapped off, 03–04 weekend → Mon 05/01.
    expect(due('2025-12-31T10:00:00+07:00', 1).dueAt).toBe('2026-01-05T17:00:00+07:00');
  });

  it('Hùng Kings 2026 on Sunday 26/04 with Monday 27/04 off, then 30/04–01/05', () => {
    const cal = calendar();
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    // Fri 24/04 + 1: 25–26 weekend, 27 nghỉ bù → Tue 28/04.
    expect(due('2026-04-24T10:00:00+07:00', 1).dueAt).toBe('2026-04-28T17:00:00+07:00');
    // + 3: 28 (1), 29 (2), 30/04 and 01/05 off, 02–03 weekend, Mon 04/05 (3).
    expect(due('2026-04-24T10:00:00+07:00', 3).dueAt).toBe('2026-05-04T17:00:00+07:00');
  });

  it('Quốc khánh 2026: make-up Sat 22/08, swapped Mon 31/08, adjacent 01/09 and 02/09 off', () => {
    const cal = calendar();
    expect(['2026-08-22', '2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03'].map((d) => cal.isWorkingDay(d))).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(due('2026-08-21T10:00:00+07:00', 1).dueAt).toBe('2026-08-22T17:00:00+07:00');
    // Fri 28/08 + 1: 29–30 weekend, 31/08, 01/09, 02/09 off → Thu 03/09.
    expect(due('2026-08-28T10:00:00+07:00', 1).dueAt).toBe('2026-09-03T17:00:00+07:00');
  });
});

describe('receipt time and day', () => {
  it('after 17:00 counts from the next working day; at 17:00 sharp still counts that day', () => {
    // Mon 02/03/2026 17:30 → received Tue 03/03 → + 1 = Wed 04/03.
    expect(due('2026-03-02T17:30:00+07:00', 1)).toMatchObject({ countsFrom: '2026-03-03', dueAt: '2026-03-04T17:00:00+07:00' });
    expect(due('2026-03-02T17:00:00+07:00', 1)).toMatchObject({ countsFrom: '2026-03-02', dueAt: '2026-03-03T17:00:00+07:00' });
    expect(due('2026-03-02T17:00:01+07:00', 1).countsFrom).toBe('2026-03-03');
  });

  it('reads the instant in Việt Nam time whatever offset it is written with', () => {
    // 10:30Z = 17:30 in Việt Nam: after hours.
    expect(due('2026-03-02T10:30:00Z', 1)).toMatchObject({ receivedAt: '2026-03-02T17:30:00+07:00', countsFrom: '2026-03-03' });
    // 23:30Z on Sunday 01/03 is Monday 06:30 in Việt Nam (and Sunday afternoon on the host, in Los Angeles).
    expect(due('2026-03-01T23:30:00Z', 1)).toMatchObject({ countsFrom: '2026-03-02', dueAt: '2026-03-03T17:00:00+07:00' });
    expect(due('2026-03-01T16:30:00-07:00', 1).countsFrom).toBe('2026-03-02');
  });

  it('a receipt on Saturday or Sunday counts from Monday', () => {
    expect(due('2026-03-07T09:00:00+07:00', 1)).toMatchObject({ countsFrom: '2026-03-09', dueAt: '2026-03-10T17:00:00+07:00' });
    expect(due('2026-03-08T20:00:00+07:00', 1)).toMatchObject({ countsFrom: '2026-03-09', dueAt: '2026-03-10T17:00:00+07:00' });
  });

  it('N = 0 ends at the close of the (effective) day of receipt', () => {
    expect(due('2026-03-02T10:00:00+07:00', 0).dueAt).toBe('2026-03-02T17:00:00+07:00');
    expect(due('2026-03-07T10:00:00+07:00', 0).dueAt).toBe('2026-03-09T17:00:00+07:00');
    expect(due('2026-03-02T18:00:00+07:00', 0).dueAt).toBe('2026-03-03T17:00:00+07:00');
    // During Tết: the first working day after the break.
    expect(due('2026-02-17T10:00:00+07:00', 0).dueAt).toBe('2026-02-23T17:00:00+07:00');
  });

  it('follows a configured end of office hours', () => {
    const r = dueDate(calendar(), at('2026-03-02T16:45:00+07:00'), 1, '16:30');
    expect(r).toMatchObject({ countsFrom: '2026-03-03', dueAt: '2026-03-04T16:30:00+07:00' });
  });
});

describe('years without an official schedule (Labour Code 2019)', () => {
  it('computes 2027: Tết 06/02 with giao thừa 05/02 and mùng 1–4, compensatory days for Sat/Sun', () => {
    expect(statutoryHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-02-05', // 29 tháng Chạp, giao thừa
      '2027-02-06', // mùng 1 (Saturday)
      '2027-02-07', // mùng 2 (Sunday)
      '2027-02-08',
      '2027-02-09',
      '2027-02-10', // nghỉ bù for Sat 06/02
      '2027-02-11', // nghỉ bù for Sun 07/02
      '2027-04-16', // 10/3 âm lịch, Friday
      '2027-04-30',
      '2027-05-01', // Saturday
      '2027-05-03', // nghỉ bù for it, Monday
      '2027-09-01',
      '2027-09-02',
    ]);
    expect(statutoryHolidays(2027)[1]).toEqual({
      date: '2027-02-05',
      occasion: 'Tết Nguyên đán',
      note: '29 tháng Chạp (giao thừa)',
    });
  });

  it('Tết 2027 in a due date: Thu 04/02 + 1 → Fri 12/02', () => {
    const cal = calendar();
    expect(
      ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((d) =>
        cal.isWorkingDay(d),
      ),
    ).toEqual([true, false, false, false, false, false, true]);
    expect(due('2027-02-04T10:00:00+07:00', 1).dueAt).toBe('2027-02-12T17:00:00+07:00');
  });

  it('a compensatory day: Labour Day 2027 on Saturday moves the day off to Monday 03/05', () => {
    // Thu 29/04 + 1: Fri 30/04 off, 01–02 weekend, Mon 03/05 nghỉ bù → Tue 04/05.
    expect(due('2027-04-29T10:00:00+07:00', 1).dueAt).toBe('2027-05-04T17:00:00+07:00');
    expect(calendar().entry('2027-05-03')).toMatchObject({
      kind: 'day_off',
      status: 'computed',
      occasion: 'Nghỉ bù Ngày Quốc tế Lao động',
    });
  });

  it('an admin edit wins over computed and official days', () => {
    const cal = calendar([
      { date: '2027-02-12', kind: 'day_off', occasion: 'Nghỉ thêm Tết', note: '' },
      { date: '2026-02-16', kind: 'working_day', occasion: 'Làm việc', note: '' },
    ]);
    expect(due('2027-02-04T10:00:00+07:00', 1, cal).dueAt).toBe('2027-02-15T17:00:00+07:00');
    expect(cal.entry('2026-02-16')).toMatchObject({ kind: 'working_day', status: 'edited' });
    expect(due('2026-02-13T10:00:00+07:00', 1, cal).dueAt).toBe('2026-02-16T17:00:00+07:00');
  });
});

describe('counting working days', () => {
  it('January 2026: 22 weekdays − 01/01 − 02/01 + Sat 10/01 = 21', () => {
    expect(countWorkingDays(calendar(), '2026-01-01', '2026-01-31')).toBe(21);
  });

  it('February 2026: 20 weekdays − 16–20/02 = 15', () => {
    expect(countWorkingDays(calendar(), '2026-02-01', '2026-02-28')).toBe(15);
  });

  it('whole years: 261 weekdays each; 2025 −12 +1, 2026 −13 +2, 2027 −11 → 250', () => {
    const cal = calendar();
    expect(countWorkingDays(cal, '2025-01-01', '2025-12-31')).toBe(250);
    expect(countWorkingDays(cal, '2026-01-01', '2026-12-31')).toBe(250);
    expect(countWorkingDays(cal, '2027-01-01', '2027-12-31')).toBe(250);
  });

  it('a single day, and an empty range', () => {
    expect(countWorkingDays(calendar(), '2026-04-27', '2026-04-27')).toBe(0);
    expect(countWorkingDays(calendar(), '2026-04-28', '2026-04-28')).toBe(1);
    expect(countWorkingDays(calendar(), '2026-04-28', '2026-04-27')).toBe(0);
  });
});
