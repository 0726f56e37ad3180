/** SQL for payment intents, receipt numbers and gateway callbacks; db or transaction first. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { PaymentCallbacksTable, PaymentsTable } from './payments.tables.ts';

export type PaymentRow = Selectable<PaymentsTable>;
export type NewPayment = Insertable<PaymentsTable>;
export type NewCallback = Insertable<PaymentCallbacksTable>;

/** A payment with what its views show next to it. */
export type PaymentListRow = PaymentRow & {
  dossier_code: string;
  procedure_code: string;
  procedure_name: string;
  unit_code: string;
  unit_name: string;
};

const LIVE = ['created', 'pending'] as const;

export async function insertPayment(db: Db, values: NewPayment): Promise<PaymentRow> {
  return db.insertInto('payments').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findByReference(db: Db, reference: string, opts: { forUpdate?: boolean } = {}): Promise<PaymentRow | undefined> {
  const q = db.selectFrom('payments').selectAll().where('reference', '=', reference);
  // Row lock: a second callback for the same intent waits here, then sees it paid.
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** The live (created or pending) intent of a dossier, if any: at most one (unique index). */
export async function findLiveForDossier(db: Db, dossierId: number): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('dossier_id', '=', dossierId).where('status', 'in', LIVE).executeTakeFirst();
}

/**
 * Live intents whose payable window plus `graceMs` has passed become expired; returns how many.
 * `scope` limits it to one dossier or one citizen (the lazy check on reads and new intents).
 */
export async function expireStale(db: Db, now: Date, graceMs: number, scope: { dossierId?: number; citizenId?: number } = {}): Promise<number> {
  let q = db
    .updateTable('payments')
    .set({ status: 'expired', closed_at: now })
    .where('status', 'in', LIVE)
    .where('expires_at', '<', new Date(now.getTime() - graceMs));
  if (scope.dossierId !== undefined) q = q.where('dossier_id', '=', scope.dossierId);
  if (scope.citizenId !== undefined) q = q.where('citizen_id', '=', scope.citizenId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * The one transition to paid: only from a live status, so a repeated or concurrent confirmation
 * finds nothing to update. Returns the paid row, or undefined when it was not live.
 */
export async function markPaid(
  db: Db,
  id: number,
  v: { at: Date; transactionNo: string; responseCode: string; bankCode: string | null; series: string; number: string },
): Promise<PaymentRow | undefined> {
  return db
    .updateTable('payments')
    .set({
      status: 'paid',
      paid_at: v.at,
      gateway_transaction_id: v.transactionNo,
      gateway_response_code: v.responseCode,
      bank_code: v.bankCode,
      receipt_series: v.series,
      receipt_number: v.number,
    })
    .where('id', '=', id)
    .where('status', 'in', LIVE)
    .returningAll()
    .executeTakeFirst();
}

/** The transition to failed, likewise only from a live status. */
export async function markFailed(db: Db, id: number, v: { at: Date; transactionNo: string; responseCode: string }): Promise<PaymentRow | undefined> {
  return db
    .updateTable('payments')
    .set({ status: 'failed', closed_at: v.at, gateway_transaction_id: v.transactionNo, gateway_response_code: v.responseCode })
    .where('id', '=', id)
    .where('status', 'in', LIVE)
    .returningAll()
    .executeTakeFirst();
}

/** Whether a gateway transaction number was already used by another intent. */
export async function transactionUsed(db: Db, transactionNo: string): Promise<boolean> {
  const r = await db.selectFrom('payments').select('id').where('gateway_transaction_id', '=', transactionNo).executeTakeFirst();
  return r !== undefined;
}

/** The next receipt number of a series, never shared between concurrent confirmations. */
export async function nextReceiptSeq(db: Db, series: string): Promise<number> {
  const r = await db
    .insertInto('payment_receipt_counters')
    .values({ series, last_seq: 1 })
    .onConflict((oc) => oc.column('series').doUpdateSet({ last_seq: sql<number>`payment_receipt_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return r.last_seq;
}

export async function insertCallback(db: Db, values: NewCallback): Promise<void> {
  await db.insertInto('payment_callbacks').values(values).execute();
}

export async function listCallbacks(db: Db, paymentId: number) {
  return db.selectFrom('payment_callbacks').selectAll().where('payment_id', '=', paymentId).orderBy('id').execute();
}

function withNames(db: Db) {
  return db
    .selectFrom('payments as p')
    .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .innerJoin('procedures as pr', 'pr.code', 'd.procedure_code')
    .innerJoin('units as u', 'u.id', 'd.handling_unit_id')
    .selectAll('p')
    .select(['d.code as dossier_code', 'd.procedure_code as procedure_code', 'pr.name as procedure_name', 'u.code as unit_code', 'u.name as unit_name']);
}

/** A citizen's payments, newest first. */
export async function listForCitizen(db: Db, citizenId: number, page: { limit: number; offset: number }): Promise<{ rows: PaymentListRow[]; total: number }> {
  const rows = await withNames(db).where('p.citizen_id', '=', citizenId).orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(page.limit).offset(page.offset).execute();
  const t = await db.selectFrom('payments').select((eb) => eb.fn.countAll<number>().as('n')).where('citizen_id', '=', citizenId).executeTakeFirstOrThrow();
  return { rows, total: Number(t.n) };
}

export async function findWithNames(db: Db, reference: string): Promise<PaymentListRow | undefined> {
  return withNames(db).where('p.reference', '=', reference).executeTakeFirst();
}
