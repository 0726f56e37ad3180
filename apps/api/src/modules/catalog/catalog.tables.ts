import type { ColumnType } from 'kysely';
import type {
  DocumentComponent,
  Fee,
  FeeStatus,
  FormField,
  OnlineLevel,
  ProcedureLevel,
  SourceConfidence,
} from '@motcua/contracts';

/** jsonb read as a parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface ProceduresTable {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  agency_name: string;
  agency_code: string | null;
  processing_working_days: number | null;
  processing_hours: number | null;
  processing_text: string;
  fee_status: FeeStatus;
  fees: Json<Fee[]>;
  fee_note: string;
  online_level: OnlineLevel;
  /** VNeID level required to submit online (1 or 2); migration 20261123T1020. */
  identity_level: ColumnType<1 | 2, 1 | 2 | undefined, 1 | 2>;
  components: Json<DocumentComponent[]>;
  form: Json<FormField[]>;
  result_type: string;
  chain_next: string[];
  legal_basis: string[];
  source: string;
  confidence: SourceConfidence;
  complete: ColumnType<boolean, never, never>;
  search_text: ColumnType<string, never, never>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface CatalogTables {
  procedures: ProceduresTable;
}
