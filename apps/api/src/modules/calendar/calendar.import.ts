/**
 * `motcua import holidays FILE`: an official holiday schedule, one row per day off or make-up working
 * day, with the columns of data/reference/holidays_2025_2026_schedule.csv
 * (`date, weekday, year, occasion, kind, notes, source`; other columns are ignored; CSV or XLSX).
 * All-or-nothing. On success every year present in the file becomes official and its rows are
 * replaced by the file's: days the file does not list follow the plain Monday–Friday rule.
 */
import path from 'node:path';
import type { CalendarDayKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { isIsoDate } from '../../shared/dates.ts';
import type { ImportReport, RejectedRow } from '../../shared/import-report.ts';
import { readTabularFile, type TabularRow } from '../../shared/tabular.ts';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, isoDateOf, weekdayOf, yearOf } from './calendar.dates.ts';
import { replaceYears } from './calendar.repo.ts';
import type { StoredDay } from './calendar.rules.ts';

/**
 * Accepted `kind` values, matched by prefix, case-insensitive. The schedule file's own words
 * ("statutory (adjacent day)", "weekend (in break)", "make-up working day (public servants)"…), the
 * API's two kinds, and their Vietnamese names. Anything else is refused rather than guessed.
 */
const KIND_PREFIXES: [string, CalendarDayKind][] = [
  ['make-up working day', 'working_day'],
  ['working_day', 'working_day'],
  ['làm bù', 'working_day'],
  ['ngày làm bù', 'working_day'],
  ['statutory', 'day_off'],
  ['weekend', 'day_off'],
  ['swapped day off', 'day_off'],
  ['compensatory day', 'day_off'],
  ['day_off', 'day_off'],
  ['nghỉ', 'day_off'],
  ['ngày nghỉ', 'day_off'],
];

export function kindOf(raw: string): CalendarDayKind | null {
  const k = raw.trim().toLowerCase();
  if (!k) return null;
  for (const [prefix, kind] of KIND_PREFIXES) if (k.startsWith(prefix)) return kind;
  return null;
}

/** Weekday names by Date#getUTCDay index: English and Vietnamese spellings people type. */
const WEEKDAY_NAMES: string[][] = [
  ['sun', 'sunday', 'cn', 'chủ nhật'],
  ['mon', 'monday', 't2', 'thứ 2', 'thứ hai'],
  ['tue', 'tuesday', 't3', 'thứ 3', 'thứ ba'],
  ['wed', 'wednesday', 't4', 'thứ 4', 'thứ tư'],
  ['thu', 'thursday', 't5', 'thứ 5', 'thứ năm'],
  ['fri', 'friday', 't6', 'thứ 6', 'thứ sáu'],
  ['sat', 'saturday', 't7', 'thứ 7', 'thứ bảy'],
];
const WEEKDAY_VI = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

function weekdayIndex(raw: string): number | null {
  const w = raw.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  const i = WEEKDAY_NAMES.findIndex((names) => names.includes(w));
  return i < 0 ? null : i;
}

/** YYYY-MM-DD as stored, or the dd/mm/yyyy Vietnamese users write. */
function parseDate(raw: string): string | null {
  const s = raw.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = isoDateOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return isIsoDate(iso) ? iso : null;
}

export interface ValidatedSchedule {
  days: Omit<StoredDay, 'origin'>[];
  years: number[];
  rejected: RejectedRow[];
}

/** Checks every row and reports each bad one with its line and a Vietnamese reason. */
export function validateHolidayRows(rows: TabularRow[]): ValidatedSchedule {
  const rejected: RejectedRow[] = [];
  if (rows.length === 0) return { days: [], years: [], rejected: [{ line: 1, reason: 'tệp không có dòng dữ liệu nào' }] };
  const missing = ['date', 'occasion', 'kind'].filter((c) => !rows.some((r) => c in r.values));
  if (missing.length) return { days: [], years: [], rejected: [{ line: 1, reason: `thiếu cột ${missing.join(', ')}` }] };

  const days: Omit<StoredDay, 'origin'>[] = [];
  const seen = new Map<string, number>();
  let previousSource = '';
  for (const { line, values: v } of rows) {
    const problems: string[] = [];
    const date = parseDate(v.date ?? '');
    if (!date) problems.push(`ngày "${v.date ?? ''}" không hợp lệ (YYYY-MM-DD hoặc dd/mm/yyyy)`);
    else if (yearOf(date) < CALENDAR_MIN_YEAR || yearOf(date) > CALENDAR_MAX_YEAR)
      problems.push(`năm ${yearOf(date)} ngoài phạm vi ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`);
    if (date && v.weekday) {
      const w = weekdayIndex(v.weekday);
      if (w === null) problems.push(`thứ "${v.weekday}" không đọc được`);
      else if (w !== weekdayOf(date))
        problems.push(`thứ "${v.weekday}" không khớp với ngày ${date} (${WEEKDAY_VI[weekdayOf(date)]})`);
    }
    if (date && v.year && Number(v.year) !== yearOf(date)) problems.push(`năm "${v.year}" không khớp với ngày ${date}`);
    const occasion = (v.occasion ?? '').trim();
    if (!occasion) problems.push('thiếu tên dịp (occasion)');
    else if (occasion.length > 200) problems.push('tên dịp dài quá 200 ký tự');
    const kind = kindOf(v.kind ?? '');
    if (!kind)
      problems.push(
        `loại ngày "${v.kind ?? ''}" không rõ (ví dụ: statutory, weekend, swapped day off, compensatory day, make-up working day, day_off, working_day)`,
      );
    if (date) {
      const first = seen.get(date);
      if (first !== undefined) problems.push(`ngày ${date} trùng với dòng ${first}`);
      else seen.set(date, line);
    }
    const note = (v.notes ?? v.note ?? '').trim();
    if (note.length > 500) problems.push('ghi chú dài quá 500 ký tự');
    // The reference file writes "same …" for "the source of the row above"; store the real source.
    const raw = (v.source ?? '').trim();
    const source = /^same\b/i.test(raw) && previousSource ? `${previousSource}${raw.slice(4)}` : raw;
    previousSource = source;
    if (problems.length) {
      rejected.push({ line, reason: problems.join('; ') });
      continue;
    }
    days.push({ date: date!, kind: kind!, occasion, note, source: source.slice(0, 2000) });
  }
  const years = [...new Set(days.map((d) => yearOf(d.date)))].sort((a, b) => a - b);
  return { days: rejected.length ? [] : days, years: rejected.length ? [] : years, rejected };
}

/** Writes a validated schedule: its years become official with `source` as their origin. */
export async function writeSchedule(db: Db, schedule: ValidatedSchedule, source: string): Promise<number> {
  await db.transaction().execute((trx) => replaceYears(trx, new Map(schedule.years.map((y) => [y, source])), schedule.days));
  return schedule.days.length;
}

export async function importHolidaysFile(db: Db, file: string): Promise<ImportReport> {
  const schedule = validateHolidayRows(await readTabularFile(file));
  if (schedule.rejected.length) return { accepted: 0, rejected: schedule.rejected };
  return { accepted: await writeSchedule(db, schedule, `tệp ${path.basename(file)}`), rejected: [] };
}
