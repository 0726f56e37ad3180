-- Subscribers registered with an old 9-digit CMND on field lists (docs/field-work.md, "the household
-- list file"). Seed 002 II.1 names them first among the subscribers to verify: "Đang sử dụng Chứng minh
-- nhân dân 9 số để đăng ký SIM". Lists of seed 003 (VNeID approved but not activated) stay CCCD-only:
-- an account is approved on the 12-digit personal identifier.

ALTER TABLE field_people ADD COLUMN id_type text NOT NULL DEFAULT 'cccd' CHECK (id_type IN ('cccd', 'cmnd'));
COMMENT ON COLUMN field_people.id_type IS 'cccd: 12-digit CCCD; cmnd: old 9-digit CMND (to_verify lists only, seed 002 II.1).';

ALTER TABLE field_people DROP CONSTRAINT field_people_id_number_check;
ALTER TABLE field_people ADD CONSTRAINT field_people_id_number_form CHECK (
  (id_type = 'cccd' AND id_number ~ '^[0-9]{12}$') OR (id_type = 'cmnd' AND id_number ~ '^[0-9]{9}$')
);
ALTER TABLE field_people ADD CONSTRAINT field_people_cmnd_to_verify CHECK (id_type = 'cccd' OR list_kind = 'to_verify');

-- A person appears once per campaign, per kind of paper: a CMND and a CCCD of the same person cannot be
-- matched here (the CCCD does not encode the old number), so the police list must not give both.
ALTER TABLE field_people DROP CONSTRAINT field_people_campaign_id_id_number_key;
ALTER TABLE field_people ADD CONSTRAINT field_people_campaign_id_key UNIQUE (campaign_id, id_type, id_number);

-- The subscriber to verify (seed 002: the SIM registered on the CMND, notified by the carrier, or
-- mismatched on the 1414 check) and its carrier: as given by the list, else from the prefix.
ALTER TABLE field_people ADD COLUMN msisdn text CHECK (msisdn ~ '^0[0-9]{9}$');
ALTER TABLE field_people ADD COLUMN carrier text CHECK (carrier IN ('Viettel', 'MobiFone', 'VinaPhone', 'Itelecom', 'Vietnamobile', 'Gmobile', 'Indochina Telecom', 'Reddi'));
ALTER TABLE field_people ADD CONSTRAINT field_people_msisdn_carrier CHECK ((msisdn IS NULL) = (carrier IS NULL));
ALTER TABLE field_people ADD CONSTRAINT field_people_msisdn_to_verify CHECK (msisdn IS NULL OR list_kind = 'to_verify');
COMMENT ON COLUMN field_people.msisdn IS 'Subscriber number to verify (10 digits), to_verify lists only; phone is the contact number.';
