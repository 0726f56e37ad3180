import type { ColumnType, Generated } from 'kysely';
import type { FeedbackKind, FeedbackStatus } from '@motcua/contracts';

type Instant = ColumnType<Date, Date, Date>;
type MaybeInstant = ColumnType<Date | null, Date | null | undefined, Date | null>;

export interface FeedbackTable {
  id: Generated<number>;
  kind: FeedbackKind;
  citizen_id: number;
  dossier_id: ColumnType<number | null, number | null | undefined, number | null>;
  unit_id: number;
  content: string;
  status: FeedbackStatus;
  received_at: Instant;
  due_at: Instant;
  answered_at: MaybeInstant;
  answer: ColumnType<string | null, string | null | undefined, string | null>;
  answered_by: ColumnType<number | null, number | null | undefined, number | null>;
  closed_at: MaybeInstant;
}

export interface FeedbackTables {
  feedback: FeedbackTable;
}
