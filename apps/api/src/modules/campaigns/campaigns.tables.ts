import type { ColumnType, Generated } from 'kysely';
import type { CampaignKind, CampaignStatus, MetricKind, MetricSource, PartnerCadence, PartnerKind, TargetLevel } from '@motcua/contracts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Updated = ColumnType<Date, Date | undefined, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** numeric and int8 columns are parsed to numbers (db/client.ts). */
type Numeric = ColumnType<number, number, number>;

export interface CampaignsTable {
  id: Generated<number>;
  code: string;
  kind: CampaignKind;
  name: string;
  legal_basis: ColumnType<string, string | undefined, string>;
  scope_unit_id: number;
  coordinator_unit_id: number;
  window_start: string;
  window_end: string;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  source: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  created_by: Nullable<number>;
}

export interface CampaignMetricsTable {
  campaign_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  kind: MetricKind;
  source: MetricSource;
  numerator_code: Nullable<string>;
  denominator_code: Nullable<string>;
  kpi_indicator: Nullable<string>;
  position: ColumnType<number, number | undefined, number>;
}

export interface CampaignTargetsTable {
  id: Generated<number>;
  campaign_id: number;
  metric_code: string;
  scope: 'unit' | 'level';
  unit_id: Nullable<number>;
  level: Nullable<TargetLevel>;
  value: Numeric;
  source: ColumnType<string, string | undefined, string>;
  updated_at: Updated;
}

export interface CampaignBaselinesTable {
  campaign_id: number;
  metric_code: string;
  unit_id: number;
  value: Numeric;
  source: ColumnType<string, string | undefined, string>;
  updated_at: Updated;
}

export interface CampaignRoundsTable {
  campaign_id: number;
  seq: number;
  name: string;
  stats_from: string;
  stats_to: string;
  due_date: string;
}

export interface CampaignPartnersTable {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  kind: PartnerKind;
  cadence: PartnerCadence;
  due_offset_days: ColumnType<number, number | undefined, number>;
  metrics: string[];
}

export interface CampaignPartnerTokensTable {
  id: Generated<number>;
  partner_id: number;
  token_hash: string;
  label: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  created_by: Nullable<number>;
  revoked_at: Nullable<Date>;
}

export interface CampaignsTables {
  campaigns: CampaignsTable;
  campaign_metrics: CampaignMetricsTable;
  campaign_targets: CampaignTargetsTable;
  campaign_baselines: CampaignBaselinesTable;
  campaign_rounds: CampaignRoundsTable;
  campaign_partners: CampaignPartnersTable;
  campaign_partner_tokens: CampaignPartnerTokensTable;
}
