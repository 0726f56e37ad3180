/**
 * Reads of the synthetic population (sim_* tables) for the registry and VNeID simulators. Only the
 * simulators call this; motcua itself reaches the same people through the registry adapter.
 */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { SimHouseholdsTable, SimPeopleTable } from '../population/population.tables.ts';

export type SimPersonRow = Selectable<SimPeopleTable>;
export type SimHouseholdRow = Selectable<SimHouseholdsTable>;

export const findPersonByCccd = (db: Db, cccd: string) => db.selectFrom('sim_people').selectAll().where('cccd', '=', cccd).executeTakeFirst();

export const findPersonByCmnd = (db: Db, cmnd: string) =>
  db.selectFrom('sim_people').select(['cccd', 'cmnd']).where('cmnd', '=', cmnd).executeTakeFirst();

/** The household and every member, head first, then in id order (the order they were registered). */
export async function householdWithMembers(db: Db, householdId: number): Promise<{ household: SimHouseholdRow; members: SimPersonRow[] } | undefined> {
  const household = await db.selectFrom('sim_households').selectAll().where('id', '=', householdId).executeTakeFirst();
  if (!household) return undefined;
  const members = await db
    .selectFrom('sim_people')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy(sql`household_role = 'head'`, 'desc')
    .orderBy('id')
    .execute();
  return { household, members };
}

/**
 * People who hold a VNeID account (level 1 or 2) and are alive, for the simulator's login page:
 * by CCCD prefix, or by name ignoring diacritics and tone placement. Without a query, the first ones.
 */
export async function searchAccounts(db: Db, q: string, limit: number): Promise<SimPersonRow[]> {
  let query = db.selectFrom('sim_people').selectAll().where('identity_level', '>=', 1).where('status', '=', 'alive');
  const text = q.normalize('NFC').trim();
  if (/^[0-9]{3,12}$/.test(text)) query = query.where('cccd', 'like', `${text}%`);
  else if (text) {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql<boolean>`motcua_fold(full_name) LIKE '%' || motcua_fold(${escaped}) || '%'`);
  }
  return query.orderBy('id').limit(limit).execute();
}

/** Whether any population is stored (the demo seeds one when none is). */
export async function hasPopulation(db: Db): Promise<boolean> {
  return (await db.selectFrom('sim_population').select('id').executeTakeFirst()) !== undefined;
}
