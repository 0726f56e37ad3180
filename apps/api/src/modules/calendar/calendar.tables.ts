import type { ColumnType } from 'kysely';
import type { CalendarDayKind } from '@motcua/contracts';

export interface CalendarYearsTable {
  year: number;
  source: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CalendarDaysTable {
  date: string;
  origin: 'official' | 'edit';
  kind: CalendarDayKind;
  occasion: string;
  note: ColumnType<string, string | undefined, string>;
  source: ColumnType<string, string | undefined, string>;
  official_year: ColumnType<number | null, never, never>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CalendarTables {
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
}
