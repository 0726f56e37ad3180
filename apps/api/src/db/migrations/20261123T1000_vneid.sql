-- VNeID login attempts of the relying party (DESIGN §3.4): what the callback needs to finish an
-- OpenID Connect authorization-code + PKCE login. Each row is used once (deleted when the callback
-- consumes it) and is worthless after ten minutes; the browser holds the state in a cookie too, so a
-- callback URL carried to another browser cannot log that browser in (login CSRF).
CREATE TABLE vneid_logins (
  state          text PRIMARY KEY CHECK (length(state) BETWEEN 32 AND 128),
  nonce          text NOT NULL CHECK (length(nonce) BETWEEN 32 AND 128),
  code_verifier  text NOT NULL CHECK (length(code_verifier) BETWEEN 43 AND 128),
  return_to      text NOT NULL CHECK (return_to LIKE '/%' AND return_to NOT LIKE '//%' AND length(return_to) <= 500),
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  CHECK (expires_at > created_at)
);
COMMENT ON TABLE vneid_logins IS 'Pending VNeID (OIDC) logins: state, nonce and PKCE verifier until the callback consumes them; expire after 10 minutes.';
COMMENT ON COLUMN vneid_logins.code_verifier IS 'PKCE code_verifier (RFC 7636), sent to the token endpoint only; the provider saw only its S256 challenge.';
COMMENT ON COLUMN vneid_logins.return_to IS 'Same-origin relative path to send the citizen back to after login.';
CREATE INDEX vneid_logins_expires_idx ON vneid_logins (expires_at);
