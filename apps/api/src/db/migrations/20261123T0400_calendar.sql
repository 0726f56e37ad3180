-- Working-day calendar (DESIGN §4.1). A year either has an official schedule (calendar_years), whose
-- rows in calendar_days are the whole truth for that year, or its holidays are computed from the
-- Labour Code at read time. Admin edits are rows of their own, so removing an edit brings back what
-- the schedule or the law says instead of losing it.
CREATE TABLE calendar_years (
  year        integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
  source      text NOT NULL CHECK (length(source) BETWEEN 1 AND 2000),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE calendar_years IS 'Years with an official holiday schedule for civil servants; other years use the holidays computed from Bộ luật Lao động 2019 Điều 112.';
COMMENT ON COLUMN calendar_years.source IS 'Where the schedule came from (imported file name, notice number or article).';

CREATE TABLE calendar_days (
  date          date NOT NULL CHECK (date BETWEEN DATE '1900-01-01' AND DATE '2199-12-31'),
  origin        text NOT NULL CHECK (origin IN ('official', 'edit')),
  kind          text NOT NULL CHECK (kind IN ('day_off', 'working_day')),
  occasion      text NOT NULL CHECK (length(occasion) BETWEEN 1 AND 200),
  note          text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  source        text NOT NULL DEFAULT '' CHECK (length(source) <= 2000),
  -- Official rows exist only for a year declared official; removing the year removes its rows.
  official_year integer GENERATED ALWAYS AS (CASE WHEN origin = 'official' THEN extract(year FROM date)::integer END) STORED
                REFERENCES calendar_years (year) ON DELETE CASCADE,
  updated_by    bigint REFERENCES staff (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (date, origin),
  -- Schedule rows come from an import, which has no staff author.
  CHECK (origin = 'edit' OR updated_by IS NULL)
);
COMMENT ON TABLE calendar_days IS 'Days that differ from Monday–Friday: days off (holidays, swapped and compensatory days) and make-up working Saturdays.';
COMMENT ON COLUMN calendar_days.origin IS 'official = a row of the year''s imported schedule; edit = an admin''s correction, which wins over the schedule and the computed holidays.';
COMMENT ON COLUMN calendar_days.kind IS 'day_off: no work although Monday–Friday (or part of a break); working_day: work although Saturday/Sunday (make-up day).';
COMMENT ON COLUMN calendar_days.occasion IS 'The holiday or swap the day belongs to, as published (e.g. "Tết Bính Ngọ", "Quốc khánh swap").';
COMMENT ON COLUMN calendar_days.source IS 'URL or notice the row was taken from; empty for edits.';
COMMENT ON COLUMN calendar_days.official_year IS 'Year of an official row (NULL for edits), only to tie the row to calendar_years.';
COMMENT ON COLUMN calendar_days.updated_by IS 'Staff member who made the edit; NULL for imported schedule rows.';
