-- The citizen who submitted a dossier online (VNeID login); NULL for counter, post and imported dossiers.
-- "My dossiers" and every citizen-side access check go through this column, never through the
-- applicant JSON, which the citizen may fill for someone else (a parent registering a birth).
ALTER TABLE dossiers ADD COLUMN citizen_id bigint REFERENCES citizens(id);
COMMENT ON COLUMN dossiers.citizen_id IS 'The logged-in citizen who submitted the dossier online; only they see it on the citizen side.';
CREATE INDEX dossiers_citizen_idx ON dossiers (citizen_id, submitted_at) WHERE citizen_id IS NOT NULL;
