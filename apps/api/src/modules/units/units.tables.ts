import type { ColumnType, Generated } from 'kysely';
import type { UnitKind } from '@motcua/contracts';

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  subtype: string;
  parent_id: number | null;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_codes: ColumnType<string[], string[] | undefined, string[]>;
  contact: ColumnType<Record<string, string>, string | undefined, string>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface UnitsTables {
  units: UnitsTable;
}
