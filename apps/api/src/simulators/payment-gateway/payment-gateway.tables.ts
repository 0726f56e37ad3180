import type { ColumnType } from 'kysely';

export interface SimPaymentTransactionsTable {
  transaction_no: string;
  merchant: string;
  order_ref: string;
  amount_vnd: number;
  outcome: 'paid' | 'failed';
  created_at: ColumnType<Date, Date, Date>;
  callback_status: ColumnType<number | null, number | null | undefined, number | null>;
  callback_answer: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PaymentGatewaySimTables {
  sim_payment_transactions: SimPaymentTransactionsTable;
}
