/** SQL for dossiers, their events and receipt counters; every function takes the db or a transaction first. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DossierStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { DossierEventsTable, DossiersTable } from './dossiers.tables.ts';

export type DossierRow = Selectable<DossiersTable>;
export type NewDossier = Insertable<DossiersTable>;
export type DossierPatch = Updateable<DossiersTable>;
export type NewDossierEvent = Insertable<DossierEventsTable>;
export type DossierEventRow = Selectable<DossierEventsTable> & { actor_name: string | null };

/** A dossier with the names a view shows next to it. */
export type DossierListRow = DossierRow & {
  procedure_name: string;
  unit_code: string;
  unit_name: string;
};

export async function findDossierByCode(db: Db, code: string, opts: { forUpdate?: boolean } = {}): Promise<DossierRow | undefined> {
  let q = db.selectFrom('dossiers').selectAll().where('code', '=', code);
  // Row lock: a concurrent action on the same dossier waits here, then sees the new version.
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findDossierById(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<DossierRow | undefined> {
  const q = db.selectFrom('dossiers').selectAll().where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function findDossiersByCodes(db: Db, codes: string[]): Promise<DossierRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('dossiers').selectAll().where('code', 'in', codes).execute();
}

export async function insertDossier(db: Db, values: NewDossier): Promise<DossierRow> {
  return db.insertInto('dossiers').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertDossiers(db: Db, values: NewDossier[]): Promise<DossierRow[]> {
  if (values.length === 0) return [];
  return db.insertInto('dossiers').values(values).returningAll().execute();
}

/**
 * Applies a change when the row is still at `expectedVersion`, incrementing the version; undefined
 * when someone else changed it first.
 */
export async function updateDossier(db: Db, id: number, expectedVersion: number, patch: DossierPatch): Promise<DossierRow | undefined> {
  return db
    .updateTable('dossiers')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function insertEvents(db: Db, events: NewDossierEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insertInto('dossier_events').values(events).execute();
}

/** Inserts one event and returns its id (the outbox refers to it). */
/**
 * Inserts a new dossier and its first event in one statement (a data-modifying CTE): intake is the
 * busiest write, and each statement is a round trip (docs/performance.md §4.1).
 */
export async function insertDossierWithEvent(
  db: Db,
  values: NewDossier,
  event: Omit<NewDossierEvent, 'dossier_id'>,
): Promise<{ row: DossierRow; eventId: number }> {
  const r = await db
    .with('d', (qb) => qb.insertInto('dossiers').values(values).returningAll())
    .with('e', (qb) =>
      qb
        .insertInto('dossier_events')
        .columns(['dossier_id', 'at', 'actor_kind', 'actor_id', 'action', 'from_status', 'to_status', 'reason', 'details'])
        .expression((eb) =>
          eb
            .selectFrom('d')
            .select([
              'd.id',
              sql<Date>`${event.at}::timestamptz`.as('at'),
              sql<string>`${event.actor_kind}::text`.as('actor_kind'),
              sql<string | null>`${event.actor_id}::text`.as('actor_id'),
              sql<string>`${event.action}::text`.as('action'),
              sql<string | null>`${event.from_status}::text`.as('from_status'),
              sql<string>`${event.to_status}::text`.as('to_status'),
              sql<string | null>`${event.reason}::text`.as('reason'),
              sql<string>`${event.details ?? '{}'}::jsonb`.as('details'),
            ]),
        )
        .returning('id'),
    )
    .selectFrom('d')
    .selectAll('d')
    .select((eb) => eb.selectFrom('e').select('e.id').as('event_id'))
    .executeTakeFirstOrThrow();
  const { event_id, ...row } = r;
  return { row: row as DossierRow, eventId: Number(event_id) };
}

export async function insertEvent(db: Db, event: NewDossierEvent): Promise<number> {
  const r = await db.insertInto('dossier_events').values(event).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function listEvents(db: Db, dossierId: number): Promise<DossierEventRow[]> {
  return db
    .selectFrom('dossier_events as e')
    .leftJoin('staff as s', (j) => j.on(sql<boolean>`e.actor_kind = 'staff' AND s.id::text = e.actor_id`))
    .selectAll('e')
    .select('s.full_name as actor_name')
    .where('e.dossier_id', '=', dossierId)
    .orderBy('e.id')
    .execute();
}

/** Of these dossiers, those with history written in this system beyond the import itself. */
export async function liveHandledIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('dossier_events')
    .select('dossier_id')
    .distinct()
    .where('dossier_id', 'in', ids)
    .where('action', 'not in', ['imported', 'import_updated'])
    .execute();
  return new Set(rows.map((r) => Number(r.dossier_id)));
}

export async function childCodes(db: Db, parentId: number): Promise<string[]> {
  const rows = await db.selectFrom('dossiers').select('code').where('parent_dossier_id', '=', parentId).orderBy('id').execute();
  return rows.map((r) => r.code);
}

/** The next receipt sequence of a unit on a day: one statement, so concurrent intakes get distinct numbers. */
export async function nextReceiptSeq(db: Db, unitCode: string, day: string): Promise<number> {
  const r = await db
    .insertInto('dossier_receipt_counters')
    .values({ unit_code: unitCode, day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet({ last_seq: sql<number>`dossier_receipt_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(r.last_seq);
}

/** Makes sure the counter of a unit and day is at least `seq` (an imported code in our own format). */
export async function raiseReceiptSeq(db: Db, unitCode: string, day: string, seq: number): Promise<void> {
  await db
    .insertInto('dossier_receipt_counters')
    .values({ unit_code: unitCode, day, last_seq: seq })
    .onConflict((oc) =>
      oc.columns(['unit_code', 'day']).doUpdateSet({ last_seq: sql<number>`greatest(dossier_receipt_counters.last_seq, excluded.last_seq)` }),
    )
    .execute();
}

export interface ListFilter {
  /** Materialised path of the subtree whose handling units are listed. */
  unitPath: string;
  statuses?: DossierStatus[];
  /** Due on or before this instant (and still running). */
  dueBefore?: Date;
  /** Due at or after this instant. */
  dueFrom?: Date;
  limit: number;
  offset: number;
}

function listQuery(db: Db, f: ListFilter) {
  let q = db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.handling_unit_id')
    .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
    .where('u.path', 'like', `${f.unitPath}%`);
  if (f.statuses) q = q.where('d.status', 'in', f.statuses);
  if (f.dueBefore) q = q.where('d.due_at', '<=', f.dueBefore);
  if (f.dueFrom) q = q.where('d.due_at', '>=', f.dueFrom);
  return q;
}

export async function listDossiers(db: Db, f: ListFilter): Promise<{ rows: DossierListRow[]; total: number }> {
  const total = await listQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await listQuery(db, f)
    .selectAll('d')
    .select(['p.name as procedure_name', 'u.code as unit_code', 'u.name as unit_name'])
    // Nearest deadline first; dossiers without one (not yet received) after, newest first.
    .orderBy(sql`d.due_at ASC NULLS LAST`)
    .orderBy('d.submitted_at', 'desc')
    .orderBy('d.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** A citizen's own online dossiers, newest first. */
export async function listCitizenDossiers(db: Db, citizenId: number, page: { limit: number; offset: number }) {
  const base = db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
    .innerJoin('units as u', 'u.id', 'd.handling_unit_id')
    .where('d.citizen_id', '=', citizenId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows: DossierListRow[] = await base
    .selectAll('d')
    .select(['p.name as procedure_name', 'u.code as unit_code', 'u.name as unit_name'])
    .orderBy('d.submitted_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

export const FACT_COLUMNS = [
  'id',
  'status',
  'handling_unit_id',
  'channel',
  'received_at',
  'due_at',
  'finished_at',
  'supplement_requests',
  'fee_vnd',
  'paid',
  'digitized_dossier',
  'digitized_result',
  'reused_data',
  'rating',
  'complaint',
] as const;

/** The fact columns of one batch of dossiers after `afterId`, in id order (keyset pagination). */
export async function factRowsAfter(db: Db, afterId: number, limit: number) {
  return db.selectFrom('dossiers').select(FACT_COLUMNS).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export async function recordSystemAudit(db: Db, action: string, target: string, details: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor_kind: 'system', actor_id: null, action, target, unit_id: null, request_id: null, details: JSON.stringify(details) })
    .execute();
}
