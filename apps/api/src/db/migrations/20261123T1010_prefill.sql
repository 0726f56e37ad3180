-- Prefill of e-forms from what the state already knows (seed 001: at least 20% fewer fields to
-- declare through data reuse; DESIGN §3.2). See docs/prefill.md.

-- What motcua last offered a citizen for a procedure's form: a hash per field, never the values
-- themselves (the registry stays the store of personal data). At submission, a field counts as
-- prefilled only if the citizen says so AND its submitted value hashes to what was offered.
CREATE TABLE prefill_offers (
  citizen_id      bigint NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  procedure_code  text   NOT NULL REFERENCES procedures(code) ON DELETE CASCADE,
  field_hashes    jsonb  NOT NULL CHECK (jsonb_typeof(field_hashes) = 'object'),
  offered_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (citizen_id, procedure_code)
);
COMMENT ON TABLE prefill_offers IS 'Last prefill offered to a citizen per procedure: field name → SHA-256 of field name and value. No personal data in clear.';

-- Online submissions and their declared and prefilled fields, per business day (Asia/Ho_Chi_Minh),
-- procedure and handling unit, written in the submission's transaction.
CREATE TABLE prefill_stats (
  day               date    NOT NULL,
  procedure_code    text    NOT NULL REFERENCES procedures(code),
  unit_id           bigint  NOT NULL REFERENCES units(id),
  submissions       integer NOT NULL CHECK (submissions > 0),
  fields_total      integer NOT NULL CHECK (fields_total >= 0),
  fields_prefilled  integer NOT NULL CHECK (fields_prefilled >= 0 AND fields_prefilled <= fields_total),
  PRIMARY KEY (day, procedure_code, unit_id)
);
COMMENT ON TABLE prefill_stats IS 'Per day, procedure and handling unit: online submissions, fields they declared (applicant block + filled e-form fields) and how many of those were confirmed prefilled.';
COMMENT ON COLUMN prefill_stats.fields_total IS 'Sum over submissions of the fields that carried a value: the 4 applicant fields plus every non-empty e-form field.';
COMMENT ON COLUMN prefill_stats.fields_prefilled IS 'Of fields_total, those the citizen kept as prefilled and whose value equals what motcua offered.';
CREATE INDEX prefill_stats_unit_idx ON prefill_stats (unit_id, day);
