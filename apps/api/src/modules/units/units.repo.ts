/** SQL for units; every function takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { UnitKind } from '@motcua/contracts';
import type { UnitsTable } from './units.tables.ts';

export type UnitRow = Selectable<UnitsTable>;
export type UnitRowWithParent = UnitRow & { parent_code: string | null; child_count: number };

/** Rows valid on `at` (YYYY-MM-DD): valid_from <= at < valid_to, NULL bounds open. */
const validOn = (at: string) =>
  sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR ${at}::date < u.valid_to)`;

function baseQuery(db: Db, at: string) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .selectAll('u')
    .select('p.code as parent_code')
    .select(
      sql<number>`(select count(*) from units c where c.parent_id = u.id and (c.valid_from IS NULL OR c.valid_from <= ${at}::date) and (c.valid_to IS NULL OR ${at}::date < c.valid_to))`.as(
        'child_count',
      ),
    )
    .where(validOn(at));
}

export async function findUnitByCode(db: Db, code: string, at: string): Promise<UnitRowWithParent | undefined> {
  return baseQuery(db, at).where('u.code', '=', code).executeTakeFirst() as Promise<UnitRowWithParent | undefined>;
}

export async function findUnitById(db: Db, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ListFilter {
  at: string;
  parentId?: number | null;
  kinds?: UnitKind[];
  q?: string;
  limit: number;
  offset: number;
}

export async function listUnits(db: Db, f: ListFilter): Promise<{ rows: UnitRowWithParent[]; total: number }> {
  let q = baseQuery(db, f.at);
  if (f.parentId !== undefined) q = f.parentId === null ? q.where('u.parent_id', 'is', null) : q.where('u.parent_id', '=', f.parentId);
  if (f.kinds) q = q.where('u.kind', 'in', f.kinds);
  if (f.q) q = q.where(sql<boolean>`motcua_fold(u.name) LIKE '%' || motcua_fold(${f.q}) || '%'`);
  const total = await db
    .selectFrom(q.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('u.kind')
    .orderBy(sql`u.name COLLATE "C"`)
    .orderBy('u.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows: rows as UnitRowWithParent[], total: Number(total.n) };
}

/** Ancestors from the root down, by the ids in the materialised path. */
export async function ancestorsOf(db: Db, row: UnitRow): Promise<UnitRow[]> {
  const ids = row.path.split('/').filter(Boolean).map(Number).filter((id) => id !== row.id);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is UnitRow => !!r);
}

/** Whole subtree (including the unit itself) valid on `at`. */
export async function subtreeOf(db: Db, row: UnitRow, at: string): Promise<UnitRow[]> {
  return db
    .selectFrom('units as u')
    .selectAll('u')
    .where('u.path', 'like', `${row.path}%`)
    .where(validOn(at))
    .orderBy('u.path')
    .execute();
}

export async function updateContact(db: Db, id: number, contact: Record<string, string>): Promise<void> {
  await db
    .updateTable('units')
    .set({ contact: JSON.stringify(contact), updated_at: sql`now()` as unknown as Date })
    .where('id', '=', id)
    .execute();
}

export async function countUnits(db: Db): Promise<number> {
  const r = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Units valid on `at` that name successors (abolished by a later reorganisation). */
export async function listWithSuccessors(db: Db, at: string): Promise<UnitRow[]> {
  return db
    .selectFrom('units as u')
    .selectAll('u')
    .where(validOn(at))
    .where(sql<boolean>`cardinality(u.successor_codes) > 0`)
    .orderBy('u.code')
    .execute();
}
