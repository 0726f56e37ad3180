import type { ColumnType, Generated } from 'kysely';

export interface SimZaloMessagesTable {
  id: Generated<number>;
  tracking_id: string;
  msg_id: string;
  phone: string;
  template_id: string;
  template_data: ColumnType<Record<string, string>, string, string>;
  requests: ColumnType<number, number | undefined, number>;
  received_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ZaloSimTables {
  sim_zalo_messages: SimZaloMessagesTable;
}
