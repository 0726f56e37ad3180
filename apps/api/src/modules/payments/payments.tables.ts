import type { ColumnType, Generated } from 'kysely';
import type { PaymentStatus } from '@motcua/contracts';

export const CALLBACK_OUTCOMES = [
  'paid',
  'failed',
  'duplicate',
  'already_closed',
  'paid_dossier_settled',
  'bad_signature',
  'malformed',
  'unknown_order',
  'amount_mismatch',
  'expired',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

type Instant = ColumnType<Date, Date, Date>;
type MaybeInstant = ColumnType<Date | null, Date | null | undefined, Date | null>;
type MaybeText = ColumnType<string | null, string | null | undefined, string | null>;

export interface PaymentsTable {
  id: Generated<number>;
  reference: string;
  dossier_id: number;
  citizen_id: number;
  amount_vnd: number;
  status: PaymentStatus;
  created_at: Instant;
  expires_at: Instant;
  gateway_transaction_id: MaybeText;
  gateway_response_code: MaybeText;
  bank_code: MaybeText;
  paid_at: MaybeInstant;
  closed_at: MaybeInstant;
  receipt_series: MaybeText;
  receipt_number: MaybeText;
}

export interface PaymentReceiptCountersTable {
  series: string;
  last_seq: number;
}

export interface PaymentCallbacksTable {
  id: Generated<number>;
  received_at: Instant;
  payment_id: ColumnType<number | null, number | null | undefined, number | null>;
  reference: MaybeText;
  gateway_transaction_id: MaybeText;
  body_sha256: string;
  signature_ok: boolean;
  outcome: CallbackOutcome;
  answer_code: string;
}

export interface PaymentsTables {
  payments: PaymentsTable;
  payment_receipt_counters: PaymentReceiptCountersTable;
  payment_callbacks: PaymentCallbacksTable;
}
