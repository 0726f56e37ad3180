-- Documents (DESIGN §3.5): files kept by content hash (the bytes live in the blob store under
-- <data-dir>/blobs/ab/cd/<sha256>, never in the database), with what the content really is (sniffed
-- from its first bytes, not the name or the declared type), and which dossier component they serve.
CREATE TABLE documents (
  id                text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22}$'),
  owner_citizen_id  bigint REFERENCES citizens(id),
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes        bigint NOT NULL CHECK (size_bytes > 0),
  media_type        text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  file_name         text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  kind              text NOT NULL CHECK (kind IN ('upload', 'digitized', 'result')),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  digitized         boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  created_by_kind   text NOT NULL CHECK (created_by_kind IN ('citizen', 'staff', 'system')),
  created_by_id     text,
  CHECK ((created_by_kind = 'system') = (created_by_id IS NULL)),
  -- A citizen's own upload always belongs to them; papers digitised at the desk and results may
  -- have no owner when the applicant has never logged in with VNeID.
  CHECK (kind <> 'upload' OR owner_citizen_id IS NOT NULL),
  -- Digitised papers and electronic results are always electronic originals or certified copies; an
  -- upload counts as digitised only once an official has checked it against the paper.
  CHECK (kind = 'upload' OR digitized)
);
COMMENT ON TABLE documents IS 'Files of the personal data store (Kho quản lý dữ liệu điện tử của tổ chức, cá nhân) and of dossiers; bytes in the blob store by SHA-256.';
COMMENT ON COLUMN documents.id IS '128 random bits, base64url: unguessable, so a leaked link names nothing else.';
COMMENT ON COLUMN documents.owner_citizen_id IS 'The person whose store lists it (the uploader, or the applicant of the dossier it was digitised for); NULL when unknown.';
COMMENT ON COLUMN documents.media_type IS 'Type sniffed from the content (magic bytes); the file name and declared type are not trusted.';
COMMENT ON COLUMN documents.file_name IS 'Original file name, NFC; personal data (never logged).';
COMMENT ON COLUMN documents.kind IS 'upload: sent by the citizen; digitized: a paper component scanned at the desk (số hóa); result: an issued electronic result.';
COMMENT ON COLUMN documents.digitized IS 'Electronic copy made, checked or issued by an official (counts as số hóa); a citizen''s own upload is not until checked.';
CREATE INDEX documents_owner_idx ON documents (owner_citizen_id, created_at DESC) WHERE owner_citizen_id IS NOT NULL;
CREATE INDEX documents_sha256_idx ON documents (sha256);

-- Which document serves which component of which dossier; reused = it came from the applicant's store
-- (a result, a digitised paper, or an upload already used by another dossier) instead of a new file.
CREATE TABLE dossier_documents (
  dossier_id        bigint NOT NULL REFERENCES dossiers(id),
  document_id       text NOT NULL REFERENCES documents(id),
  component         text CHECK (length(component) BETWEEN 1 AND 500),
  attached_at       timestamptz NOT NULL,
  attached_by_kind  text NOT NULL CHECK (attached_by_kind IN ('citizen', 'staff', 'system')),
  attached_by_id    text,
  reused            boolean NOT NULL DEFAULT false,
  PRIMARY KEY (dossier_id, document_id),
  CHECK ((attached_by_kind = 'system') = (attached_by_id IS NULL))
);
COMMENT ON TABLE dossier_documents IS 'Documents attached to dossiers, per component of the procedure (component NULL: the dossier''s result).';
COMMENT ON COLUMN dossier_documents.component IS 'Name of the component in the procedure''s list (procedures.components[].name) at attach time.';
COMMENT ON COLUMN dossier_documents.reused IS 'Taken from the applicant''s data store rather than provided anew: counts for the reuse indicator (dossiers.reused_data).';
CREATE INDEX dossier_documents_document_idx ON dossier_documents (document_id);
