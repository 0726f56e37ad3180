-- Electronic results (DESIGN §3.5, seed 004 "áp dụng mã QR"): the signed PDF issued for an approved
-- dossier, the number it carries (số văn bản) and whether it still stands. The PDF bytes live in the
-- row so the document and its record commit or roll back together (docs/results.md); signing keys
-- never do: they stay on disk under <dataDir>/pki.
CREATE TABLE results (
  id                  text PRIMARY KEY CHECK (id ~ '^[a-z2-7]{26}$'),
  dossier_id          bigint NOT NULL REFERENCES dossiers(id),
  dossier_code        text NOT NULL,
  unit_id             bigint NOT NULL REFERENCES units(id),
  unit_name           text NOT NULL,
  citizen_id          bigint REFERENCES citizens(id),
  procedure_code      text NOT NULL REFERENCES procedures(code),
  procedure_name      text NOT NULL,
  number_year         integer NOT NULL CHECK (number_year BETWEEN 2000 AND 2200),
  number_seq          integer NOT NULL CHECK (number_seq >= 1),
  number              text NOT NULL CHECK (number ~ ('^' || number_seq || '/')),
  title               text NOT NULL,
  applicant_name      text,
  issued_at           timestamptz NOT NULL,
  issued_by_staff_id  bigint REFERENCES staff(id),
  sha256              text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  pdf                 bytea NOT NULL,
  size_bytes          integer NOT NULL CHECK (size_bytes = octet_length(pdf)),
  signature_format    text NOT NULL CHECK (signature_format IN ('PAdES-B-B')),
  certificate_serial  text NOT NULL CHECK (certificate_serial ~ '^[0-9a-f]+$'),
  status              text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
  revoked_at          timestamptz,
  revoked_by          bigint REFERENCES staff(id),
  revoke_reason       text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT results_number_key UNIQUE (unit_id, number_year, number_seq),
  CONSTRAINT results_revocation CHECK (
    (status = 'valid' AND revoked_at IS NULL AND revoked_by IS NULL AND revoke_reason IS NULL)
    OR (status = 'revoked' AND revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND length(btrim(revoke_reason)) > 0))
);
COMMENT ON TABLE results IS 'Electronic results (kết quả giải quyết TTHC điện tử): signed PDF with QR verification link, number per unit and year, revocation.';
COMMENT ON COLUMN results.id IS 'Public identifier printed in the QR link /verify/<id>: 128 random bits in lower-case base32, unguessable.';
COMMENT ON COLUMN results.unit_name IS 'Issuing unit name as printed: units are renamed and merged, the document keeps the name it was issued under (likewise procedure_name, dossier_code).';
COMMENT ON COLUMN results.citizen_id IS 'The citizen who owns the dossier (dossiers.citizen_id at issue time): may download the PDF; their data store lists it.';
COMMENT ON COLUMN results.number IS 'Số văn bản as printed, e.g. 12/TB-UBND: sequence per issuing unit and calendar year (Việt Nam), kind and issuer abbreviations.';
COMMENT ON COLUMN results.applicant_name IS 'Applicant full name as printed; the public verification shows it masked (Nguyễn T. M. A.).';
COMMENT ON COLUMN results.sha256 IS 'SHA-256 (hex) of the signed PDF exactly as issued; an uploaded copy must match it byte for byte.';
COMMENT ON COLUMN results.pdf IS 'The signed PDF (PAdES baseline B-B signature embedded).';
COMMENT ON COLUMN results.certificate_serial IS 'Serial (hex) of the issuing unit''s X.509 certificate that signed the PDF.';
CREATE INDEX results_dossier_idx ON results (dossier_id);
CREATE INDEX results_citizen_idx ON results (citizen_id, issued_at) WHERE citizen_id IS NOT NULL;
CREATE INDEX results_sha256_idx ON results (sha256);

-- One counter row per unit and year; the upsert that bumps it locks the row until the issuing
-- transaction ends, so numbers are gapless within committed results and never reused.
CREATE TABLE result_number_counters (
  unit_id   bigint NOT NULL REFERENCES units(id),
  year      integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  last_seq  integer NOT NULL CHECK (last_seq >= 1),
  PRIMARY KEY (unit_id, year)
);
COMMENT ON TABLE result_number_counters IS 'Last số văn bản of electronic results per issuing unit and calendar year.';
