/**
 * Loads the official holiday schedules of 2025 and 2026 for civil servants
 * (data/reference/holidays_2025_2026_schedule.csv; sources per row, see SOURCES.md §4) into an empty
 * calendar, through the same validation as `motcua import holidays`.
 */
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { REFERENCE_DIR } from '../../shared/paths.ts';
import { readTabularFile } from '../../shared/tabular.ts';
import { validateHolidayRows, writeSchedule } from './calendar.import.ts';
import { isCalendarEmpty } from './calendar.repo.ts';

export const REFERENCE_SCHEDULE = path.join(REFERENCE_DIR, 'holidays_2025_2026_schedule.csv');

/** Reads and checks the reference schedule; throws if the shipped file itself is broken. */
export async function referenceSchedule(file = REFERENCE_SCHEDULE) {
  const schedule = validateHolidayRows(await readTabularFile(file));
  if (schedule.rejected.length) {
    throw new Error(
      `Lịch nghỉ tham chiếu ${file} có dòng lỗi: ${schedule.rejected.map((r) => `dòng ${r.line}: ${r.reason}`).join('; ')}`,
    );
  }
  return schedule;
}

/** Loads the official 2025–2026 schedule when the calendar is empty. Returns rows written. */
export async function loadReferenceCalendar(db: Db): Promise<number> {
  if (!(await isCalendarEmpty(db))) return 0;
  return writeSchedule(db, await referenceSchedule(), 'data/reference/holidays_2025_2026_schedule.csv');
}
