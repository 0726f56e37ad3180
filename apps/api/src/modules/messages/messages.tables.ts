import type { ColumnType, Generated } from 'kysely';

export interface DossierMessagesTable {
  id: Generated<number>;
  dossier_id: number;
  author_kind: 'staff' | 'citizen';
  author_id: number;
  body: string;
  created_at: ColumnType<Date, Date, Date>;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface MessagesTables {
  dossier_messages: DossierMessagesTable;
}
