/**
 * What the dossiers module asks of the documents module when a dossier takes documents (online
 * submission with stored documents, digitisation at the desk). Imports nothing of the dossiers
 * module, so the two can call each other without an import cycle.
 */
import type { DocumentKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import * as repo from './documents.repo.ts';
import type { CreatorKind } from './documents.tables.ts';

export interface OwnedDocument {
  id: string;
  kind: DocumentKind;
  /** Already attached to some dossier: using it again is reuse. */
  usedBefore: boolean;
}

/** Of these ids, the citizen's own documents with whether each was used before; others' ids are absent. */
export async function ownedDocuments(db: Db, citizenId: number, ids: string[]): Promise<Map<string, OwnedDocument>> {
  const rows = await repo.findOwnedDocuments(db, citizenId, ids);
  const used = new Set((await repo.attachmentsOfDocuments(db, rows.map((r) => r.id))).map((a) => a.document_id));
  return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, usedBefore: used.has(r.id) }]));
}

export interface Attachment {
  dossierId: number;
  documentId: string;
  /** Component name; null for the dossier's result. */
  component: string | null;
  reused: boolean;
  at: Date;
  by: { kind: CreatorKind; id: string | null };
}

export async function attachDocuments(db: Db, items: Attachment[]): Promise<void> {
  await repo.insertAttachments(
    db,
    items.map((a) => ({
      dossier_id: a.dossierId,
      document_id: a.documentId,
      component: a.component,
      reused: a.reused,
      attached_at: a.at,
      attached_by_kind: a.by.kind,
      attached_by_id: a.by.id,
    })),
  );
}

/** Components of the dossier that already have at least one document. */
export const componentsWithDocuments = repo.componentsWithDocuments;
