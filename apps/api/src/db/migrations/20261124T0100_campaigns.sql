-- Campaigns of Đề án 06 (DESIGN §3.9, docs/campaigns.md): a window, metrics, targets per unit or per
-- level, baselines, reporting rounds and the partners who report. Partner reports, field work and desk
-- records live in their own modules' tables and point here.
CREATE TABLE campaigns (
  id                  bigserial PRIMARY KEY,
  code                text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{2,64}$'),
  kind                text NOT NULL CHECK (kind IN ('subscriber_verification', 'vneid_activation', 'online_services_drive')),
  name                text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 500),
  legal_basis         text NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 4000),
  -- The area the campaign covers (a province, or one commune for a local drive).
  scope_unit_id       bigint NOT NULL REFERENCES units(id),
  -- The unit that runs it (Sở KH&CN for seed 002, Công an tỉnh for seed 003 part 1): its coordinators
  -- act on the whole area, whatever their own unit's subtree (docs/campaigns.md, "who sees what").
  coordinator_unit_id bigint NOT NULL REFERENCES units(id),
  window_start        date NOT NULL,
  window_end          date NOT NULL,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed')),
  source              text NOT NULL DEFAULT '' CHECK (length(source) <= 2000),
  created_at          timestamptz NOT NULL DEFAULT now(),
  created_by          bigint REFERENCES staff(id),
  CONSTRAINT campaigns_window CHECK (window_end >= window_start)
);
COMMENT ON TABLE campaigns IS 'A Đề án 06 campaign: kind, window, area (scope_unit_id) and coordinating unit.';
COMMENT ON COLUMN campaigns.source IS 'Where the configuration comes from (seed document, decision number).';

-- What a campaign counts. `source` says where the figure comes from: approved partner reports,
-- field outcomes, desk records, officials' self-checks, the indicators engine, or a baseline the
-- coordinator sets (subscribers to verify, residents aged ≥ 14, quota).
CREATE TABLE campaign_metrics (
  campaign_id     bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  code            text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,63}$'),
  name_vi         text NOT NULL,
  name_en         text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('count', 'rate')),
  source          text NOT NULL CHECK (source IN ('report', 'field', 'desk', 'selfcheck', 'kpi', 'baseline')),
  -- A rate metric of source report/field/desk/baseline is numerator metric / denominator metric.
  numerator_code   text,
  denominator_code text,
  -- For source = 'kpi': the indicator of the engine (online_rate, digitized_rate, payment_online_rate…).
  kpi_indicator   text,
  position        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, code),
  CONSTRAINT campaign_metrics_rate CHECK (
    kind = 'count' OR source IN ('kpi', 'selfcheck', 'field') OR (numerator_code IS NOT NULL AND denominator_code IS NOT NULL)),
  CONSTRAINT campaign_metrics_kpi CHECK ((source = 'kpi') = (kpi_indicator IS NOT NULL))
);

-- Targets: absolute counts or rates (0–1), for one unit, for every unit of a level, or for the whole area.
CREATE TABLE campaign_targets (
  id           bigserial PRIMARY KEY,
  campaign_id  bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  metric_code  text NOT NULL,
  scope        text NOT NULL CHECK (scope IN ('unit', 'level')),
  unit_id      bigint REFERENCES units(id),
  level        text,
  value        numeric NOT NULL CHECK (value >= 0),
  source       text NOT NULL DEFAULT '',
  updated_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (campaign_id, metric_code) REFERENCES campaign_metrics(campaign_id, code) ON DELETE CASCADE,
  CONSTRAINT campaign_targets_scope CHECK ((scope = 'unit') = (unit_id IS NOT NULL) AND (scope = 'level') = (level IS NOT NULL))
);
CREATE UNIQUE INDEX campaign_targets_unit_uq ON campaign_targets (campaign_id, metric_code, unit_id) WHERE scope = 'unit';
CREATE UNIQUE INDEX campaign_targets_level_uq ON campaign_targets (campaign_id, metric_code, level) WHERE scope = 'level';

-- Baselines per unit (subscribers to verify from the reconciliation, residents aged ≥ 14, quota…).
CREATE TABLE campaign_baselines (
  campaign_id  bigint NOT NULL,
  metric_code  text NOT NULL,
  unit_id      bigint NOT NULL REFERENCES units(id),
  value        bigint NOT NULL CHECK (value >= 0),
  source       text NOT NULL DEFAULT '',
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, metric_code, unit_id),
  FOREIGN KEY (campaign_id, metric_code) REFERENCES campaign_metrics(campaign_id, code) ON DELETE CASCADE
);

-- Reporting rounds with a statistics window and a due date (seed 003 VII.2.b: four rounds).
CREATE TABLE campaign_rounds (
  campaign_id  bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  seq          integer NOT NULL CHECK (seq >= 1),
  name         text NOT NULL,
  stats_from   date NOT NULL,
  stats_to     date NOT NULL,
  due_date     date NOT NULL,
  PRIMARY KEY (campaign_id, seq),
  CONSTRAINT campaign_rounds_window CHECK (stats_to >= stats_from)
);

-- Who reports: a carrier, the police, the post office — a unit of the tree — with its cadence.
-- Weekly periods are ISO weeks (Monday–Sunday) clipped to the window; a report is due at the end of
-- the day period_end + due_offset_days (Asia/Ho_Chi_Minh).
CREATE TABLE campaign_partners (
  id               bigserial PRIMARY KEY,
  campaign_id      bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  unit_id          bigint NOT NULL REFERENCES units(id),
  kind             text NOT NULL CHECK (kind IN ('carrier', 'police', 'post', 'other')),
  cadence          text NOT NULL CHECK (cadence IN ('daily', 'weekly', 'round')),
  due_offset_days  integer NOT NULL DEFAULT 1 CHECK (due_offset_days BETWEEN 0 AND 31),
  -- The metrics this partner reports (codes of campaign_metrics with source 'report').
  metrics          text[] NOT NULL,
  UNIQUE (campaign_id, unit_id)
);

-- API tokens for a partner's system, scoped to one campaign and one partner. Only the hash is kept.
CREATE TABLE campaign_partner_tokens (
  id           bigserial PRIMARY KEY,
  partner_id   bigint NOT NULL REFERENCES campaign_partners(id) ON DELETE CASCADE,
  token_hash   text NOT NULL UNIQUE,
  label        text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   bigint REFERENCES staff(id),
  revoked_at   timestamptz
);
