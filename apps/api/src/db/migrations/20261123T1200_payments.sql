-- Online payment of a dossier's fee (DESIGN §3.6): one row per payment intent handed to the gateway,
-- and every callback the gateway sent, verified or not. Idempotency lives here, not in memory: a
-- gateway transaction pays at most one intent (unique), an intent becomes paid once (the service's
-- UPDATE … WHERE status = 'pending' under a row lock), and a dossier has at most one paid intent.
CREATE TABLE payments (
  id                      bigserial PRIMARY KEY,
  reference               text NOT NULL CHECK (reference ~ '^[A-Z0-9]{12,32}$'),
  dossier_id              bigint NOT NULL REFERENCES dossiers(id),
  citizen_id              bigint NOT NULL REFERENCES citizens(id),
  amount_vnd              bigint NOT NULL CHECK (amount_vnd > 0),
  status                  text NOT NULL CHECK (status IN ('created', 'pending', 'paid', 'failed', 'expired')),
  created_at              timestamptz NOT NULL,
  expires_at              timestamptz NOT NULL,
  gateway_transaction_id  text CHECK (length(gateway_transaction_id) BETWEEN 1 AND 64),
  gateway_response_code   text CHECK (length(gateway_response_code) BETWEEN 1 AND 8),
  bank_code               text CHECK (length(bank_code) BETWEEN 1 AND 20),
  paid_at                 timestamptz,
  closed_at               timestamptz,
  receipt_series          text,
  receipt_number          text,
  CONSTRAINT payments_reference_key UNIQUE (reference),
  CONSTRAINT payments_gateway_transaction_key UNIQUE (gateway_transaction_id),
  CONSTRAINT payments_receipt_key UNIQUE (receipt_series, receipt_number),
  CONSTRAINT payments_expiry_after_creation CHECK (expires_at > created_at),
  -- Paid = the gateway confirmed a transaction, and the receipt (biên lai) was numbered with it.
  CONSTRAINT payments_paid_facts CHECK (
    (status = 'paid') = (paid_at IS NOT NULL)
    AND (status <> 'paid' OR (gateway_transaction_id IS NOT NULL AND receipt_number IS NOT NULL AND receipt_series IS NOT NULL))
    AND (receipt_number IS NULL OR status = 'paid')),
  CONSTRAINT payments_closed_status CHECK ((closed_at IS NOT NULL) = (status IN ('failed', 'expired')))
);
COMMENT ON TABLE payments IS 'Payment intents (yêu cầu thanh toán) for dossier fees, sent to the payment gateway; docs/payments.md.';
COMMENT ON COLUMN payments.reference IS 'Public order reference sent to the gateway (vnp_TxnRef-like): unguessable, upper-case letters and digits.';
COMMENT ON COLUMN payments.citizen_id IS 'The citizen who started the payment (the payer on the receipt); only they see it.';
COMMENT ON COLUMN payments.amount_vnd IS 'Amount in whole đồng: the dossier fee when the intent was made; a callback with another amount is refused.';
COMMENT ON COLUMN payments.status IS 'created (recorded, not yet sent), pending (citizen sent to the gateway), paid, failed (gateway said no), expired (no answer before expires_at plus the grace period).';
COMMENT ON COLUMN payments.expires_at IS 'The gateway refuses to pay after this instant (sent as expireDate); the expiry job closes the intent a grace period later.';
COMMENT ON COLUMN payments.gateway_transaction_id IS 'The gateway''s transaction number (vnp_TransactionNo-like) of the paying or failing transaction; unique.';
COMMENT ON COLUMN payments.receipt_series IS 'Receipt series (ký hiệu biên lai), e.g. AG-26E: province, year, E = electronic.';
COMMENT ON COLUMN payments.receipt_number IS 'Receipt number (số biên lai) within its series, 7 digits, given when the payment is confirmed.';
-- At most one paid intent per dossier: a second paying transaction can never mark the same fee paid.
CREATE UNIQUE INDEX payments_one_paid_per_dossier ON payments (dossier_id) WHERE status = 'paid';
-- At most one live intent per dossier: a second request returns the live one instead.
CREATE UNIQUE INDEX payments_one_live_per_dossier ON payments (dossier_id) WHERE status IN ('created', 'pending');
CREATE INDEX payments_citizen_idx ON payments (citizen_id, created_at);
CREATE INDEX payments_live_expiry_idx ON payments (expires_at) WHERE status IN ('created', 'pending');

CREATE TABLE payment_receipt_counters (
  series    text PRIMARY KEY,
  last_seq  integer NOT NULL CHECK (last_seq > 0)
);
COMMENT ON TABLE payment_receipt_counters IS 'Last receipt number per series; one UPSERT … RETURNING per confirmed payment, so numbers are never shared.';

CREATE TABLE payment_callbacks (
  id                      bigserial PRIMARY KEY,
  received_at             timestamptz NOT NULL,
  payment_id              bigint REFERENCES payments(id),
  reference               text CHECK (length(reference) <= 64),
  gateway_transaction_id  text CHECK (length(gateway_transaction_id) <= 64),
  body_sha256             text NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
  signature_ok            boolean NOT NULL,
  outcome                 text NOT NULL CHECK (outcome IN (
                            'paid', 'failed', 'duplicate', 'already_closed', 'paid_dossier_settled',
                            'bad_signature', 'malformed', 'unknown_order', 'amount_mismatch', 'expired')),
  answer_code             text NOT NULL,
  CHECK (signature_ok OR outcome = 'bad_signature')
);
COMMENT ON TABLE payment_callbacks IS 'Every callback (IPN) received from the payment gateway, forged or not: the hash of its raw body, whether the HMAC matched, and what was done.';
COMMENT ON COLUMN payment_callbacks.outcome IS 'paid/failed: applied; duplicate: same transaction again, nothing changed; already_closed: intent already paid/failed/expired by another transaction; paid_dossier_settled: paid, but the dossier fee was already settled (refund case); bad_signature, malformed, unknown_order, amount_mismatch, expired: refused.';
COMMENT ON COLUMN payment_callbacks.answer_code IS 'Code answered to the gateway (RspCode: 00 confirmed, 02 already confirmed, 01 order not found, 04 invalid amount, 97 invalid signature, 99 other).';
CREATE INDEX payment_callbacks_payment_idx ON payment_callbacks (payment_id) WHERE payment_id IS NOT NULL;
