/**
 * Which days are working days (DESIGN §4.1), as a pure function of what is stored: Monday–Friday work,
 * minus days off, plus make-up working Saturdays. Per date the first of these decides:
 *   1. an admin's edit of that date (any year);
 *   2. in a year with an official schedule: that schedule's row, and nothing else (the schedule is
 *      the whole truth for its year, computed holidays are ignored);
 *   3. in a year without one: the statutory holidays computed from the Labour Code;
 *   4. otherwise the weekday rule.
 */
import type { CalendarDayKind, CalendarDayStatus } from '@motcua/contracts';
import { isWeekend, yearOf } from './calendar.dates.ts';
import { statutoryHolidays } from './calendar.statutory.ts';

/** Anything that can say whether a date is a working day: all the due-date rule needs. */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}

export type DayOrigin = 'official' | 'edit';

/** A stored row: a day of an imported official schedule, or an admin's edit. */
export interface StoredDay {
  date: string;
  origin: DayOrigin;
  kind: CalendarDayKind;
  occasion: string;
  note: string;
  source: string;
}

/** A day that differs from, or is explained beyond, the plain weekday rule. */
export interface CalendarEntry {
  date: string;
  kind: CalendarDayKind;
  occasion: string;
  note: string;
  source: string;
  status: CalendarDayStatus;
}

export interface CalendarInput {
  /** First and last Gregorian year the calendar must answer for. */
  fromYear: number;
  toYear: number;
  /** Years with an official schedule, with where it came from. */
  officialYears: Map<number, string>;
  /** Stored rows of those years (either origin). */
  days: StoredDay[];
}

export const LAW_SOURCE = 'Bộ luật Lao động 2019, Điều 112 khoản 1 và Điều 111 khoản 3 (tính tự động)';

export class LoadedCalendar implements WorkingCalendar {
  private readonly entries = new Map<string, CalendarEntry>();

  constructor(private readonly input: CalendarInput) {
    for (let y = input.fromYear; y <= input.toYear; y++) {
      if (input.officialYears.has(y)) continue;
      for (const h of statutoryHolidays(y)) {
        this.entries.set(h.date, {
          date: h.date,
          kind: 'day_off',
          occasion: h.occasion,
          note: h.note,
          source: LAW_SOURCE,
          status: 'computed',
        });
      }
    }
    // Official rows first, so an edit of the same date replaces them.
    const ordered = [...input.days].sort((a, b) => (a.origin === b.origin ? 0 : a.origin === 'official' ? -1 : 1));
    for (const d of ordered) {
      const y = yearOf(d.date);
      if (y < input.fromYear || y > input.toYear) continue;
      if (d.origin === 'official' && !input.officialYears.has(y)) continue;
      this.entries.set(d.date, {
        date: d.date,
        kind: d.kind,
        occasion: d.occasion,
        note: d.note,
        source: d.source,
        status: d.origin === 'edit' ? 'edited' : 'official',
      });
    }
  }

  private check(date: string): void {
    const y = yearOf(date);
    if (y < this.input.fromYear || y > this.input.toYear) {
      // A programming error (the caller loaded too few years), not bad user input.
      throw new RangeError(`calendar loaded for ${this.input.fromYear}–${this.input.toYear}, asked about ${date}`);
    }
  }

  isWorkingDay(date: string): boolean {
    this.check(date);
    const e = this.entries.get(date);
    if (e) return e.kind === 'working_day';
    return !isWeekend(date);
  }

  /** The entry of a date, or undefined when only the weekday rule applies. */
  entry(date: string): CalendarEntry | undefined {
    this.check(date);
    return this.entries.get(date);
  }

  isOfficial(year: number): boolean {
    return this.input.officialYears.has(year);
  }

  sourceOf(year: number): string | null {
    return this.input.officialYears.get(year) ?? null;
  }

  /** Every entry of a year in date order. */
  entriesOf(year: number): CalendarEntry[] {
    return [...this.entries.values()].filter((e) => yearOf(e.date) === year).sort((a, b) => a.date.localeCompare(b.date));
  }
}
