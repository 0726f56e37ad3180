/** SQL of pending VNeID logins; times come from the database clock, the one that checks them. */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { VneidLoginsTable } from './vneid.tables.ts';

export type VneidLoginRow = Selectable<VneidLoginsTable>;

/** Stores a new login attempt valid for `ttlMinutes`, and drops the expired ones (the index makes it cheap). */
export async function insertLogin(db: Db, l: { state: string; nonce: string; code_verifier: string; return_to: string; ttlMinutes: number }): Promise<void> {
  await db.deleteFrom('vneid_logins').where('expires_at', '<', sql<Date>`now()`).execute();
  const { ttlMinutes, ...values } = l;
  await db
    .insertInto('vneid_logins')
    .values({ ...values, expires_at: sql<Date>`now() + make_interval(mins => ${ttlMinutes})` })
    .execute();
}

/** Takes the attempt out (once): undefined when unknown, already used or expired. */
export async function consumeLogin(db: Db, state: string): Promise<VneidLoginRow | undefined> {
  const row = await db
    .deleteFrom('vneid_logins')
    .where('state', '=', state)
    .returningAll()
    .returning(sql<boolean>`expires_at > now()`.as('live'))
    .executeTakeFirst();
  if (!row?.live) return undefined;
  const { live: _live, ...login } = row;
  return login;
}
