import type { ColumnType, Generated } from 'kysely';

export interface SimSmsMessagesTable {
  id: Generated<number>;
  idempotency_key: string;
  message_id: string;
  brandname: string;
  recipient: string;
  message: string;
  segments: number;
  requests: ColumnType<number, number | undefined, number>;
  received_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SmsSimTables {
  sim_sms_messages: SimSmsMessagesTable;
}
