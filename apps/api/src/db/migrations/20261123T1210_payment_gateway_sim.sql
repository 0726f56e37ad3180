-- The payment gateway simulator's own books (apps/api/src/simulators/payment-gateway): what the
-- "gateway" did with each order it was shown. Not part of motcua's data; a real gateway keeps these.
CREATE TABLE sim_payment_transactions (
  transaction_no   text PRIMARY KEY,
  merchant         text NOT NULL,
  order_ref        text NOT NULL,
  amount_vnd       bigint NOT NULL CHECK (amount_vnd > 0),
  outcome          text NOT NULL CHECK (outcome IN ('paid', 'failed')),
  created_at       timestamptz NOT NULL,
  callback_status  integer,
  callback_answer  text
);
COMMENT ON TABLE sim_payment_transactions IS 'Payment gateway simulator: each pay/fail decision, with the HTTP status and answer of the callback it sent to the merchant.';
-- The simulated gateway, like a real one, pays an order at most once.
CREATE UNIQUE INDEX sim_payment_transactions_paid_once ON sim_payment_transactions (merchant, order_ref) WHERE outcome = 'paid';
