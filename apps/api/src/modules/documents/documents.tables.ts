import type { ColumnType } from 'kysely';
import type { DocumentKind, DocumentMediaType } from '@motcua/contracts';

export type { DocumentKind, DocumentMediaType };
export type CreatorKind = 'citizen' | 'staff' | 'system';

type Instant = ColumnType<Date, Date, Date>;

export interface DocumentsTable {
  id: string;
  owner_citizen_id: number | null;
  sha256: string;
  size_bytes: number;
  media_type: DocumentMediaType;
  file_name: string;
  kind: DocumentKind;
  title: string;
  digitized: boolean;
  created_at: Instant;
  created_by_kind: CreatorKind;
  created_by_id: string | null;
}

export interface DossierDocumentsTable {
  dossier_id: number;
  document_id: string;
  /** Component name from the procedure's list; null for the dossier's result. */
  component: string | null;
  attached_at: Instant;
  attached_by_kind: CreatorKind;
  attached_by_id: string | null;
  reused: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface DocumentsTables {
  documents: DocumentsTable;
  dossier_documents: DossierDocumentsTable;
}
