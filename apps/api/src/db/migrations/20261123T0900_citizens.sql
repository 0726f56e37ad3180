-- Citizens (DESIGN §2, §3.4): people who log in through VNeID. Identity comes from the ID token
-- (CCCD as subject, identity level as a claim); motcua keeps only what it needs to link a person
-- to their dossiers, documents and preferences.
CREATE TABLE citizens (
  id              bigserial PRIMARY KEY,
  id_number       text NOT NULL UNIQUE CHECK (id_number ~ '^[0-9]{12}$'),
  full_name       text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  birth_date      date,
  identity_level  smallint NOT NULL CHECK (identity_level IN (1, 2)),
  phone           text,
  email           text,
  first_login_at  timestamptz NOT NULL DEFAULT now(),
  last_login_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE citizens IS 'People known through VNeID login; the row id (not the CCCD) is what events and logs refer to.';
COMMENT ON COLUMN citizens.id_number IS 'CCCD (12 digits), the subject of the VNeID ID token. Personal data: masked in logs.';
COMMENT ON COLUMN citizens.identity_level IS 'Level of the last login: 1 (basic) or 2 (verified in person); procedures may require 2.';

CREATE TABLE citizen_sessions (
  token_hash      text PRIMARY KEY,
  citizen_id      bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  identity_level  smallint NOT NULL CHECK (identity_level IN (1, 2)),
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  user_agent      text,
  CHECK (expires_at > created_at)
);
COMMENT ON TABLE citizen_sessions IS 'Citizen login sessions, separate from staff sessions; only the SHA-256 of the token is stored.';
CREATE INDEX citizen_sessions_citizen_idx ON citizen_sessions (citizen_id);
