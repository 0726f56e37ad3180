import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { CitizensTable, IdentityLevel } from './citizens.tables.ts';

export type CitizenRow = Selectable<CitizensTable>;

/** Creates the citizen on first login, or refreshes name, birth date and level from the newer token. */
export async function upsertCitizen(
  db: Db,
  c: { id_number: string; full_name: string; birth_date: string | null; identity_level: IdentityLevel },
): Promise<CitizenRow> {
  return db
    .insertInto('citizens')
    .values(c)
    .onConflict((oc) =>
      oc.column('id_number').doUpdateSet((eb) => ({
        full_name: eb.ref('excluded.full_name'),
        birth_date: sql<string | null>`coalesce(excluded.birth_date, citizens.birth_date)`,
        identity_level: eb.ref('excluded.identity_level'),
        last_login_at: sql<Date>`now()`,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const findCitizenById = (db: Db, id: number) => db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();

export const findCitizenByIdNumber = (db: Db, idNumber: string) =>
  db.selectFrom('citizens').selectAll().where('id_number', '=', idNumber).executeTakeFirst();

/** Opens a session lasting `ttlHours` from the database's clock, the clock that later checks it. */
export async function insertSession(
  db: Db,
  s: { token_hash: string; citizen_id: number; identity_level: IdentityLevel; ttlHours: number; user_agent: string | null },
): Promise<Date> {
  const { ttlHours, ...values } = s;
  const r = await db
    .insertInto('citizen_sessions')
    .values({ ...values, expires_at: sql<Date>`now() + make_interval(hours => ${ttlHours})` })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return new Date(r.expires_at);
}

/** The live session and its citizen in one query (every citizen request pays for it). */
export async function findLiveSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizens as c', 'c.id', 's.citizen_id')
    .select(['c.id', 'c.id_number', 'c.full_name', 'c.birth_date', 's.identity_level'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function revokeSession(db: Db, tokenHash: string) {
  await db.updateTable('citizen_sessions').set({ revoked_at: sql`now()` as unknown as Date }).where('token_hash', '=', tokenHash).execute();
}
