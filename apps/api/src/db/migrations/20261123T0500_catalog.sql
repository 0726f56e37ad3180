-- Procedure catalogue (DESIGN §3.2). One row per national procedure code; the structured parts
-- (fees, document components, e-form) are jsonb because they are read and written whole, never
-- queried field by field. Completeness (§4.2 "published with complete information") and the search
-- text are generated columns, so no writer can forget to keep them in step with the data.
CREATE TABLE procedures (
  code                    text PRIMARY KEY CHECK (code ~ '^[1-6]\.[0-9]{6}$'),
  name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  field                   text NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
  level                   text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
  agency_name             text NOT NULL CHECK (length(agency_name) BETWEEN 1 AND 300),
  agency_code             text CHECK (agency_code ~ '^[0-9A-Z][0-9A-Z.]*$'),
  processing_working_days integer CHECK (processing_working_days BETWEEN 0 AND 365),
  processing_hours        integer CHECK (processing_hours BETWEEN 0 AND 720),
  processing_text         text NOT NULL DEFAULT '',
  fee_status              text NOT NULL CHECK (fee_status IN ('charged', 'free', 'unknown')),
  fees                    jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(fees) = 'array'),
  fee_note                text NOT NULL DEFAULT '',
  online_level            text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  components              jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(components) = 'array'),
  form                    jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(form) = 'array'),
  result_type             text NOT NULL DEFAULT '',
  chain_next              text[] NOT NULL DEFAULT '{}',
  legal_basis             text[] NOT NULL DEFAULT '{}',
  source                  text NOT NULL DEFAULT '',
  confidence              text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
  complete                boolean GENERATED ALWAYS AS (
                            jsonb_array_length(components) > 0
                            AND (processing_working_days IS NOT NULL OR processing_hours IS NOT NULL)
                            AND fee_status <> 'unknown'
                            AND jsonb_array_length(form) > 0
                          ) STORED,
  search_text             text GENERATED ALWAYS AS (motcua_fold(name || ' ' || code || ' ' || field)) STORED,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  -- A time is either in working days or in hours, never both.
  CHECK (processing_working_days IS NULL OR processing_hours IS NULL),
  -- "charged" is the only status with amounts; free and unknown carry none.
  CHECK ((fee_status = 'charged') = (jsonb_array_length(fees) > 0)),
  CHECK (NOT (code = ANY (chain_next)))
);
COMMENT ON TABLE procedures IS 'Administrative procedure catalogue (danh mục TTHC) by national code; imported/exported as CSV/XLSX.';
COMMENT ON COLUMN procedures.agency_code IS 'Unit code (units.code) when one agency handles it province-wide, e.g. 91.CA; NULL when every commune (or a central body) handles it.';
COMMENT ON COLUMN procedures.processing_working_days IS 'Statutory processing time in working days; NULL with processing_hours NULL = unknown.';
COMMENT ON COLUMN procedures.processing_hours IS 'Statutory processing time in working hours (8 = within the working day of receipt).';
COMMENT ON COLUMN procedures.fee_status IS 'charged (fees lists the amounts), free (by law), unknown (amount not sourced; fee_note says why).';
COMMENT ON COLUMN procedures.fees IS 'Array of {label, amountVnd}: each case and its amount in đồng.';
COMMENT ON COLUMN procedures.components IS 'Array of {name, originals, copies, required, note?}: the required document components (thành phần hồ sơ).';
COMMENT ON COLUMN procedures.form IS 'E-form: array of {name, label, type, required, options?, prefill?}; prefill names registry:<fact> or results:<result>.<fact>.';
COMMENT ON COLUMN procedures.chain_next IS 'Codes of the procedures opened automatically after this one (liên thông).';
COMMENT ON COLUMN procedures.confidence IS 'How well the entry is sourced (data/reference/SOURCES.md §7): high = official portal page, low = candidate code.';
COMMENT ON COLUMN procedures.complete IS 'Published with complete information: components, time, fee, level and form present (DESIGN §4.2, publicity indicator).';
COMMENT ON COLUMN procedures.search_text IS 'motcua_fold(name code field): diacritic-free text for search that ignores tone placement and NFC/NFD.';
CREATE INDEX procedures_search_idx ON procedures USING gin (search_text gin_trgm_ops);
CREATE INDEX procedures_level_idx ON procedures (level);
CREATE INDEX procedures_agency_code_idx ON procedures (agency_code);
