-- Partner reports (DESIGN §3.9, docs/partner-reports.md): what a carrier, the police or the post office
-- sends for one reporting period of a campaign — cumulative totals per commune to the period end (seed
-- 002 IV.4.e: "Định kỳ hằng tuần tổng hợp kết quả (số lượng thuê bao đã xác thực, số lượng thuê bao
-- bị khóa...)"). A report counts only once the coordinator approves it. A resend for the same period is
-- a new revision; earlier revisions stay as history.
CREATE TABLE partner_reports (
  id             bigserial PRIMARY KEY,
  campaign_id    bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  partner_id     bigint NOT NULL REFERENCES campaign_partners(id) ON DELETE CASCADE,
  period_start   date NOT NULL,
  period_end     date NOT NULL,
  revision       integer NOT NULL CHECK (revision >= 1),
  -- pending → approved | rejected; superseded: a later revision replaced it (a pending one at once when
  -- the revision arrives, an approved one when the revision is approved).
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
  received_at    timestamptz NOT NULL,
  due_date       date NOT NULL,
  late           boolean NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('upload', 'api', 'cli')),
  file_name      text CHECK (length(file_name) <= 255),
  submitted_by   bigint REFERENCES staff(id),
  token_id       bigint REFERENCES campaign_partner_tokens(id) ON DELETE SET NULL,
  -- Accepted but flagged: totals going backwards, late receipt ([{kind, message, unitCode, metricCode…}]).
  warnings       jsonb NOT NULL DEFAULT '[]',
  -- Blank lines and "#" note lines of the file that were skipped (counted, never silently dropped).
  skipped_lines  integer NOT NULL DEFAULT 0 CHECK (skipped_lines >= 0),
  decided_by     bigint REFERENCES staff(id),
  decided_at     timestamptz,
  decision_note  text CHECK (length(decision_note) <= 2000),
  CONSTRAINT partner_reports_period CHECK (period_end >= period_start),
  CONSTRAINT partner_reports_reject_reason CHECK (status <> 'rejected' OR length(btrim(coalesce(decision_note, ''))) > 0),
  -- Two senders racing for the same period: the second gets a unique violation (→ 409), never a duplicate.
  CONSTRAINT partner_reports_revision_uq UNIQUE (partner_id, period_end, revision)
);
CREATE INDEX partner_reports_campaign_idx ON partner_reports (campaign_id, status, period_end);
COMMENT ON TABLE partner_reports IS 'One report of a campaign partner for one period (one revision); values in partner_report_values.';
COMMENT ON COLUMN partner_reports.late IS 'Received after the end of due_date (Asia/Ho_Chi_Minh): accepted and flagged.';

CREATE TABLE partner_report_values (
  report_id    bigint NOT NULL REFERENCES partner_reports(id) ON DELETE CASCADE,
  unit_id      bigint NOT NULL REFERENCES units(id),
  metric_code  text NOT NULL,
  value        bigint NOT NULL CHECK (value >= 0),
  PRIMARY KEY (report_id, unit_id, metric_code)
);
CREATE INDEX partner_report_values_unit_idx ON partner_report_values (unit_id);
COMMENT ON TABLE partner_report_values IS 'Cumulative total of a metric for a commune up to the report''s period end.';

CREATE INDEX campaign_partner_tokens_partner_idx ON campaign_partner_tokens (partner_id);
