/**
 * Deadlines of a dossier in working days (DESIGN §4.1), on top of the calendar service: the promised
 * date at receipt, the shift after a supplement pause, and the "due soon" horizon of the work queue.
 */
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { addDays, CALENDAR_MAX_YEAR, daysBetween, parseInstant, vnInstant, vnLocal, yearOf } from '../calendar/calendar.dates.ts';
import { addWorkingDays, countWorkingDays, effectiveReceiptDay } from '../calendar/calendar.due.ts';
import { computeDueDate, loadCalendar } from '../calendar/calendar.service.ts';
import type { LoadedCalendar } from '../calendar/calendar.rules.ts';
import type { ProcedureRow } from '../catalog/catalog.service.ts';

/** A working day of office hours; the catalogue writes "trong ngày" / "ngay sau khi nhận" as 8 hours. */
const HOURS_PER_WORKING_DAY = 8;

/**
 * The procedure's time limit in working days. Hours up to a working day mean the end of office hours
 * of the day of receipt (0 days); longer limits in hours round up to whole working days.
 */
export function processingWorkingDays(p: Pick<ProcedureRow, 'processing_working_days' | 'processing_hours'>): number | null {
  if (p.processing_working_days !== null) return p.processing_working_days;
  if (p.processing_hours !== null) {
    return p.processing_hours <= HOURS_PER_WORKING_DAY ? 0 : Math.ceil(p.processing_hours / HOURS_PER_WORKING_DAY);
  }
  return null;
}

/** Promised date of a dossier of `procedure` received at `receivedAt`; refuses a procedure without a time limit. */
export async function dueDateFor(
  db: Db,
  procedure: Pick<ProcedureRow, 'code' | 'processing_working_days' | 'processing_hours'>,
  receivedAt: Date,
  officeHoursEnd: string,
  load: (db: Db, fromYear: number, toYear: number) => Promise<LoadedCalendar> = loadCalendar,
): Promise<Date> {
  const days = processingWorkingDays(procedure);
  if (days === null) {
    throw errors.validation(
      [{ field: 'procedureCode', message: 'thủ tục chưa có thời hạn giải quyết' }],
      `Thủ tục ${procedure.code} chưa có thời hạn giải quyết trong danh mục nên không tính được ngày hẹn trả. Cập nhật danh mục trước khi tiếp nhận.`,
    );
  }
  const due = await computeDueDate(db, receivedAt, days, officeHoursEnd, load);
  return parseInstant(due.dueAt)!;
}

export interface PauseShift {
  /** Working days the applicant took: after the day of the request, up to the day the supplement came. */
  waitedWorkingDays: number;
  dueAt: Date;
}

/**
 * Moves the promised date by the working days spent waiting for a supplement. Both ends count like a
 * receipt (after office hours = the next working day); the request day itself was worked on, the day
 * the supplement arrives was not. The new date keeps the clock time of the old one.
 */
export async function shiftForPause(db: Db, pausedSince: Date, resumedAt: Date, dueAt: Date, officeHoursEnd: string): Promise<PauseShift> {
  const from = vnLocal(pausedSince).date;
  const to = vnLocal(resumedAt).date;
  const due = vnLocal(dueAt).date;
  // Enough years to hold the shifted date: at most one working day per calendar day waited.
  const span = Math.max(0, daysBetween(from, to)) + 1;
  const toYear = Math.min(CALENDAR_MAX_YEAR, Math.max(yearOf(to), yearOf(due)) + 1 + Math.ceil(span / 200));
  const cal = await loadCalendar(db, Math.min(yearOf(from), yearOf(due)), toYear);
  const start = effectiveReceiptDay(cal, pausedSince, officeHoursEnd);
  const end = effectiveReceiptDay(cal, resumedAt, officeHoursEnd);
  const waited = end > start ? countWorkingDays(cal, addDays(start, 1), end) : 0;
  if (waited === 0) return { waitedWorkingDays: 0, dueAt };
  const newDay = addWorkingDays(cal, due, waited);
  const shiftMs = vnInstant(newDay, '00:00').getTime() - vnInstant(due, '00:00').getTime();
  return { waitedWorkingDays: waited, dueAt: new Date(dueAt.getTime() + shiftMs) };
}

/**
 * End of the horizon of "due soon": the end of the second working day after today (today's own
 * deadlines included), so Friday's list shows what falls due on Monday and Tuesday.
 */
export async function dueSoonHorizon(db: Db, now: Date): Promise<Date> {
  const today = vnLocal(now).date;
  const cal = await loadCalendar(db, yearOf(today), yearOf(today) + 1);
  const last = addWorkingDays(cal, today, 2);
  return vnInstant(addDays(last, 1), '00:00');
}
