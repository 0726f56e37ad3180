/**
 * Working days on the official calendar (GET /api/v1/calendar/days): Monday to Friday, minus the
 * listed days off, plus the listed make-up working days. The server does the deadline arithmetic;
 * the web app only counts the days left, so a queue of fifty dossiers costs one request per year.
 */
import type { CalendarYear } from '@motcua/contracts';

export interface WorkCalendar {
  /** Listed days: true = working (a make-up Saturday), false = day off. */
  special: Map<string, boolean>;
}

export function buildCalendar(years: CalendarYear[]): WorkCalendar {
  const special = new Map<string, boolean>();
  for (const y of years) for (const d of y.items) special.set(d.date, d.working);
  return { special };
}

const DAY_MS = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const listed = cal.special.get(date);
  if (listed !== undefined) return listed;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after `after` up to and including `upTo` (0 when `upTo` is not later). */
export function workingDaysBetween(cal: WorkCalendar, after: string, upTo: string): number {
  let n = 0;
  for (let ms = toUtc(after) + DAY_MS, end = toUtc(upTo); ms <= end; ms += DAY_MS) {
    if (isWorkingDay(cal, fromUtc(ms))) n++;
  }
  return n;
}
