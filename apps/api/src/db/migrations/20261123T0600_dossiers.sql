-- Dossiers (DESIGN §3.3): one row per dossier with its current state, and an append-only event log
-- written in the same transaction as every change. Business times (received, due, finished …) are set
-- by the service, never by now() here, so an event and the row it changed carry the same instant.
CREATE TABLE dossiers (
  id                  bigserial PRIMARY KEY,
  code                text NOT NULL CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z._/-]{0,63}$'),
  procedure_code      text NOT NULL REFERENCES procedures(code),
  handling_unit_id    bigint NOT NULL REFERENCES units(id),
  receiving_unit_id   bigint NOT NULL REFERENCES units(id),
  past_unit_ids       bigint[] NOT NULL DEFAULT '{}',
  channel             text NOT NULL CHECK (channel IN ('online', 'counter', 'post')),
  status              text NOT NULL CHECK (status IN (
                        'draft', 'submitted', 'received', 'in_progress', 'supplement_requested', 'awaiting_payment',
                        'approved', 'refused', 'result_issued', 'returned', 'rejected_at_intake', 'withdrawn')),
  applicant           jsonb CHECK (applicant IS NULL OR jsonb_typeof(applicant) = 'object'),
  form_data           jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(form_data) = 'object'),
  submitted_at        timestamptz NOT NULL,
  received_at         timestamptz,
  due_at              timestamptz,
  original_due_at     timestamptz,
  finished_at         timestamptz,
  supplement_requests integer NOT NULL DEFAULT 0 CHECK (supplement_requests >= 0),
  paused_since        timestamptz,
  fee_vnd             bigint NOT NULL DEFAULT 0 CHECK (fee_vnd >= 0),
  paid                text NOT NULL DEFAULT 'none' CHECK (paid IN ('none', 'online', 'counter')),
  digitized_dossier   boolean NOT NULL DEFAULT false,
  digitized_result    boolean NOT NULL DEFAULT false,
  reused_data         boolean NOT NULL DEFAULT false,
  rating              text CHECK (rating IN ('satisfied', 'neutral', 'unsatisfied')),
  complaint           boolean NOT NULL DEFAULT false,
  apology_due_at      timestamptz,
  assigned_staff_id   bigint REFERENCES staff(id),
  parent_dossier_id   bigint REFERENCES dossiers(id),
  version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  imported            boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dossiers_code_key UNIQUE (code),
  -- A dossier is received (has a receipt time and a promised date) from 'received' on; before that,
  -- or when turned away at intake, it has neither.
  CONSTRAINT dossiers_receipt_dates CHECK ((received_at IS NULL) = (due_at IS NULL) AND (due_at IS NULL) = (original_due_at IS NULL)),
  CONSTRAINT dossiers_received_status CHECK (
    received_at IS NOT NULL OR status IN ('draft', 'submitted', 'rejected_at_intake', 'withdrawn')),
  CONSTRAINT dossiers_due_after_receipt CHECK (due_at >= received_at AND original_due_at >= received_at),
  -- "Finished" = a decision was taken: the first of approved/refused (then result_issued, returned).
  CONSTRAINT dossiers_finished_status CHECK (
    (finished_at IS NOT NULL) = (status IN ('approved', 'refused', 'result_issued', 'returned'))),
  CONSTRAINT dossiers_finished_after_receipt CHECK (finished_at >= received_at),
  -- The clock is paused only while a supplement is awaited; imported dossiers may lack the pause start.
  CONSTRAINT dossiers_pause_status CHECK (paused_since IS NULL OR status = 'supplement_requested'),
  CONSTRAINT dossiers_pause_known CHECK (status <> 'supplement_requested' OR paused_since IS NOT NULL OR imported),
  CONSTRAINT dossiers_paid_fee CHECK (paid = 'none' OR fee_vnd > 0),
  CONSTRAINT dossiers_rating_finished CHECK (rating IS NULL OR finished_at IS NOT NULL),
  CONSTRAINT dossiers_result_finished CHECK (NOT digitized_result OR finished_at IS NOT NULL),
  CONSTRAINT dossiers_apology_after_receipt CHECK (apology_due_at > received_at),
  CONSTRAINT dossiers_applicant_known CHECK (applicant IS NOT NULL OR imported),
  CONSTRAINT dossiers_parent_not_self CHECK (parent_dossier_id <> id)
);
COMMENT ON TABLE dossiers IS 'Administrative-procedure dossiers (hồ sơ TTHC) from submission to returned result; history in dossier_events.';
COMMENT ON COLUMN dossiers.code IS 'Receipt code (mã hồ sơ), unique in the province: <unit code>-<YYMMDD>-<sequence ≥4 digits> (docs/dossiers.md), or the code of the previous system for imported dossiers.';
COMMENT ON COLUMN dossiers.handling_unit_id IS 'Unit that handles the dossier now (changes on transfer); indicators count it here.';
COMMENT ON COLUMN dossiers.receiving_unit_id IS 'Unit whose desk (or online portal) took the dossier in; never changes.';
COMMENT ON COLUMN dossiers.past_unit_ids IS 'Units that handled the dossier before a transfer; their staff keep read access to it.';
COMMENT ON COLUMN dossiers.channel IS 'online (2), counter (1) or post (3), the channel codes of DESIGN §3.3.';
COMMENT ON COLUMN dossiers.applicant IS 'Personal data {fullName, idNumber, phone, address}: never logged, masked in lists; NULL only for imported history.';
COMMENT ON COLUMN dossiers.form_data IS 'Values of the procedure e-form; a chained dossier carries the result reference of its parent under "chainedFrom".';
COMMENT ON COLUMN dossiers.submitted_at IS 'When the dossier entered the system (online submission, or the counter receipt).';
COMMENT ON COLUMN dossiers.received_at IS 'When the desk accepted the dossier; deadlines count from here (DESIGN §4.1).';
COMMENT ON COLUMN dossiers.due_at IS 'Current promised date: the statutory deadline moved by the working days spent waiting for supplements. An apology does not move it.';
COMMENT ON COLUMN dossiers.original_due_at IS 'Promised date computed at receipt, before any supplement pause.';
COMMENT ON COLUMN dossiers.finished_at IS 'Time of the first decision (approved or refused); NULL while unfinished.';
COMMENT ON COLUMN dossiers.supplement_requests IS 'How many times a supplement was requested; more than one counts as late (DESIGN §4.2).';
COMMENT ON COLUMN dossiers.paused_since IS 'Start of the current wait for a supplement (the clock is paused); NULL when running.';
COMMENT ON COLUMN dossiers.fee_vnd IS 'Fee (lệ phí) due, whole đồng; 0 when free or exempt.';
COMMENT ON COLUMN dossiers.paid IS 'How the fee was paid: none (not yet / nothing due), online, counter.';
COMMENT ON COLUMN dossiers.digitized_dossier IS 'The dossier components are held electronically (digitisation indicator).';
COMMENT ON COLUMN dossiers.digitized_result IS 'The result was issued electronically (result digitisation indicator).';
COMMENT ON COLUMN dossiers.reused_data IS 'The applicant reused data the state already holds (registry or earlier results) instead of re-typing it.';
COMMENT ON COLUMN dossiers.rating IS 'Applicant satisfaction after the result: satisfied, neutral, unsatisfied; NULL = not rated.';
COMMENT ON COLUMN dossiers.apology_due_at IS 'New date promised in an apology letter (thư xin lỗi); the dossier still counts as late against due_at.';
COMMENT ON COLUMN dossiers.parent_dossier_id IS 'The dossier whose result opened this one (liên thông chain).';
COMMENT ON COLUMN dossiers.version IS 'Optimistic concurrency: every change increments it; an action on a stale version is refused (409 CONFLICT).';
COMMENT ON COLUMN dossiers.imported IS 'Loaded from a previous system by `motcua import dossiers`; idempotent by code.';
CREATE INDEX dossiers_queue_idx ON dossiers (handling_unit_id, status, due_at);
-- Deadlines only matter while the clock runs; finished history (most rows) stays out of this index.
CREATE INDEX dossiers_open_due_idx ON dossiers (due_at) WHERE status IN ('received', 'in_progress', 'awaiting_payment');
CREATE INDEX dossiers_parent_idx ON dossiers (parent_dossier_id) WHERE parent_dossier_id IS NOT NULL;

