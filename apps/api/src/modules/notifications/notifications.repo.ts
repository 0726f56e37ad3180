/** SQL of the outbox and the citizens' notification preferences; db or transaction first. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { CitizenNotificationPrefsTable, OutboxTable } from './notifications.tables.ts';

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type PrefsRow = Selectable<CitizenNotificationPrefsTable>;

/** Queues rows; a row for an (event, channel) already queued is skipped, so enqueueing twice is harmless. */
export async function insertOutbox(db: Db, rows: NewOutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('outbox')
    .values(rows)
    .onConflict((oc) => oc.columns(['event_id', 'channel']).doNothing())
    .execute();
}

/**
 * Claims up to `limit` due rows in one statement (its own short transaction): pending rows whose
 * retry time has come and `sending` rows whose lease ran out (their worker died). Rows another
 * worker is claiming right now are skipped, not waited for. Claimed rows get a lease until
 * `leaseUntil` and one more attempt.
 */
export async function claimDue(db: Db, o: { now: Date; leaseUntil: Date; limit: number }): Promise<OutboxRow[]> {
  const rows = await db
    .with('due', (qb) =>
      qb
        .selectFrom('outbox')
        .select('id')
        .where('status', 'in', ['pending', 'sending'])
        .where('next_attempt_at', '<=', o.now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(o.limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('outbox')
    .from('due')
    .set((eb) => ({ status: 'sending', attempts: eb('outbox.attempts', '+', 1), next_attempt_at: o.leaseUntil }))
    .whereRef('outbox.id', '=', 'due.id')
    .returningAll('outbox')
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Records a delivery, if the row is still this worker's claim (same attempt, still sending): a
 * worker that lost its lease to another must not overwrite that one's outcome.
 */
export async function markSent(
  db: Db,
  o: { id: number; attempts: number; at: Date; providerMessageId: string },
): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: o.at, provider_message_id: o.providerMessageId, last_error: null })
    .where('id', '=', o.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', o.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a failed attempt: back to pending until `retryAt`, or failed for good when `retryAt` is null. */
export async function markFailed(
  db: Db,
  o: { id: number; attempts: number; at: Date; error: string; retryAt: Date | null },
): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: o.retryAt ? 'pending' : 'failed', next_attempt_at: o.retryAt ?? o.at, last_error: o.error })
    .where('id', '=', o.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', o.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listForDossier(db: Db, dossierId: number): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
}

/** Queue length by status (the CLI reports it). */
export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function findPrefs(db: Db, citizenId: number): Promise<PrefsRow | undefined> {
  return db.selectFrom('citizen_notification_prefs').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();
}

export async function upsertPrefs(db: Db, p: Insertable<CitizenNotificationPrefsTable>): Promise<PrefsRow> {
  return db
    .insertInto('citizen_notification_prefs')
    .values(p)
    .onConflict((oc) =>
      oc.column('citizen_id').doUpdateSet((eb) => ({
        channels: eb.ref('excluded.channels'),
        email: eb.ref('excluded.email'),
        phone: eb.ref('excluded.phone'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
