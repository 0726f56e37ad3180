-- Complaints and recommendations (phản ánh, kiến nghị; DESIGN §3.7) sent by citizens, with their own
-- deadline in working days (docs/feedback.md), answered by the unit concerned.
CREATE TABLE feedback (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('phan_anh', 'kien_nghi')),
  citizen_id    bigint NOT NULL REFERENCES citizens(id),
  dossier_id    bigint REFERENCES dossiers(id),
  unit_id       bigint NOT NULL REFERENCES units(id),
  content       text NOT NULL CHECK (length(btrim(content)) BETWEEN 1 AND 5000),
  status        text NOT NULL CHECK (status IN ('received', 'in_progress', 'answered', 'closed')),
  received_at   timestamptz NOT NULL,
  due_at        timestamptz NOT NULL,
  answered_at   timestamptz,
  answer        text CHECK (length(btrim(answer)) BETWEEN 1 AND 5000),
  answered_by   bigint REFERENCES staff(id),
  closed_at     timestamptz,
  CONSTRAINT feedback_due_after_receipt CHECK (due_at >= received_at),
  CONSTRAINT feedback_answer_complete CHECK ((answered_at IS NULL) = (answer IS NULL) AND (answer IS NULL) = (answered_by IS NULL)),
  -- Answered and closed feedback has an answer; closing comes after it.
  CONSTRAINT feedback_answered_status CHECK ((answered_at IS NOT NULL) = (status IN ('answered', 'closed'))),
  CONSTRAINT feedback_closed_status CHECK ((closed_at IS NOT NULL) = (status = 'closed')),
  CONSTRAINT feedback_answer_after_receipt CHECK (answered_at >= received_at)
);
COMMENT ON TABLE feedback IS 'Phản ánh, kiến nghị of citizens about a dossier or a unit; the unit in charge answers before due_at.';
COMMENT ON COLUMN feedback.kind IS 'phan_anh (phản ánh: something went wrong) or kien_nghi (kiến nghị: a proposal or request).';
COMMENT ON COLUMN feedback.dossier_id IS 'The citizen''s own dossier it is about, if any; that dossier is then marked complaint = true (satisfaction indicator).';
COMMENT ON COLUMN feedback.unit_id IS 'Unit in charge of the answer: the dossier''s handling unit, or the unit the citizen chose.';
COMMENT ON COLUMN feedback.content IS 'What the citizen wrote (may hold personal data: never logged).';
COMMENT ON COLUMN feedback.due_at IS 'Answer due: end of office hours of the 10th working day after receipt (docs/feedback.md for the source).';
CREATE INDEX feedback_unit_idx ON feedback (unit_id, status, due_at);
CREATE INDEX feedback_citizen_idx ON feedback (citizen_id, received_at);
CREATE INDEX feedback_dossier_idx ON feedback (dossier_id) WHERE dossier_id IS NOT NULL;
