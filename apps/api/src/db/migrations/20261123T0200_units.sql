-- Units (DESIGN §3.1): administrative units and agencies as one tree, versioned by validity dates.
-- Codes were reused by the 1/7/2025 reform for different units, so the key is a surrogate id and a
-- code is only unique together with its validity period.
CREATE TABLE units (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  short_name  text,
  kind        text NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'agency')),
  subtype     text NOT NULL,
  parent_id   bigint REFERENCES units(id),
  path        text NOT NULL,
  valid_from  date,
  valid_to    date,
  successor_codes text[] NOT NULL DEFAULT '{}',
  contact     jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to),
  CHECK (code ~ '^[0-9A-Z][0-9A-Z.]*$'),
  UNIQUE (code, valid_from)
);
COMMENT ON TABLE units IS 'Administrative units (province/district/commune) and agencies (departments, police, post, carriers) as one tree.';
COMMENT ON COLUMN units.path IS 'Materialised path of ids, "/1/52/": subtree = path LIKE parent.path || ''%''.';
COMMENT ON COLUMN units.valid_from IS 'First day the unit exists; NULL = existed before the records we hold.';
COMMENT ON COLUMN units.valid_to IS 'First day the unit no longer exists (exclusive); NULL = still valid.';
COMMENT ON COLUMN units.successor_codes IS 'For units abolished by a reorganisation: the codes of the units they were merged into.';
COMMENT ON COLUMN units.subtype IS 'Vietnamese unit type as published (Xã, Phường, Đặc khu, Huyện, Tỉnh…) or the agency category.';
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_path_idx ON units (path text_pattern_ops);
CREATE INDEX units_code_idx ON units (code);
CREATE INDEX units_name_fold_idx ON units USING gin (motcua_fold(name) gin_trgm_ops);
