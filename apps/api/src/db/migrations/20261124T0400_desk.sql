-- Desk support for subscriber information (TTTB; seed 000 IV.2.b: "Thực hiện chuẩn hóa TTTB trực tiếp
-- tại điểm cung cấp dịch vụ công, điểm cung cấp dịch vụ viễn thông"), the carriers' payout per success
-- (seed 000 V.2) and officials' self-checks (seed 002 IV.2.a: "soạn tin nhắn TTTB [Số_CCCD] gửi 1414").
-- See docs/desk-support.md.

CREATE TABLE desk_records (
  id               bigserial PRIMARY KEY,
  -- The officer who did the work and the unit they did it for (their unit at the time): the payout is
  -- per staff member and unit, and scope follows the unit.
  staff_id         bigint NOT NULL REFERENCES staff(id),
  unit_id          bigint NOT NULL REFERENCES units(id),
  -- Business date and instant of the standardisation (Asia/Ho_Chi_Minh).
  recorded_on      date NOT NULL,
  recorded_at      timestamptz NOT NULL,
  -- 10-digit national form ('0912345678'), validated by packages/contracts/src/phone.ts.
  phone            text NOT NULL CHECK (phone ~ '^0[0-9]{9}$'),
  -- The carrier the number's prefix belongs to, and the carrier the subscriber is with now. They differ
  -- only for a ported number (chuyển mạng giữ số), which the officer confirms with carrier_override.
  detected_carrier text NOT NULL,
  carrier          text NOT NULL CHECK (carrier IN ('Viettel', 'MobiFone', 'VinaPhone', 'Itelecom', 'Vietnamobile', 'Gmobile', 'Indochina Telecom', 'Reddi')),
  carrier_override boolean NOT NULL DEFAULT false,
  id_kind          text NOT NULL CHECK (id_kind IN ('cccd', 'cmnd')),
  id_number        text NOT NULL,
  place_kind       text NOT NULL CHECK (place_kind IN ('one_stop_desk', 'carrier_point', 'cultural_house', 'commune_police', 'field')),
  result           text NOT NULL CHECK (result IN ('success', 'failed')),
  failure_reason   text,
  -- From the form, so that a double tap (or a retry after a lost answer) stores one record.
  idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 100),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT desk_records_id_form CHECK (
    (id_kind = 'cccd' AND id_number ~ '^[0-9]{12}$') OR (id_kind = 'cmnd' AND id_number ~ '^[0-9]{9}$')),
  CONSTRAINT desk_records_reason CHECK (
    (result = 'success' AND failure_reason IS NULL) OR (result = 'failed' AND length(btrim(failure_reason)) BETWEEN 1 AND 500)),
  CONSTRAINT desk_records_override CHECK (carrier_override OR carrier = detected_carrier),
  CONSTRAINT desk_records_idempotency UNIQUE (staff_id, idempotency_key)
);
COMMENT ON TABLE desk_records IS 'One standardisation of a subscriber''s information done for a citizen at a desk, a carrier point, a cultural house, the commune police or in the field.';
COMMENT ON COLUMN desk_records.phone IS 'Personal data: masked in lists and exports; reading it unmasked is audited.';
COMMENT ON COLUMN desk_records.id_number IS 'CCCD (12 digits) or old CMND (9 digits). Personal data: masked in lists and exports; reading it unmasked is audited.';
COMMENT ON COLUMN desk_records.carrier IS 'The subscriber''s carrier now; this carrier pays the support for a success (seed 000 V.2).';
COMMENT ON COLUMN desk_records.carrier_override IS 'True when the officer confirmed a carrier other than the prefix''s (number ported to another network).';
CREATE INDEX desk_records_unit_idx ON desk_records (unit_id, recorded_on);
CREATE INDEX desk_records_staff_idx ON desk_records (staff_id, recorded_on);
CREATE INDEX desk_records_month_idx ON desk_records (recorded_on, carrier);

-- The subscriber-verification campaigns a record counts for: those active on its date whose area holds
-- its unit. None is fine: seed 000 is a standing plan, not a campaign with a window.
CREATE TABLE desk_record_campaigns (
  record_id    bigint NOT NULL REFERENCES desk_records(id) ON DELETE CASCADE,
  campaign_id  bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  PRIMARY KEY (campaign_id, record_id)
);
CREATE INDEX desk_record_campaigns_record_idx ON desk_record_campaigns (record_id);

-- Support per successful standardisation, per carrier, from a date. Without a row the seed's minimum
-- applies: "mức hỗ trợ tối thiểu: 10.000 đồng/lượt chuẩn hóa TTTB thành công" (seed 000 V.2), so a
-- rate below it cannot be stored.
CREATE TABLE desk_payout_rates (
  carrier      text NOT NULL,
  valid_from   date NOT NULL,
  amount_vnd   integer NOT NULL CHECK (amount_vnd >= 10000 AND amount_vnd <= 10000000),
  source       text NOT NULL DEFAULT '' CHECK (length(source) <= 500),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   bigint REFERENCES staff(id),
  PRIMARY KEY (carrier, valid_from)
);
COMMENT ON TABLE desk_payout_rates IS 'Whole đồng a carrier pays per successful standardisation from valid_from; 10,000 đ (seed 000 V.2) when no row applies.';

-- Officials' self-checks (TTTB <CCCD> to 1414). The latest per staff member counts.
CREATE TABLE selfchecks (
  id           bigserial PRIMARY KEY,
  staff_id     bigint NOT NULL REFERENCES staff(id),
  checked_on   date NOT NULL,
  result       text NOT NULL CHECK (result IN ('matched', 'mismatched_fixed', 'mismatched_pending')),
  carrier      text CHECK (carrier IN ('Viettel', 'MobiFone', 'VinaPhone', 'Itelecom', 'Vietnamobile', 'Gmobile', 'Indochina Telecom', 'Reddi')),
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE selfchecks IS 'A staff member''s own check of their subscriber information (seed 002: "Yêu cầu 100% CBCCVC-NLĐ chủ động tự kiểm tra"). matched and mismatched_fixed count as compliant.';
CREATE INDEX selfchecks_staff_idx ON selfchecks (staff_id, checked_on DESC, id DESC);
