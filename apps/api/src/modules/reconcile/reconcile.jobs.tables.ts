import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface ReconcileJobsTable {
  id: Generated<number>;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | 'running' | 'done' | 'failed' | undefined>;
  created_by: number;
  unit_id: number;
  campaign_id: ColumnType<number | null, number | null | undefined, number | null>;
  max_per_id: ColumnType<number | null, number | null | undefined, number | null>;
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  input_names: Json;
  progress: NullableJson;
  summary: NullableJson;
  handoff: NullableJson;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
  started_at: ColumnType<Date | null, never, Date | string | null>;
  finished_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface ReconcileTables {
  reconcile_jobs: ReconcileJobsTable;
}
