/** SQL for the procedure catalogue; every function takes the db or a transaction first. */
import { sql, type Selectable } from 'kysely';
import { canonicalToneName, type OnlineLevel, type ProcedureInput, type ProcedureLevel } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { ProceduresTable } from './catalog.tables.ts';

export type ProcedureRow = Selectable<ProceduresTable>;

export interface SearchFilter {
  /** Free text; every whitespace-separated token must match (diacritics and tone placement ignored). */
  q?: string;
  level?: ProcedureLevel;
  /** Agency unit code (exact) or part of the agency name. */
  agency?: string;
  field?: string;
  online?: OnlineLevel;
  /** Only entries published with complete information (true) or those still missing something (false). */
  complete?: boolean;
  limit: number;
  offset: number;
}

/** LIKE treats % and _ as wildcards; a user typing them means the characters themselves. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchTokens(q: string | undefined): string[] {
  return (q ?? '').normalize('NFC').split(/\s+/).filter(Boolean);
}

function filtered(db: Db, f: SearchFilter) {
  let q = db.selectFrom('procedures as p');
  // Folding happens in SQL with the same function as the indexed column, so both sides always agree.
  for (const t of searchTokens(f.q)) q = q.where(sql<boolean>`p.search_text LIKE '%' || motcua_fold(${escapeLike(t)}) || '%'`);
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.online) q = q.where('p.online_level', '=', f.online);
  if (f.complete !== undefined) q = q.where('p.complete', '=', f.complete);
  if (f.field) q = q.where(sql<boolean>`motcua_fold(p.field) = motcua_fold(${f.field.trim()})`);
  if (f.agency) {
    const a = f.agency.trim();
    q = q.where((eb) =>
      eb.or([
        eb('p.agency_code', '=', a.toUpperCase()),
        sql<boolean>`motcua_fold(p.agency_name) LIKE '%' || motcua_fold(${escapeLike(a)}) || '%'`,
      ]),
    );
  }
  return q;
}

export async function searchProcedures(db: Db, f: SearchFilter): Promise<{ rows: ProcedureRow[]; total: number }> {
  const total = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = filtered(db, f).selectAll('p');
  // Tone placement canonicalised so "Xoá" ranks like "Xóa"; catalogue names use the same (new) style.
  const text = canonicalToneName(searchTokens(f.q).join(' '));
  if (text) {
    // The name as typed (same diacritics) first, then names containing it, then trigram closeness.
    q = q
      .orderBy(sql`lower(p.name) = lower(${text})`, 'desc')
      .orderBy(sql`strpos(lower(p.name), lower(${text})) > 0`, 'desc')
      .orderBy(sql`similarity(motcua_fold(p.name), motcua_fold(${text}))`, 'desc');
  } else {
    q = q.orderBy(sql`p.field COLLATE "C"`).orderBy(sql`p.name COLLATE "C"`);
  }
  const rows = await q.orderBy('p.code').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

export async function findProcedure(db: Db, code: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The whole catalogue in code order (export). */
export async function allProcedures(db: Db): Promise<ProcedureRow[]> {
  return db.selectFrom('procedures').selectAll().orderBy('code').execute();
}

export async function existingCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('procedures').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/** Which of these unit codes name a unit (any era): agency codes must point at a real unit. */
export async function existingUnitCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('units').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/**
 * Procedures and how many of them are published with complete information, per level: the inputs
 * of the §4.2 publicity indicator ("complete ÷ procedures").
 */
export async function publicationCounts(db: Db): Promise<{ level: ProcedureLevel; total: number; complete: number }[]> {
  const rows = await db
    .selectFrom('procedures')
    .select((eb) => ['level', eb.fn.countAll<number>().as('total'), sql<number>`count(*) FILTER (WHERE complete)`.as('complete')])
    .groupBy('level')
    .orderBy('level')
    .execute();
  return rows.map((r) => ({ level: r.level, total: Number(r.total), complete: Number(r.complete) }));
}

export async function countProcedures(db: Db): Promise<number> {
  const r = await db
    .selectFrom('procedures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function toValues(p: ProcedureInput) {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    agency_name: p.agencyName,
    agency_code: p.agencyCode,
    processing_working_days: p.processing.workingDays,
    processing_hours: p.processing.hours,
    processing_text: p.processing.text,
    fee_status: p.feeStatus,
    fees: JSON.stringify(p.fees),
    fee_note: p.feeNote,
    online_level: p.onlineLevel,
    identity_level: p.identityLevel ?? 1,
    components: JSON.stringify(p.components),
    form: JSON.stringify(p.form),
    result_type: p.resultType,
    chain_next: p.chainNext,
    legal_basis: p.legalBasis,
    source: p.source,
    confidence: p.confidence,
  };
}

type ProcedureValues = ReturnType<typeof toValues>;
// A record rather than a list, so the compiler notices a column added to toValues but not here.
const COLUMN_SET: Record<keyof ProcedureValues, true> = {
  code: true,
  name: true,
  field: true,
  level: true,
  agency_name: true,
  agency_code: true,
  processing_working_days: true,
  processing_hours: true,
  processing_text: true,
  fee_status: true,
  fees: true,
  fee_note: true,
  online_level: true,
  identity_level: true,
  components: true,
  form: true,
  result_type: true,
  chain_next: true,
  legal_basis: true,
  source: true,
  confidence: true,
};
const DATA_COLUMNS = Object.keys(COLUMN_SET) as (keyof ProcedureValues)[];

/**
 * Inserts new codes and updates changed ones; a row identical to what is stored is left alone, so
 * re-importing the same file changes nothing (not even updated_at). Returns the codes written.
 */
export async function upsertProcedures(db: Db, items: ProcedureInput[]): Promise<string[]> {
  const written: string[] = [];
  for (let i = 0; i < items.length; i += 200) {
    const chunk = items.slice(i, i + 200);
    const rows = await db
      .insertInto('procedures')
      .values(chunk.map(toValues))
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            ...Object.fromEntries(DATA_COLUMNS.filter((c) => c !== 'code').map((c) => [c, eb.ref(`excluded.${c}`)])),
            updated_at: sql<Date>`now()`,
          }))
          .where(
            sql<boolean>`(${sql.join(DATA_COLUMNS.map((c) => sql.ref(`procedures.${c}`)))}) IS DISTINCT FROM (${sql.join(
              DATA_COLUMNS.map((c) => sql.ref(`excluded.${c}`)),
            )})`,
          ),
      )
      .returning('code')
      .execute();
    written.push(...rows.map((r) => r.code));
  }
  return written;
}

/**
 * Audit row for changes made by the installation itself (CLI import): shared/audit.ts records a
 * missing actor as "anonymous", which would misdescribe an operator at the server console.
 */
export async function recordSystemAudit(
  db: Db,
  action: string,
  target: string,
  unitId: number | null,
  details: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: 'system',
      actor_id: null,
      action,
      target,
      unit_id: unitId,
      request_id: null,
      details: JSON.stringify(details),
    })
    .execute();
}
