/**
 * The working-day calendar over the database: loads the stored rows of the years a question needs in
 * one query, applies the pure rules (calendar.rules.ts, calendar.due.ts), and lets a province admin
 * correct single days.
 */
import type { CalendarDateView, CalendarDayUpdate, CalendarYear, DueDate, WorkingDayCount } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { authorize, type Actor } from '../../shared/policy.ts';
import { getUnit } from '../units/units.service.ts';
import { CALENDAR_MAX_YEAR, daysBetween, isoDateOf, vnLocal, yearOf } from './calendar.dates.ts';
import { countWorkingDays, dueDate } from './calendar.due.ts';
import { presentDateView, presentDay } from './calendar.presenter.ts';
import { LoadedCalendar } from './calendar.rules.ts';
import * as repo from './calendar.repo.ts';

/** Longest span a working-day count may cover (about ten years), to bound the work of one request. */
export const MAX_SPAN_DAYS = 3660;
/** Longest deadline in working days (the procedure catalogue allows 0–365). */
export const MAX_DUE_DAYS = 365;

/** The calendar of whole years `fromYear`..`toYear`: two queries whatever the span. */
export async function loadCalendar(db: Db, fromYear: number, toYear: number): Promise<LoadedCalendar> {
  const [officialYears, days] = await Promise.all([
    repo.listOfficialYears(db, fromYear, toYear),
    repo.listStoredDays(db, fromYear, toYear),
  ]);
  return new LoadedCalendar({ fromYear, toYear, officialYears, days });
}

/** Why a from–to range cannot be counted, in Vietnamese, or null when it can. */
export function spanProblem(from: string, to: string): string | null {
  if (from > to) return `Ngày kết thúc (${to}) phải bằng hoặc sau ngày bắt đầu (${from}).`;
  if (daysBetween(from, to) + 1 > MAX_SPAN_DAYS) return `Khoảng thời gian tối đa ${MAX_SPAN_DAYS} ngày.`;
  return null;
}

/**
 * Due time of a dossier received at `receivedAt` with a time limit of `days` working days. `load`
 * lets a caller serve the calendar from its cache (intake does, see reference-cache.ts).
 */
export async function computeDueDate(
  db: Db,
  receivedAt: Date,
  days: number,
  officeHoursEnd: string,
  load: (db: Db, fromYear: number, toYear: number) => Promise<LoadedCalendar> = loadCalendar,
): Promise<DueDate> {
  const year = yearOf(vnLocal(receivedAt).date);
  // A year never has fewer than 200 working days, so this many years always hold the last day; the
  // extra year covers a receipt on 31/12 that counts from January.
  const toYear = year + 1 + Math.ceil(days / 200);
  if (toYear > CALENDAR_MAX_YEAR) {
    throw errors.validation(
      [{ field: 'received', message: 'quá xa' }],
      `Lịch làm việc chỉ tính được đến năm ${CALENDAR_MAX_YEAR}.`,
    );
  }
  return dueDate(await load(db, year, toYear), receivedAt, days, officeHoursEnd);
}

/** Working days between two dates, both included; the range must pass `spanProblem`. */
export async function countWorkingDaysBetween(db: Db, from: string, to: string): Promise<WorkingDayCount> {
  const problem = spanProblem(from, to);
  if (problem) throw errors.validation([{ field: 'to', message: problem }], problem);
  const cal = await loadCalendar(db, yearOf(from), yearOf(to));
  return { from, to, workingDays: countWorkingDays(cal, from, to) };
}

/** Every day of a year that is not a plain weekday or weekend: holidays, swaps, make-up days, edits. */
export async function calendarYear(db: Db, year: number): Promise<CalendarYear> {
  const cal = await loadCalendar(db, year, year);
  return {
    year,
    official: cal.isOfficial(year),
    source: cal.sourceOf(year),
    workingDays: countWorkingDays(cal, isoDateOf(year, 1, 1), isoDateOf(year, 12, 31)),
    items: cal.entriesOf(year).map(presentDay),
  };
}

/** What one date is after every rule. */
export async function calendarDate(db: Db, date: string): Promise<CalendarDateView> {
  const cal = await loadCalendar(db, yearOf(date), yearOf(date));
  return presentDateView(date, cal.isWorkingDay(date), cal.entry(date));
}

export interface EditContext {
  actor: Actor | null;
  /** The province whose admins keep the calendar (config.provinceCode). */
  provinceCode: string;
  requestId?: string;
}

/** Only an admin of the province keeps its calendar: it governs every deadline in every commune. */
async function authorizeEdit(db: Db, ctx: EditContext) {
  const province = await getUnit(db, ctx.provinceCode);
  authorize(ctx.actor, 'calendar.edit', { unitPath: province.path });
  return { actor: ctx.actor, province };
}

/** Sets an admin's edit of a date, overriding the official schedule or the computed holidays. */
export async function setCalendarDay(
  db: Db,
  ctx: EditContext,
  date: string,
  update: CalendarDayUpdate,
): Promise<CalendarDateView> {
  const { actor, province } = await authorizeEdit(db, ctx);
  const before = await calendarDate(db, date);
  const occasion = update.occasion.trim();
  if (!occasion)
    throw errors.validation([{ field: 'occasion', message: 'không được để trống' }], 'Nhập tên dịp (ví dụ: Nghỉ bù Quốc khánh).');
  const note = (update.note ?? '').trim();
  await repo.upsertEdit(db, { date, kind: update.kind, occasion, note, updatedBy: actor.staffId });
  await recordAudit(db, {
    actor,
    action: 'calendar.day.set',
    target: `calendar:${date}`,
    unitId: province.id,
    requestId: ctx.requestId,
    details: {
      before: { working: before.working, status: before.day?.status ?? null },
      after: { kind: update.kind, occasion, note },
    },
  });
  return calendarDate(db, date);
}

/** Removes an admin's edit, so the official schedule or the law decides the date again. */
export async function clearCalendarDay(db: Db, ctx: EditContext, date: string): Promise<CalendarDateView> {
  const { actor, province } = await authorizeEdit(db, ctx);
  const edit = await repo.findStoredDay(db, date, 'edit');
  if (!edit) throw errors.notFound(`điều chỉnh lịch của ngày ${date}`, `Calendar edit of ${date}`, { date });
  await repo.deleteEdit(db, date);
  await recordAudit(db, {
    actor,
    action: 'calendar.day.clear',
    target: `calendar:${date}`,
    unitId: province.id,
    requestId: ctx.requestId,
    details: { removed: { kind: edit.kind, occasion: edit.occasion, note: edit.note } },
  });
  return calendarDate(db, date);
}
