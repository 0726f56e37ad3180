/** SQL for results and their number counters; every function takes the db or a transaction first. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { ResultsTable } from './results.tables.ts';

/** A result without its PDF bytes: what every listing and check needs. */
export type ResultRow = Omit<Selectable<ResultsTable>, 'pdf'>;
export type NewResult = Insertable<ResultsTable>;

const COLUMNS = [
  'id', 'dossier_id', 'dossier_code', 'unit_id', 'unit_name', 'citizen_id', 'procedure_code', 'procedure_name',
  'number_year', 'number_seq', 'number', 'title', 'applicant_name', 'issued_at', 'issued_by_staff_id', 'sha256',
  'size_bytes', 'signature_format', 'certificate_serial', 'status', 'revoked_at', 'revoked_by', 'revoke_reason', 'created_at',
] as const;

/**
 * The next số văn bản of a unit in a year. The upsert locks the counter row until the transaction
 * ends, so two approvers of one unit get consecutive numbers and a rollback gives its number back.
 */
export async function nextNumber(db: Db, unitId: number, year: number): Promise<number> {
  const r = await db
    .insertInto('result_number_counters')
    .values({ unit_id: unitId, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ last_seq: sql<number>`result_number_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return r.last_seq;
}

export async function insertResult(db: Db, values: NewResult): Promise<void> {
  await db.insertInto('results').values(values).execute();
}

export async function findResult(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ResultRow | undefined> {
  const q = db.selectFrom('results').select(COLUMNS).where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function findResultBySha256(db: Db, sha256: string): Promise<ResultRow | undefined> {
  return db.selectFrom('results').select(COLUMNS).where('sha256', '=', sha256).orderBy('issued_at').executeTakeFirst();
}

/** The PDF bytes as a Buffer (pg gives a Buffer, PGlite a Uint8Array). */
export async function resultPdf(db: Db, id: string): Promise<Buffer | undefined> {
  const r = await db.selectFrom('results').select('pdf').where('id', '=', id).executeTakeFirst();
  return r ? Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength) : undefined;
}

export async function listByDossier(db: Db, dossierId: number): Promise<ResultRow[]> {
  return db.selectFrom('results').select(COLUMNS).where('dossier_id', '=', dossierId).orderBy('issued_at').orderBy('id').execute();
}

export async function listByCitizen(db: Db, citizenId: number): Promise<ResultRow[]> {
  return db.selectFrom('results').select(COLUMNS).where('citizen_id', '=', citizenId).orderBy('issued_at', 'desc').orderBy('id').execute();
}

/** Marks a valid result revoked; undefined when it was revoked already (the row lock makes this exact). */
export async function revoke(db: Db, id: string, by: { staffId: number; at: Date; reason: string }): Promise<ResultRow | undefined> {
  return db
    .updateTable('results')
    .set({ status: 'revoked', revoked_at: by.at, revoked_by: by.staffId, revoke_reason: by.reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .returning(COLUMNS)
    .executeTakeFirst();
}
