import type { ColumnType, Generated } from 'kysely';
import type { DeskPlaceKind, DeskResult, IdKind, SelfCheckResult } from '@motcua/contracts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface DeskRecordsTable {
  id: Generated<number>;
  staff_id: number;
  unit_id: number;
  recorded_on: string;
  recorded_at: ColumnType<Date, Date, never>;
  phone: string;
  detected_carrier: string;
  carrier: string;
  carrier_override: ColumnType<boolean, boolean | undefined, never>;
  id_kind: IdKind;
  id_number: string;
  place_kind: DeskPlaceKind;
  result: DeskResult;
  failure_reason: Nullable<string>;
  idempotency_key: string;
  created_at: CreatedAt;
}

export interface DeskRecordCampaignsTable {
  record_id: number;
  campaign_id: number;
}

export interface DeskPayoutRatesTable {
  carrier: string;
  valid_from: string;
  amount_vnd: number;
  source: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: Nullable<number>;
}

export interface SelfchecksTable {
  id: Generated<number>;
  staff_id: number;
  checked_on: string;
  result: SelfCheckResult;
  carrier: Nullable<string>;
  recorded_at: CreatedAt;
}

export interface DeskTables {
  desk_records: DeskRecordsTable;
  desk_record_campaigns: DeskRecordCampaignsTable;
  desk_payout_rates: DeskPayoutRatesTable;
  selfchecks: SelfchecksTable;
}
