-- Notifications (DESIGN §3.7): a transactional outbox. A row is written in the same transaction as
-- the dossier event it announces, so an event is never committed without its notifications nor a
-- notification sent for an event that rolled back. The worker (notifications.worker.ts) delivers
-- at least once; the provider call carries the outbox id as its idempotency key, so a retry after
-- a crash does not reach the person twice.
CREATE TABLE outbox (
  id                   bigserial PRIMARY KEY,
  dossier_id           bigint NOT NULL REFERENCES dossiers(id),
  event_id             bigint NOT NULL REFERENCES dossier_events(id),
  channel              text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient            text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  template             text NOT NULL CHECK (template ~ '^[a-z][a-z0-9_]{0,63}$'),
  payload              jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(payload) = 'object'),
  status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at      timestamptz NOT NULL,
  last_error           text,
  created_at           timestamptz NOT NULL,
  sent_at              timestamptz,
  provider_message_id  text,
  CONSTRAINT outbox_event_channel_key UNIQUE (event_id, channel),
  CONSTRAINT outbox_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CONSTRAINT outbox_recipient_format CHECK (
    (channel = 'email' AND recipient LIKE '%_@_%') OR (channel <> 'email' AND recipient ~ '^84[0-9]{9}$'))
);
COMMENT ON TABLE outbox IS 'Notifications to send, one per dossier event and channel, written in the event''s transaction (transactional outbox).';
COMMENT ON COLUMN outbox.recipient IS 'Email address or mobile number as 84xxxxxxxxx. Personal data: never logged unmasked.';
COMMENT ON COLUMN outbox.template IS 'Template name (the event action, e.g. received, supplement_requested); texts in notifications.templates.ts.';
COMMENT ON COLUMN outbox.payload IS 'Facts of the event the template needs (receipt code, due date, reason …), captured when the event happened.';
COMMENT ON COLUMN outbox.status IS 'pending: waiting for next_attempt_at; sending: claimed by a worker until next_attempt_at (the lease); sent; failed: given up.';
COMMENT ON COLUMN outbox.attempts IS 'Claims so far, counted at claim time, so a worker that crashes mid-delivery still uses up an attempt.';
COMMENT ON COLUMN outbox.next_attempt_at IS 'pending: earliest retry (exponential backoff with jitter); sending: end of the worker''s lease, after which another worker may claim the row.';
COMMENT ON COLUMN outbox.provider_message_id IS 'Id the gateway gave the message (SMTP Message-ID, SMS message id, Zalo msg_id).';
-- The worker's question: what is due now? Only unfinished rows are indexed.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_dossier_idx ON outbox (dossier_id, id);

-- What a citizen chose on "Thông báo của tôi": channels and the addresses to use. Without a row, SMS
-- to the phone written on each dossier.
CREATE TABLE citizen_notification_prefs (
  citizen_id  bigint PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
  channels    text[] NOT NULL CHECK (channels <@ ARRAY['email', 'sms', 'zalo']::text[]),
  email       text CHECK (email IS NULL OR (length(email) <= 254 AND email LIKE '%_@_%')),
  phone       text CHECK (phone IS NULL OR phone ~ '^0[0-9]{9}$'),
  updated_at  timestamptz NOT NULL,
  CONSTRAINT citizen_notification_prefs_email_known CHECK (NOT ('email' = ANY (channels)) OR email IS NOT NULL)
);
COMMENT ON TABLE citizen_notification_prefs IS 'Channels (email, sms, zalo) a citizen wants dossier notifications on; an empty list means none.';
COMMENT ON COLUMN citizen_notification_prefs.phone IS 'Mobile number (10 digits, leading 0) for SMS and Zalo; NULL = the phone on each dossier. Personal data.';
COMMENT ON COLUMN citizen_notification_prefs.email IS 'Address for email notifications. Personal data.';
