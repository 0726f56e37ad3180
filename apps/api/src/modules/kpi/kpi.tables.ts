import type { ColumnType, Generated } from 'kysely';
import type { KpiRateIndicator, KpiRow, TargetLevel, TargetScope } from '@motcua/contracts';

/** A counter column: read as a number, written as a number (defaults to 0). */
type Counter = ColumnType<number, number | undefined, number>;

export interface KpiDailyTable {
  unit_id: number;
  day: string;
  received: Counter;
  received_online: Counter;
  digitized: Counter;
  reused: Counter;
  fee_total: Counter;
  fee_online: Counter;
  finished: Counter;
  finished_on_time: Counter;
  result_digitized: Counter;
  satisfied: Counter;
  due: Counter;
  due_closed: Counter;
}

/** The same counters summed per calendar month (`month` = its first day). */
export type KpiMonthlyTable = Omit<KpiDailyTable, 'day'> & { month: string };

export interface KpiPointModelTable {
  indicator: string;
  indicator_name: string;
  group_key: string;
  group_name: string;
  max_points: number;
  threshold: number;
  valid_from: string;
  valid_to: string | null;
  source: string;
  position: number;
}

export interface KpiTargetsTable {
  id: Generated<number>;
  year: number;
  scope: TargetScope;
  unit_id: number | null;
  level: TargetLevel | null;
  indicator: KpiRateIndicator;
  target: number;
  source: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface KpiSnapshotsTable {
  month: string;
  period_from: string;
  period_to: string;
  scope_unit_id: number;
  published_at: ColumnType<Date, never, never>;
  published_by: number | null;
}

export interface KpiSnapshotRowsTable {
  month: string;
  position: number;
  unit_id: number | null;
  unit_code: string;
  row: ColumnType<KpiRow, string, never>;
}

export interface KpiTables {
  kpi_daily: KpiDailyTable;
  kpi_monthly: KpiMonthlyTable;
  kpi_point_model: KpiPointModelTable;
  kpi_targets: KpiTargetsTable;
  kpi_snapshots: KpiSnapshotsTable;
  kpi_snapshot_rows: KpiSnapshotRowsTable;
}