CREATE TABLE dossier_events (
  id          bigserial PRIMARY KEY,
  dossier_id  bigint NOT NULL REFERENCES dossiers(id),
  at          timestamptz NOT NULL,
  actor_kind  text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system', 'anonymous')),
  actor_id    text,
  action      text NOT NULL CHECK (action ~ '^[a-z][a-z_]*$'),
  from_status text,
  to_status   text NOT NULL,
  reason      text CHECK (length(reason) <= 2000),
  details     jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  CHECK (actor_kind <> 'staff' OR actor_id IS NOT NULL)
);
COMMENT ON TABLE dossier_events IS 'Append-only history of each dossier (who, when, from → to, why), written in the transaction of the change.';
COMMENT ON COLUMN dossier_events.action IS 'submitted, received, rejected, assigned, transferred, started, supplement_requested, supplement_provided, payment_requested, paid, approved, refused, result_issued, returned, withdrawn, apology, rated, complaint, chain_opened, chain_next_opened, chain_skipped, imported, import_updated.';
COMMENT ON COLUMN dossier_events.details IS 'Facts of the change (new due date, target unit, days waited …); never personal data of the applicant.';
CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, id);

-- Append-only is a rule of the table, not a habit of the code.
CREATE FUNCTION dossier_events_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_events is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();

CREATE TABLE dossier_receipt_counters (
  unit_code text NOT NULL,
  day       date NOT NULL,
  last_seq  integer NOT NULL CHECK (last_seq > 0),
  PRIMARY KEY (unit_code, day)
);
COMMENT ON TABLE dossier_receipt_counters IS 'Last receipt sequence per unit code and day (Asia/Ho_Chi_Minh); incremented by one UPSERT … RETURNING, so concurrent intakes never share a number.';
