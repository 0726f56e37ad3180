import type { ColumnType } from 'kysely';

export type ResultStatus = 'valid' | 'revoked';

type Instant = ColumnType<Date, Date, Date>;

export interface ResultsTable {
  /** Public id printed in the QR link: 26 chars of lower-case base32 (128 random bits). */
  id: string;
  dossier_id: number;
  dossier_code: string;
  unit_id: number;
  /** Names as printed on the document (units and procedures are renamed later). */
  unit_name: string;
  citizen_id: number | null;
  procedure_code: string;
  procedure_name: string;
  number_year: number;
  number_seq: number;
  number: string;
  title: string;
  applicant_name: string | null;
  issued_at: Instant;
  issued_by_staff_id: number | null;
  sha256: string;
  /** bytea: pg returns a Buffer, PGlite a Uint8Array. */
  pdf: ColumnType<Uint8Array, Uint8Array, never>;
  size_bytes: number;
  signature_format: 'PAdES-B-B';
  certificate_serial: string;
  status: ColumnType<ResultStatus, ResultStatus | undefined, ResultStatus>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_by: ColumnType<number | null, number | null | undefined, number | null>;
  revoke_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
}

export interface ResultNumberCountersTable {
  unit_id: number;
  year: number;
  last_seq: number;
}

export interface ResultsTables {
  results: ResultsTable;
  result_number_counters: ResultNumberCountersTable;
}
