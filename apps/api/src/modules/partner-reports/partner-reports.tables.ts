import type { ColumnType, Generated } from 'kysely';
import type { PartnerReportChannel, PartnerReportStatus, PartnerReportWarning } from '@motcua/contracts';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface PartnerReportsTable {
  id: Generated<number>;
  campaign_id: number;
  partner_id: number;
  period_start: string;
  period_end: string;
  revision: number;
  status: ColumnType<PartnerReportStatus, PartnerReportStatus | undefined, PartnerReportStatus>;
  received_at: Date;
  due_date: string;
  late: boolean;
  channel: PartnerReportChannel;
  file_name: Nullable<string>;
  submitted_by: Nullable<number>;
  token_id: Nullable<number>;
  /** jsonb: written as a JSON string, read back parsed. */
  warnings: ColumnType<PartnerReportWarning[], string | undefined, string>;
  skipped_lines: ColumnType<number, number | undefined, number>;
  decided_by: Nullable<number>;
  decided_at: Nullable<Date>;
  decision_note: Nullable<string>;
}

export interface PartnerReportValuesTable {
  report_id: number;
  unit_id: number;
  metric_code: string;
  /** bigint, parsed to a number (db/client.ts). */
  value: number;
}

export interface PartnerReportsTables {
  partner_reports: PartnerReportsTable;
  partner_report_values: PartnerReportValuesTable;
}
