/** SQL of documents and their attachment to dossiers; every function takes the db or a transaction first. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { DocumentsTable, DossierDocumentsTable } from './documents.tables.ts';

export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocument = Insertable<DocumentsTable>;
export type NewAttachment = Insertable<DossierDocumentsTable>;
export type AttachmentRow = Selectable<DossierDocumentsTable>;
/** An attachment with its document. */
export type AttachedDocumentRow = DocumentRow & Pick<AttachmentRow, 'component' | 'attached_at' | 'reused'>;

export async function insertDocument(db: Db, row: NewDocument): Promise<DocumentRow> {
  return db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Of these ids, the documents owned by the citizen (others' and unknown ids are simply absent). */
export async function findOwnedDocuments(db: Db, citizenId: number, ids: string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('documents').selectAll().where('owner_citizen_id', '=', citizenId).where('id', 'in', ids).execute();
}

export async function listOwned(db: Db, citizenId: number, page: { limit: number; offset: number }): Promise<{ rows: DocumentRow[]; total: number }> {
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('owner_citizen_id', '=', citizenId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function insertAttachments(db: Db, rows: NewAttachment[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('dossier_documents').values(rows).execute();
}

/** Every attachment of these documents, oldest first. */
export async function attachmentsOfDocuments(db: Db, documentIds: string[]): Promise<AttachmentRow[]> {
  if (documentIds.length === 0) return [];
  return db.selectFrom('dossier_documents').selectAll().where('document_id', 'in', documentIds).orderBy('attached_at').execute();
}

/** The documents attached to a dossier, in attach order. */
export async function attachedToDossier(db: Db, dossierId: number): Promise<AttachedDocumentRow[]> {
  return db
    .selectFrom('dossier_documents as dd')
    .innerJoin('documents as d', 'd.id', 'dd.document_id')
    .selectAll('d')
    .select(['dd.component', 'dd.attached_at', 'dd.reused'])
    .where('dd.dossier_id', '=', dossierId)
    .orderBy('dd.attached_at')
    .orderBy('d.id')
    .execute();
}

/** One document attached to one dossier, or nothing. */
export async function findAttached(db: Db, dossierId: number, documentId: string): Promise<AttachedDocumentRow | undefined> {
  return db
    .selectFrom('dossier_documents as dd')
    .innerJoin('documents as d', 'd.id', 'dd.document_id')
    .selectAll('d')
    .select(['dd.component', 'dd.attached_at', 'dd.reused'])
    .where('dd.dossier_id', '=', dossierId)
    .where('dd.document_id', '=', documentId)
    .executeTakeFirst();
}

/** Components of a dossier that have at least one document. */
export async function componentsWithDocuments(db: Db, dossierId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('dossier_documents')
    .select('component')
    .distinct()
    .where('dossier_id', '=', dossierId)
    .where('component', 'is not', null)
    .execute();
  return rows.map((r) => r.component!);
}
