/** SQL for officials' self-checks (TTTB <CCCD> to 1414); db or transaction first. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { SelfchecksTable } from './desk.tables.ts';

export type SelfCheckRow = Selectable<SelfchecksTable>;

export async function insertSelfCheck(db: Db, values: Insertable<SelfchecksTable>): Promise<SelfCheckRow> {
  return db.insertInto('selfchecks').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A staff member's self-checks, latest first (the first one is the one that counts). */
export async function listForStaff(db: Db, staffId: number, limit = 20): Promise<SelfCheckRow[]> {
  return db.selectFrom('selfchecks').selectAll().where('staff_id', '=', staffId).orderBy('checked_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The latest self-check on or before `asOf` of each of these staff members (absent when none). */
export async function latestOf(db: Db, staffIds: number[], asOf: string): Promise<Map<number, SelfCheckRow>> {
  if (staffIds.length === 0) return new Map();
  // One array parameter, whatever the number of staff (a province has tens of thousands).
  const { rows } = await sql<SelfCheckRow>`
    SELECT DISTINCT ON (c.staff_id) c.*
      FROM selfchecks c
     WHERE c.staff_id = ANY(${`{${staffIds.join(',')}}`}::bigint[]) AND c.checked_on <= ${asOf}::date
     ORDER BY c.staff_id, c.checked_on DESC, c.id DESC`.execute(db);
  return new Map(rows.map((r) => [Number(r.staff_id), r]));
}
