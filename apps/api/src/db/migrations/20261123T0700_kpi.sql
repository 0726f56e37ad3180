-- Indicators of Decision 766/QĐ-TTg (DESIGN §3.8, §4.2; definitions in docs/indicators.md).
-- Indicators are read from additive day counters kept in step with every dossier change, never by
-- scanning dossiers; the points model and the targets are data; monthly figures are frozen.

CREATE TABLE kpi_daily (
  unit_id           bigint  NOT NULL REFERENCES units(id),
  day               date    NOT NULL,
  received          integer NOT NULL DEFAULT 0,
  received_online   integer NOT NULL DEFAULT 0,
  digitized         integer NOT NULL DEFAULT 0,
  reused            integer NOT NULL DEFAULT 0,
  fee_total         integer NOT NULL DEFAULT 0,
  fee_online        integer NOT NULL DEFAULT 0,
  finished          integer NOT NULL DEFAULT 0,
  finished_on_time  integer NOT NULL DEFAULT 0,
  result_digitized  integer NOT NULL DEFAULT 0,
  satisfied         integer NOT NULL DEFAULT 0,
  due               integer NOT NULL DEFAULT 0,
  due_closed        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, day)
  -- No CHECK (counter >= 0): a negative counter would mean a caller passed a wrong "before", and
  -- refusing the citizen's dossier action for it is worse than a wrong figure the rebuild reports.
);
COMMENT ON TABLE kpi_daily IS 'Additive indicator counters per handling unit and Vietnamese calendar day, maintained by kpi.applyDossierChange in the transaction of each dossier change.';
COMMENT ON COLUMN kpi_daily.day IS 'Asia/Ho_Chi_Minh date of the instant the counter is about (received, finished, due…).';
COMMENT ON COLUMN kpi_daily.received IS 'Dossiers received on this day; received_online, digitized, reused, fee_total, fee_online are subsets by the same day.';
COMMENT ON COLUMN kpi_daily.fee_total IS 'Received dossiers with fee_vnd > 0 paid online or at the counter.';
COMMENT ON COLUMN kpi_daily.finished IS 'Dossiers finished on this day; finished_on_time, result_digitized, satisfied are subsets by the same day.';
COMMENT ON COLUMN kpi_daily.due IS 'Cumulative counter: dossiers whose max(received day, due day) is this day.';
COMMENT ON COLUMN kpi_daily.due_closed IS 'Cumulative counter: finished dossiers whose max(received day, due day, finish day) is this day. Overdue unfinished at the end of day T = sum(due - due_closed) over days <= T.';
-- Period queries read the partial months at the edges of a period by day, for all units.
CREATE INDEX kpi_daily_day_idx ON kpi_daily (day);

-- The same counters per calendar month, kept in the same statement as the day rows. A year of a
-- province (120 units) is 1,440 month rows instead of 43,800 day rows, and the overdue stock sums
-- months instead of every day since the first dossier: that is what keeps a report in milliseconds.
CREATE TABLE kpi_monthly (
  unit_id           bigint  NOT NULL REFERENCES units(id),
  month             date    NOT NULL CHECK (extract(day FROM month) = 1),
  received          integer NOT NULL DEFAULT 0,
  received_online   integer NOT NULL DEFAULT 0,
  digitized         integer NOT NULL DEFAULT 0,
  reused            integer NOT NULL DEFAULT 0,
  fee_total         integer NOT NULL DEFAULT 0,
  fee_online        integer NOT NULL DEFAULT 0,
  finished          integer NOT NULL DEFAULT 0,
  finished_on_time  integer NOT NULL DEFAULT 0,
  result_digitized  integer NOT NULL DEFAULT 0,
  satisfied         integer NOT NULL DEFAULT 0,
  due               integer NOT NULL DEFAULT 0,
  due_closed        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month)
);
COMMENT ON TABLE kpi_monthly IS 'Sum of kpi_daily per unit and calendar month (month = its first day); maintained with it, checked by the rebuild.';

-- The points model of DESIGN §4.2 as data, so a new decision changes rows, not code.
CREATE TABLE kpi_point_model (
  indicator       text NOT NULL CHECK (indicator ~ '^[a-z][a-z_]*$'),
  indicator_name  text NOT NULL,
  group_key       text NOT NULL CHECK (group_key ~ '^[a-z][a-z_]*$'),
  group_name      text NOT NULL,
  max_points      numeric(6,2) NOT NULL CHECK (max_points > 0),
  threshold       numeric(5,4) NOT NULL CHECK (threshold > 0 AND threshold <= 1),
  valid_from      date NOT NULL,
  valid_to        date,
  source          text NOT NULL,
  position        smallint NOT NULL,
  CHECK (valid_to IS NULL OR valid_from < valid_to),
  PRIMARY KEY (indicator, valid_from)
);
COMMENT ON TABLE kpi_point_model IS 'Indicator → group, max points, threshold, validity. Points: max when rate >= threshold, else rate × max ÷ threshold. The model valid on the last day of a period applies.';
COMMENT ON COLUMN kpi_point_model.position IS 'Display order of groups and indicators.';
COMMENT ON COLUMN kpi_point_model.valid_to IS 'First day the row no longer applies (exclusive); NULL = still in force.';

