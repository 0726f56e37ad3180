import type { ColumnType, Generated } from 'kysely';

export interface SimMailMessagesTable {
  id: Generated<number>;
  message_id: string | null;
  mail_from: string;
  rcpt_to: ColumnType<string[], string[], string[]>;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  size_bytes: number;
  requests: ColumnType<number, number | undefined, number>;
  received_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SmtpSimTables {
  sim_mail_messages: SimMailMessagesTable;
}
