import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { StaffTable } from './staff.tables.ts';

export type StaffRow = Selectable<StaffTable>;
export type StaffWithUnit = StaffRow & { unit_code: string; unit_name: string; unit_path: string };

function withUnit(db: Db) {
  return db
    .selectFrom('staff as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path']);
}

export const findStaffByUsername = (db: Db, username: string) =>
  withUnit(db).where('s.username', '=', username).executeTakeFirst() as Promise<StaffWithUnit | undefined>;

export const findStaffById = (db: Db, id: number) =>
  withUnit(db).where('s.id', '=', id).executeTakeFirst() as Promise<StaffWithUnit | undefined>;

export async function listStaffInSubtree(db: Db, unitPath: string): Promise<StaffWithUnit[]> {
  return withUnit(db).where('u.path', 'like', `${unitPath}%`).orderBy('u.path').orderBy('s.username').execute() as Promise<
    StaffWithUnit[]
  >;
}

/** Active staff of a subtree holding any of `roles`, by unit then name. */
export async function listActiveWithRoles(db: Db, unitPath: string, roles: readonly string[]): Promise<StaffWithUnit[]> {
  return withUnit(db)
    .where('u.path', 'like', `${unitPath}%`)
    .where('s.active', '=', true)
    .where(sql<boolean>`s.roles && ${sql.val(roles)}::text[]`)
    .orderBy('u.path')
    .orderBy('s.full_name')
    .orderBy('s.id')
    .execute() as Promise<StaffWithUnit[]>;
}

export async function insertStaff(
  db: Db,
  s: { username: string; full_name: string; unit_id: number; roles: StaffRow['roles']; password_hash: string },
): Promise<number> {
  const r = await db.insertInto('staff').values(s).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertSession(db: Db, s: { token_hash: string; staff_id: number; expires_at: Date; user_agent: string | null }) {
  await db.insertInto('staff_sessions').values(s).execute();
}

export async function findActiveStaffBySession(db: Db, tokenHash: string): Promise<StaffWithUnit | undefined> {
  return withUnit(db)
    .innerJoin('staff_sessions as ss', 'ss.staff_id', 's.id')
    .where('ss.token_hash', '=', tokenHash)
    .where('ss.revoked_at', 'is', null)
    .where('ss.expires_at', '>', sql<Date>`now()`)
    .where('s.active', '=', true)
    .executeTakeFirst() as Promise<StaffWithUnit | undefined>;
}

export async function revokeSession(db: Db, tokenHash: string) {
  await db.updateTable('staff_sessions').set({ revoked_at: sql`now()` as unknown as Date }).where('token_hash', '=', tokenHash).execute();
}

export async function countStaff(db: Db): Promise<number> {
  const r = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
