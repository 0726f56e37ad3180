/** SQL of dossier_messages; db or transaction first. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { DossierMessagesTable } from './messages.tables.ts';

export type MessageRow = Selectable<DossierMessagesTable>;

export async function insertMessage(db: Db, m: Insertable<DossierMessagesTable>): Promise<MessageRow> {
  return db.insertInto('dossier_messages').values(m).returningAll().executeTakeFirstOrThrow();
}

export async function listMessages(db: Db, dossierId: number): Promise<MessageRow[]> {
  return db.selectFrom('dossier_messages').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
}

/** Marks the unread messages written by `author` (the other side) as read at `at`. */
export async function markRead(db: Db, dossierId: number, author: MessageRow['author_kind'], at: Date): Promise<void> {
  await db
    .updateTable('dossier_messages')
    .set({ read_at: at })
    .where('dossier_id', '=', dossierId)
    .where('author_kind', '=', author)
    .where('read_at', 'is', null)
    .execute();
}
