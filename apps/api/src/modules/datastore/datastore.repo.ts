/** SQL of the personal-data access log; every function takes the db or a transaction first. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { PersonalDataAccessTable } from './datastore.tables.ts';

export type AccessRow = Selectable<PersonalDataAccessTable>;

export async function insertAccess(db: Db, row: Insertable<PersonalDataAccessTable>): Promise<void> {
  await db.insertInto('personal_data_access').values(row).execute();
}

/** One person's log, newest first. */
export async function listAccess(db: Db, citizenId: number, page: { limit: number; offset: number }): Promise<{ rows: AccessRow[]; total: number }> {
  const rows = await db
    .selectFrom('personal_data_access')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await db
    .selectFrom('personal_data_access')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
