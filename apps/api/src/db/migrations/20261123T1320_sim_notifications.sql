-- What the simulated providers received (DESIGN §5: "local receivers that record messages"): the
-- SMTP server, the SMS brandname gateway and Zalo ZNS. Each dedupes on the key the sender passes
-- (Message-ID, idempotency key, tracking_id) and counts the requests, so a test can prove that a
-- resend reached nobody twice.
CREATE TABLE sim_mail_messages (
  id           bigserial PRIMARY KEY,
  message_id   text UNIQUE,
  mail_from    text NOT NULL,
  rcpt_to      text[] NOT NULL,
  subject      text,
  text_body    text,
  html_body    text,
  size_bytes   integer NOT NULL,
  requests     integer NOT NULL DEFAULT 1 CHECK (requests >= 1),
  received_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sim_mail_messages IS 'SMTP simulator: messages received, parsed; one row per Message-ID (requests counts resends).';

CREATE TABLE sim_sms_messages (
  id               bigserial PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  message_id       text NOT NULL UNIQUE,
  brandname        text NOT NULL,
  recipient        text NOT NULL,
  message          text NOT NULL,
  segments         integer NOT NULL CHECK (segments >= 1),
  requests         integer NOT NULL DEFAULT 1 CHECK (requests >= 1),
  received_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sim_sms_messages IS 'SMS brandname gateway simulator: accepted messages, one per idempotency key (requests counts resends).';

CREATE TABLE sim_zalo_messages (
  id             bigserial PRIMARY KEY,
  tracking_id    text NOT NULL UNIQUE,
  msg_id         text NOT NULL UNIQUE,
  phone          text NOT NULL,
  template_id    text NOT NULL,
  template_data  jsonb NOT NULL,
  requests       integer NOT NULL DEFAULT 1 CHECK (requests >= 1),
  received_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sim_zalo_messages IS 'Zalo ZNS simulator: template messages accepted, one per tracking_id (requests counts resends).';
