/** SQL for phản ánh, kiến nghị; db or transaction first. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { FeedbackStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { FeedbackTable } from './feedback.tables.ts';

export type FeedbackRow = Selectable<FeedbackTable>;
export type NewFeedback = Insertable<FeedbackTable>;

/** A feedback row with the names its views show. */
export type FeedbackListRow = FeedbackRow & {
  unit_code: string;
  unit_name: string;
  unit_path: string;
  dossier_code: string | null;
  citizen_name: string;
  answered_by_name: string | null;
};

function withNames(db: Db) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .leftJoin('dossiers as d', 'd.id', 'f.dossier_id')
    .leftJoin('staff as s', 's.id', 'f.answered_by')
    .selectAll('f')
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path', 'd.code as dossier_code', 'c.full_name as citizen_name', 's.full_name as answered_by_name']);
}

export async function insertFeedback(db: Db, values: NewFeedback): Promise<number> {
  const r = await db.insertInto('feedback').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function findWithNames(db: Db, id: number): Promise<FeedbackListRow | undefined> {
  return withNames(db).where('f.id', '=', id).executeTakeFirst();
}

/** Locks the row for an action (a second officer answering at the same time waits, then sees it). */
export async function lockFeedback(db: Db, id: number): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Applies a change only from the expected statuses; undefined when the row was not in one. */
export async function updateFeedback(db: Db, id: number, from: readonly FeedbackStatus[], patch: Updateable<FeedbackTable>): Promise<boolean> {
  const r = await db.updateTable('feedback').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listForCitizen(db: Db, citizenId: number, page: { limit: number; offset: number }) {
  const rows = await withNames(db).where('f.citizen_id', '=', citizenId).orderBy('f.received_at', 'desc').orderBy('f.id', 'desc').limit(page.limit).offset(page.offset).execute();
  const t = await db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('citizen_id', '=', citizenId).executeTakeFirstOrThrow();
  return { rows, total: Number(t.n) };
}

export interface StaffFilter {
  unitPath: string;
  statuses?: FeedbackStatus[];
  /** Only unanswered feedback past its due date at this instant. */
  overdueAt?: Date;
  limit: number;
  offset: number;
}

/** Feedback of a unit subtree, nearest deadline first. */
export async function listForUnits(db: Db, f: StaffFilter) {
  const filtered = <Q extends ReturnType<typeof withNames>>(q: Q): Q => {
    let x = q.where('u.path', 'like', `${f.unitPath}%`);
    if (f.statuses) x = x.where('f.status', 'in', f.statuses);
    if (f.overdueAt) x = x.where('f.status', 'in', ['received', 'in_progress']).where('f.due_at', '<', f.overdueAt);
    return x as Q;
  };
  const rows = await filtered(withNames(db)).orderBy('f.due_at').orderBy('f.id').limit(f.limit).offset(f.offset).execute();
  const counted = await filtered(withNames(db)).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(counted.n) };
}
