-- Messages between the officials handling a dossier and the citizen who submitted it (DESIGN §3.7;
-- seed 004 §III.2.b: "trao đổi thông tin với người dùng trong quá trình thực hiện dịch vụ công").
CREATE TABLE dossier_messages (
  id           bigserial PRIMARY KEY,
  dossier_id   bigint NOT NULL REFERENCES dossiers(id),
  author_kind  text NOT NULL CHECK (author_kind IN ('staff', 'citizen')),
  author_id    bigint NOT NULL,
  body         text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
  created_at   timestamptz NOT NULL,
  read_at      timestamptz
);
COMMENT ON TABLE dossier_messages IS 'Exchange between officials and the applicant on one dossier; an official''s message notifies the citizen through the outbox.';
COMMENT ON COLUMN dossier_messages.author_id IS 'staff.id or citizens.id, after author_kind.';
COMMENT ON COLUMN dossier_messages.read_at IS 'When the other side (the citizen for staff messages, the handling unit for citizen messages) first read it.';
CREATE INDEX dossier_messages_dossier_idx ON dossier_messages (dossier_id, id);
