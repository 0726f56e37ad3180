-- Field work of a campaign (DESIGN §3.9, docs/field-work.md): the household lists the commune police
-- provide, the volunteer teams that walk them, and the outcome recorded for each person.
-- Seed 003 IV.1.c: "Công an các xã … cung cấp danh sách công dân đã được … phê duyệt tài khoản định
-- danh điện tử VNeID theo từng hộ, từng ấp"; V.2.d: "lập danh sách xác nhận sau khi đã kích hoạt thành
-- công và danh sách không có mặt, danh sách công dân không đủ điều kiện (tính tỷ lệ)".

-- One row per imported file: who brought the list in and when.
CREATE TABLE field_imports (
  id           bigserial PRIMARY KEY,
  campaign_id  bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  file_name    text NOT NULL DEFAULT '' CHECK (length(file_name) <= 300),
  people       integer NOT NULL CHECK (people >= 0),
  imported_at  timestamptz NOT NULL,
  imported_by  bigint REFERENCES staff(id)
);
COMMENT ON TABLE field_imports IS 'A household list imported for a campaign (all rows or none).';

-- A team of volunteers of one commune (Tổ công nghệ số cộng đồng, Đoàn thanh niên, Hội phụ nữ…).
CREATE TABLE field_teams (
  id           bigserial PRIMARY KEY,
  campaign_id  bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  unit_id      bigint NOT NULL REFERENCES units(id),
  name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   bigint REFERENCES staff(id),
  UNIQUE (campaign_id, unit_id, name)
);
COMMENT ON COLUMN field_teams.unit_id IS 'The commune the team works in; its members are field volunteers of that commune.';

CREATE TABLE field_team_members (
  team_id   bigint NOT NULL REFERENCES field_teams(id) ON DELETE CASCADE,
  staff_id  bigint NOT NULL REFERENCES staff(id),
  PRIMARY KEY (team_id, staff_id)
);
CREATE INDEX field_team_members_staff_idx ON field_team_members (staff_id);

-- A hamlet (ấp, khóm, khu phố) of a commune given to a team: its households, present and future
-- (a later import into the same hamlet lands with the same team).
CREATE TABLE field_hamlet_assignments (
  campaign_id  bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  unit_id      bigint NOT NULL REFERENCES units(id),
  hamlet       text NOT NULL,
  team_id      bigint NOT NULL REFERENCES field_teams(id) ON DELETE CASCADE,
  PRIMARY KEY (campaign_id, unit_id, hamlet)
);

CREATE TABLE field_households (
  id              bigserial PRIMARY KEY,
  campaign_id     bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  unit_id         bigint NOT NULL REFERENCES units(id),
  hamlet          text NOT NULL CHECK (length(btrim(hamlet)) BETWEEN 1 AND 200),
  household_code  text NOT NULL CHECK (length(btrim(household_code)) BETWEEN 1 AND 64),
  address         text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
  -- A household given to a team on its own; overrides the hamlet's team.
  team_id         bigint REFERENCES field_teams(id) ON DELETE SET NULL,
  UNIQUE (campaign_id, unit_id, household_code)
);
COMMENT ON COLUMN field_households.household_code IS 'The household number of the police list (số hộ), unique within a commune.';
COMMENT ON COLUMN field_households.team_id IS 'Team of this household when assigned directly; NULL = the team of its hamlet (field_hamlet_assignments), if any.';
CREATE INDEX field_households_hamlet_idx ON field_households (campaign_id, unit_id, hamlet);
CREATE INDEX field_households_team_idx ON field_households (team_id) WHERE team_id IS NOT NULL;

CREATE TABLE field_people (
  id              bigserial PRIMARY KEY,
  campaign_id     bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  household_id    bigint NOT NULL REFERENCES field_households(id) ON DELETE CASCADE,
  -- The household's commune, repeated so counting per commune needs no join.
  unit_id         bigint NOT NULL REFERENCES units(id),
  import_id       bigint NOT NULL REFERENCES field_imports(id) ON DELETE CASCADE,
  line            integer NOT NULL,
  full_name       text NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
  id_number       text NOT NULL CHECK (id_number ~ '^[0-9]{12}$'),
  birth_year      integer CHECK (birth_year BETWEEN 1900 AND 2100),
  phone           text CHECK (phone ~ '^0[0-9]{9}$'),
  list_kind       text NOT NULL CHECK (list_kind IN ('approved_not_activated', 'to_verify')),
  -- The current outcome: the latest by recorded_at of field_outcomes (ties: the later received).
  outcome         text CHECK (outcome IN ('done', 'absent', 'ineligible', 'moved', 'deceased', 'refused')),
  outcome_at      timestamptz,
  outcome_id      bigint,
  -- A person appears once per campaign (seed 003: "rà từng người").
  UNIQUE (campaign_id, id_number),
  CONSTRAINT field_people_outcome CHECK ((outcome IS NULL) = (outcome_at IS NULL) AND (outcome IS NULL) = (outcome_id IS NULL))
);
COMMENT ON TABLE field_people IS 'Citizens on a campaign household list (personal data: ID number, name, phone; never logged unmasked).';
COMMENT ON COLUMN field_people.list_kind IS 'approved_not_activated: VNeID approved but not activated (seed 003); to_verify: subscriber to verify (seed 002).';
CREATE INDEX field_people_household_idx ON field_people (household_id);
CREATE INDEX field_people_unit_idx ON field_people (campaign_id, unit_id);

-- Every outcome a volunteer recorded, append-only. client_id is made on the phone: the same record sent
-- twice (a lost answer, a replayed queue) is stored once.
CREATE TABLE field_outcomes (
  id           bigserial PRIMARY KEY,
  client_id    uuid NOT NULL UNIQUE,
  campaign_id  bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  person_id    bigint NOT NULL REFERENCES field_people(id) ON DELETE CASCADE,
  unit_id      bigint NOT NULL REFERENCES units(id),
  outcome      text NOT NULL CHECK (outcome IN ('done', 'absent', 'ineligible', 'moved', 'deceased', 'refused')),
  note         text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  recorded_at  timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  recorded_by  bigint NOT NULL REFERENCES staff(id),
  team_id      bigint REFERENCES field_teams(id) ON DELETE SET NULL
);
COMMENT ON COLUMN field_outcomes.recorded_at IS 'When the volunteer tapped the outcome (phone clock, bounded on receipt).';
COMMENT ON COLUMN field_outcomes.received_at IS 'When the server stored it (after an offline period, later than recorded_at).';
CREATE INDEX field_outcomes_person_idx ON field_outcomes (person_id, recorded_at DESC, id DESC);
CREATE INDEX field_outcomes_campaign_idx ON field_outcomes (campaign_id, recorded_at);
