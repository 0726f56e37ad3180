/**
 * The due-date rule, pure: it sees the calendar only through `isWorkingDay`, so it is tested without a
 * database. DESIGN §4.1: "Deadlines count whole working days from the working day after receipt; a
 * dossier received after office hours counts from the next working day." A deadline of N working days
 * ends at the close of office hours of the N-th working day after the day of receipt; a receipt on a
 * day that is not a working day counts as received on the next working day, like one after hours.
 */
import type { DueDate } from '@motcua/contracts';
import { addDays, formatVn, msOfClock, vnInstant, vnLocal } from './calendar.dates.ts';
import type { WorkingCalendar } from './calendar.rules.ts';

/** No official schedule closes an office this long; a longer search means a broken calendar. */
const MAX_GAP_DAYS = 366;

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkingCalendar, date: string): string {
  let d = date;
  for (let i = 0; i < MAX_GAP_DAYS; i++) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) return d;
  }
  throw new RangeError(`no working day within ${MAX_GAP_DAYS} days after ${date}`);
}

/**
 * The working day a receipt counts as. Received at exactly the end of office hours (17:00:00) is still
 * within them: the same clock time that ends a deadline on time.
 */
export function effectiveReceiptDay(cal: WorkingCalendar, receivedAt: Date, officeHoursEnd: string): string {
  const { date, msOfDay } = vnLocal(receivedAt);
  const afterHours = msOfDay > msOfClock(officeHoursEnd);
  return cal.isWorkingDay(date) && !afterHours ? date : nextWorkingDay(cal, date);
}

/** The last working day of a deadline of `days` working days counted after `countsFrom`. */
export function addWorkingDays(cal: WorkingCalendar, countsFrom: string, days: number): string {
  let d = countsFrom;
  for (let i = 0; i < days; i++) d = nextWorkingDay(cal, d);
  return d;
}

/**
 * Due time of a dossier received at `receivedAt` with `days` working days. `days` = 0 means the end of
 * office hours of the (effective) day of receipt.
 */
export function dueDate(cal: WorkingCalendar, receivedAt: Date, days: number, officeHoursEnd = '17:00'): DueDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  const countsFrom = effectiveReceiptDay(cal, receivedAt, officeHoursEnd);
  const last = addWorkingDays(cal, countsFrom, days);
  return { receivedAt: formatVn(receivedAt), countsFrom, dueAt: formatVn(vnInstant(last, officeHoursEnd)), days };
}

/** Working days from `from` to `to`, both included (0 when to < from). */
export function countWorkingDays(cal: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}