INSERT INTO kpi_point_model (indicator, indicator_name, group_key, group_name, max_points, threshold, valid_from, source, position) VALUES
  ('procedures_published', 'Thủ tục công khai đầy đủ thông tin ÷ thủ tục', 'publicity', 'Công khai, minh bạch', 6, 1.0, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 1),
  ('status_published', 'Hồ sơ công khai trạng thái trong 1 ngày làm việc ÷ hồ sơ', 'publicity', 'Công khai, minh bạch', 12, 1.0, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 2),
  ('on_time_rate', 'Tỷ lệ giải quyết đúng hạn', 'progress', 'Tiến độ, kết quả giải quyết', 20, 1.0, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 3),
  ('digitized_rate', 'Tỷ lệ số hóa hồ sơ', 'digitization', 'Số hóa hồ sơ', 8, 0.8, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 4),
  ('result_digitized_rate', 'Tỷ lệ số hóa kết quả', 'digitization', 'Số hóa hồ sơ', 8, 0.8, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 5),
  ('reuse_rate', 'Tỷ lệ tái sử dụng dữ liệu số hóa', 'digitization', 'Số hóa hồ sơ', 6, 0.8, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 6),
  ('full_process_procedures', 'Thủ tục cung cấp trực tuyến toàn trình ÷ thủ tục đủ điều kiện', 'online', 'Cung cấp dịch vụ trực tuyến', 6, 0.8, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 7),
  ('online_rate', 'Tỷ lệ hồ sơ trực tuyến', 'online', 'Cung cấp dịch vụ trực tuyến', 8, 0.5, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 8),
  ('payment_online_rate', 'Tỷ lệ thanh toán trực tuyến', 'online', 'Cung cấp dịch vụ trực tuyến', 8, 0.8, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 9),
  ('satisfaction_rate', 'Tỷ lệ hài lòng', 'satisfaction', 'Mức độ hài lòng', 18, 0.9, '2022-06-23', 'DESIGN §4.2 (QĐ 766/QĐ-TTg, sub-weights provisional)', 10);

-- Targets (chỉ tiêu) per unit or per level and year, on the rate indicators.
CREATE TABLE kpi_targets (
  id         bigserial PRIMARY KEY,
  year       integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  scope      text NOT NULL CHECK (scope IN ('unit', 'level')),
  unit_id    bigint REFERENCES units(id),
  level      text CHECK (level IN ('province', 'district', 'commune', 'commune_xa', 'commune_phuong', 'commune_thi_tran', 'commune_dac_khu', 'department', 'locality')),
  indicator  text NOT NULL CHECK (indicator IN ('online_rate', 'on_time_rate', 'digitized_rate', 'result_digitized_rate', 'reuse_rate', 'payment_online_rate', 'satisfaction_rate')),
  target     numeric(5,4) NOT NULL CHECK (target BETWEEN 0 AND 1),
  source     text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'unit') = (unit_id IS NOT NULL)),
  CHECK ((scope = 'level') = (level IS NOT NULL)),
  UNIQUE NULLS NOT DISTINCT (year, indicator, unit_id, level)
);
COMMENT ON TABLE kpi_targets IS 'Targets per unit or per level and year (seed 004 for An Giang 2024–2025, seed 003 per level). A unit target beats a level target.';
COMMENT ON COLUMN kpi_targets.level IS 'commune_* by subtype (Xã, Phường, Thị trấn, Đặc khu); department = provincial agencies; locality = districts and communes.';
COMMENT ON COLUMN kpi_targets.target IS 'Rate the indicator must reach, 0–1.';

-- Monthly figures frozen and published (DESIGN §3.8). Never changed once written.
CREATE TABLE kpi_snapshots (
  month         text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  period_from   date NOT NULL,
  period_to     date NOT NULL,
  scope_unit_id bigint NOT NULL REFERENCES units(id),
  published_at  timestamptz NOT NULL DEFAULT now(),
  published_by  bigint REFERENCES staff(id),
  CHECK (period_from <= period_to)
);
COMMENT ON TABLE kpi_snapshots IS 'A published month: figures of the province and each unit as they stood when published.';

CREATE TABLE kpi_snapshot_rows (
  month     text NOT NULL REFERENCES kpi_snapshots(month),
  position  integer NOT NULL CHECK (position >= 0),
  unit_id   bigint REFERENCES units(id),
  unit_code text NOT NULL,
  row       jsonb NOT NULL CHECK (jsonb_typeof(row) = 'object'),
  PRIMARY KEY (month, position)
);
COMMENT ON TABLE kpi_snapshot_rows IS 'Frozen report rows (the GET /api/v1/kpi row shape): unit-level counts and rates only, no personal data. unit_id NULL = the total row.';
CREATE INDEX kpi_snapshot_rows_unit_idx ON kpi_snapshot_rows (unit_id);

CREATE FUNCTION kpi_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published indicator snapshots are immutable (%)', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER kpi_snapshots_immutable BEFORE UPDATE OR DELETE ON kpi_snapshots
  FOR EACH ROW EXECUTE FUNCTION kpi_snapshot_immutable();
CREATE TRIGGER kpi_snapshot_rows_immutable BEFORE UPDATE OR DELETE ON kpi_snapshot_rows
  FOR EACH ROW EXECUTE FUNCTION kpi_snapshot_immutable();
