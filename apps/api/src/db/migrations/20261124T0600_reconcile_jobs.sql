-- Subscriber reconciliation run over the API (issue 6 §4, docs/reconcile.md "API job and campaign
-- hand-off"). The uploaded files live under <dataDir>/reconcile/<id>/in/ until the run ends (done or
-- failed) and are then deleted; the outputs stay under <dataDir>/reconcile/<id>/out/. A job left
-- 'running' by a crash is marked failed when the server starts again.
CREATE TABLE reconcile_jobs (
  id           bigserial PRIMARY KEY,
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  created_by   bigint NOT NULL REFERENCES staff(id),
  -- The creator's unit: its subtree (and the province's staff) may read the job and its files.
  unit_id      bigint NOT NULL REFERENCES units(id),
  campaign_id  bigint REFERENCES campaigns(id) ON DELETE SET NULL,
  max_per_id   integer CHECK (max_per_id IS NULL OR max_per_id >= 1),
  deadline     date,
  input_names  jsonb NOT NULL DEFAULT '{}',
  progress     jsonb,
  summary      jsonb,
  handoff      jsonb,
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz
);
CREATE INDEX reconcile_jobs_queue_idx ON reconcile_jobs (id) WHERE status = 'queued';
