/** SQL for the calendar; every function takes the db or a transaction first. */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { isoDateOf } from './calendar.dates.ts';
import type { DayOrigin, StoredDay } from './calendar.rules.ts';

const firstDay = (year: number) => isoDateOf(year, 1, 1);
const lastDay = (year: number) => isoDateOf(year, 12, 31);

/** Official years between two years (inclusive), with their sources. */
export async function listOfficialYears(db: Db, fromYear: number, toYear: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('calendar_years')
    .select(['year', 'source'])
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .execute();
  return new Map(rows.map((r) => [Number(r.year), r.source]));
}

/** Stored rows (both origins) of the whole years `fromYear`..`toYear`, in one query. */
export async function listStoredDays(db: Db, fromYear: number, toYear: number): Promise<StoredDay[]> {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'origin', 'kind', 'occasion', 'note', 'source'])
    .where('date', '>=', firstDay(fromYear))
    .where('date', '<=', lastDay(toYear))
    .orderBy('date')
    .execute();
}

export async function findStoredDay(db: Db, date: string, origin: DayOrigin): Promise<StoredDay | undefined> {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'origin', 'kind', 'occasion', 'note', 'source'])
    .where('date', '=', date)
    .where('origin', '=', origin)
    .executeTakeFirst();
}

export interface EditRow {
  date: string;
  kind: StoredDay['kind'];
  occasion: string;
  note: string;
  updatedBy: number;
}

export async function upsertEdit(db: Db, e: EditRow): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values({
      date: e.date,
      origin: 'edit',
      kind: e.kind,
      occasion: e.occasion,
      note: e.note,
      source: '',
      updated_by: e.updatedBy,
    })
    .onConflict((oc) =>
      oc.columns(['date', 'origin']).doUpdateSet({
        kind: e.kind,
        occasion: e.occasion,
        note: e.note,
        updated_by: e.updatedBy,
        updated_at: sql`now()` as unknown as Date,
      }),
    )
    .execute();
}

/** Removes the edit of a date; returns whether there was one. */
export async function deleteEdit(db: Db, date: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_days').where('date', '=', date).where('origin', '=', 'edit').executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Makes `years` official with exactly `days` as their rows: every earlier row of those years, edits
 * included, is dropped, because an imported schedule is the newer and complete decision.
 */
export async function replaceYears(db: Db, years: Map<number, string>, days: Omit<StoredDay, 'origin'>[]): Promise<void> {
  for (const [year, source] of years) {
    await db.deleteFrom('calendar_days').where('date', '>=', firstDay(year)).where('date', '<=', lastDay(year)).execute();
    await db
      .insertInto('calendar_years')
      .values({ year, source })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source, updated_at: sql`now()` as unknown as Date }))
      .execute();
  }
  for (let i = 0; i < days.length; i += 500) {
    await db
      .insertInto('calendar_days')
      .values(
        days.slice(i, i + 500).map((d) => ({
          date: d.date,
          origin: 'official' as const,
          kind: d.kind,
          occasion: d.occasion,
          note: d.note,
          source: d.source,
        })),
      )
      .execute();
  }
}

/** Whether the calendar holds anything yet (the reference schedule loads only into an empty one). */
export async function isCalendarEmpty(db: Db): Promise<boolean> {
  const y = await db.selectFrom('calendar_years').select('year').limit(1).executeTakeFirst();
  const d = await db.selectFrom('calendar_days').select('date').limit(1).executeTakeFirst();
  return !y && !d;
}
