import type { ColumnType, Generated } from 'kysely';
import type { StaffNoticeKind } from '@motcua/contracts';

export interface StaffNoticesTable {
  id: Generated<number>;
  staff_id: number;
  kind: StaffNoticeKind;
  campaign_id: number | null;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CampaignProgressTables {
  staff_notices: StaffNoticesTable;
}
