import type { ColumnType, Generated } from 'kysely';
import type { Applicant, DossierChannel, DossierPaid, DossierRating, DossierStatus } from '@motcua/contracts';

/** jsonb read as a parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;
/** timestamptz read as Date, written as Date. */
type Instant = ColumnType<Date, Date, Date>;
type MaybeInstant = ColumnType<Date | null, Date | null | undefined, Date | null>;

export interface DossiersTable {
  id: Generated<number>;
  code: string;
  procedure_code: string;
  handling_unit_id: number;
  receiving_unit_id: number;
  past_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  channel: DossierChannel;
  status: DossierStatus;
  applicant: ColumnType<Applicant | null, string | null, string | null>;
  form_data: Json<Record<string, unknown>>;
  submitted_at: Instant;
  received_at: MaybeInstant;
  due_at: MaybeInstant;
  original_due_at: MaybeInstant;
  finished_at: MaybeInstant;
  supplement_requests: ColumnType<number, number | undefined, number>;
  paused_since: MaybeInstant;
  fee_vnd: ColumnType<number, number | undefined, number>;
  paid: ColumnType<DossierPaid, DossierPaid | undefined, DossierPaid>;
  digitized_dossier: ColumnType<boolean, boolean | undefined, boolean>;
  digitized_result: ColumnType<boolean, boolean | undefined, boolean>;
  reused_data: ColumnType<boolean, boolean | undefined, boolean>;
  rating: ColumnType<DossierRating | null, DossierRating | null | undefined, DossierRating | null>;
  complaint: ColumnType<boolean, boolean | undefined, boolean>;
  apology_due_at: MaybeInstant;
  assigned_staff_id: ColumnType<number | null, number | null | undefined, number | null>;
  parent_dossier_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: ColumnType<number, number | undefined, number>;
  imported: ColumnType<boolean, boolean | undefined, boolean>;
  citizen_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  at: Instant;
  actor_kind: 'staff' | 'citizen' | 'system' | 'anonymous';
  actor_id: string | null;
  action: string;
  from_status: DossierStatus | null;
  to_status: DossierStatus;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface DossierReceiptCountersTable {
  unit_code: string;
  day: string;
  last_seq: number;
}

export interface DossiersTables {
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_receipt_counters: DossierReceiptCountersTable;
}
