import type { ColumnType, Generated } from 'kysely';

export type NotificationChannel = 'email' | 'sms' | 'zalo';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** timestamptz read as Date, written as Date. */
type Instant = ColumnType<Date, Date, Date>;
type MaybeInstant = ColumnType<Date | null, Date | null | undefined, Date | null>;

export interface OutboxTable {
  id: Generated<number>;
  dossier_id: number;
  event_id: number;
  channel: NotificationChannel;
  /** Email address or 84xxxxxxxxx: personal data, never logged unmasked. */
  recipient: string;
  template: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Instant;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Instant;
  sent_at: MaybeInstant;
  provider_message_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CitizenNotificationPrefsTable {
  citizen_id: number;
  channels: ColumnType<NotificationChannel[], NotificationChannel[], NotificationChannel[]>;
  email: string | null;
  /** 10 digits with the leading 0. */
  phone: string | null;
  updated_at: Instant;
}

export interface NotificationsTables {
  outbox: OutboxTable;
  citizen_notification_prefs: CitizenNotificationPrefsTable;
}
