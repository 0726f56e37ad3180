-- Staff accounts, roles and sessions. Every staff member belongs to one unit; scope is that unit's subtree.
CREATE TABLE staff (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  full_name     text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  unit_id       bigint NOT NULL REFERENCES units(id),
  roles         text[] NOT NULL CHECK (cardinality(roles) > 0),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE staff IS 'Officials and partner accounts (not citizens, who log in through VNeID).';
COMMENT ON COLUMN staff.roles IS 'Roles of DESIGN §2: admin, intake_officer, processor, approver, monitor, campaign_coordinator, field_volunteer, partner_reporter.';
COMMENT ON COLUMN staff.password_hash IS 'argon2id PHC string.';
CREATE INDEX staff_unit_idx ON staff (unit_id);

CREATE TABLE staff_sessions (
  token_hash  text PRIMARY KEY,
  staff_id    bigint NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  user_agent  text,
  CHECK (expires_at > created_at)
);
COMMENT ON TABLE staff_sessions IS 'Login sessions; only the SHA-256 of the token is stored, so a database leak does not leak sessions.';
CREATE INDEX staff_sessions_staff_idx ON staff_sessions (staff_id);

-- Append-only record of security-relevant actions (logins, staff and unit changes).
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_kind  text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system', 'anonymous')),
  actor_id    text,
  action      text NOT NULL,
  target      text,
  unit_id     bigint REFERENCES units(id),
  request_id  text,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON TABLE audit_log IS 'Who did what, written in the same transaction as the change it records. Never updated or deleted.';
CREATE INDEX audit_log_at_idx ON audit_log (at);
