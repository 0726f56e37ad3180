-- Who accessed a person's data, when and why (Decree 13/2023/NĐ-CP; DESIGN §4.3: "log every access,
-- let a citizen see who accessed their data"). One row per read of a dossier or download of a
-- document that concerns the person, by staff or by the person themself. The actor's name and unit
-- are copied at the time of access: the citizen must read who it was then, even after a transfer.
CREATE TABLE personal_data_access (
  id               bigserial PRIMARY KEY,
  citizen_id       bigint NOT NULL REFERENCES citizens(id),
  at               timestamptz NOT NULL,
  actor_kind       text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system')),
  actor_id         text,
  actor_name       text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 200),
  actor_unit_code  text,
  actor_unit_name  text,
  action           text NOT NULL CHECK (action IN ('read', 'download', 'list')),
  what_kind        text NOT NULL CHECK (what_kind IN ('dossier', 'document')),
  what_ref         text NOT NULL CHECK (length(what_ref) BETWEEN 1 AND 100),
  purpose          text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 300),
  request_id       text,
  CHECK ((actor_kind = 'system') = (actor_id IS NULL)),
  CHECK (actor_kind <> 'staff' OR (actor_unit_code IS NOT NULL AND actor_unit_name IS NOT NULL))
);
COMMENT ON TABLE personal_data_access IS 'Access log of personal data (Nghị định 13/2023/NĐ-CP), shown to the person at GET /api/v1/me/access-log. Append-only.';
COMMENT ON COLUMN personal_data_access.citizen_id IS 'The person the data is about (data subject).';
COMMENT ON COLUMN personal_data_access.what_ref IS 'Dossier code (what_kind dossier) or document id (what_kind document).';
COMMENT ON COLUMN personal_data_access.purpose IS 'Why, in Vietnamese, e.g. "Giải quyết hồ sơ 30307-260302-0001".';
CREATE INDEX personal_data_access_citizen_idx ON personal_data_access (citizen_id, at DESC, id DESC);

CREATE FUNCTION personal_data_access_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'personal_data_access is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE ON personal_data_access
  FOR EACH ROW EXECUTE FUNCTION personal_data_access_append_only();
