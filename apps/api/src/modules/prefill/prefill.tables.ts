import type { ColumnType } from 'kysely';

/** jsonb read as a parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface PrefillOffersTable {
  citizen_id: number;
  procedure_code: string;
  /** Field name ("applicant.fullName", "formData key") → SHA-256 hex of name and value. */
  field_hashes: Json<Record<string, string>>;
  offered_at: ColumnType<Date, never, Date | string>;
}

export interface PrefillStatsTable {
  /** Business date 'YYYY-MM-DD' (Asia/Ho_Chi_Minh). */
  day: string;
  procedure_code: string;
  unit_id: number;
  submissions: number;
  fields_total: number;
  fields_prefilled: number;
}

export interface PrefillTables {
  prefill_offers: PrefillOffersTable;
  prefill_stats: PrefillStatsTable;
}
