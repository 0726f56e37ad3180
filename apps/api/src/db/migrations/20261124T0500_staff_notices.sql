-- In-app notices to staff (docs/campaign-progress.md, "reminders"). The notification outbox
-- (20261123T1300_notifications.sql) is built for citizens: every row belongs to a dossier event and is
-- addressed to a phone number or an e-mail address, and the staff table holds neither. Campaign
-- reminders (a partner's report is due, a field team still has households to visit) go to staff
-- accounts, so they are kept here and shown on the staff pages (GET /api/v1/me/notices).
CREATE TABLE staff_notices (
  id           bigserial PRIMARY KEY,
  staff_id     bigint NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('report_due', 'field_pending')),
  campaign_id  bigint REFERENCES campaigns(id) ON DELETE CASCADE,
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body         text NOT NULL CHECK (length(body) <= 2000),
  link         text CHECK (link IS NULL OR link LIKE '/%'),
  -- What the notice is about and for which day (report_due:<partner>:<period end>:<day>,
  -- field_pending:<team>:<day>): the job may run any number of times, one notice per key and person.
  dedupe_key   text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz,
  CONSTRAINT staff_notices_once UNIQUE (staff_id, dedupe_key)
);
COMMENT ON TABLE staff_notices IS 'In-app notices to staff (campaign reminders); one per (person, dedupe_key), so the reminder job is idempotent.';
CREATE INDEX staff_notices_staff_idx ON staff_notices (staff_id, created_at DESC);
