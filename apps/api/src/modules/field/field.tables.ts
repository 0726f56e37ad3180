import type { ColumnType, Generated } from 'kysely';
import type { FieldIdType, FieldListKind, FieldOutcome, MobileCarrier } from '@motcua/contracts';

type Instant = ColumnType<Date, Date, Date>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface FieldImportsTable {
  id: Generated<number>;
  campaign_id: number;
  file_name: ColumnType<string, string | undefined, string>;
  people: number;
  imported_at: Instant;
  imported_by: Nullable<number>;
}

export interface FieldTeamsTable {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  name: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  created_by: Nullable<number>;
}

export interface FieldTeamMembersTable {
  team_id: number;
  staff_id: number;
}

export interface FieldHamletAssignmentsTable {
  campaign_id: number;
  unit_id: number;
  hamlet: string;
  team_id: number;
}

export interface FieldHouseholdsTable {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  hamlet: string;
  household_code: string;
  address: ColumnType<string, string | undefined, string>;
  team_id: Nullable<number>;
}

export interface FieldPeopleTable {
  id: Generated<number>;
  campaign_id: number;
  household_id: number;
  unit_id: number;
  import_id: number;
  line: number;
  full_name: string;
  /** cccd (12 digits) or cmnd (9 digits, to_verify lists only). */
  id_type: ColumnType<FieldIdType, FieldIdType | undefined, FieldIdType>;
  id_number: string;
  birth_year: Nullable<number>;
  phone: Nullable<string>;
  list_kind: FieldListKind;
  /** The subscriber to verify and its carrier (to_verify lists). */
  msisdn: Nullable<string>;
  carrier: Nullable<MobileCarrier>;
  outcome: Nullable<FieldOutcome>;
  outcome_at: Nullable<Date>;
  outcome_id: Nullable<number>;
}

export interface FieldOutcomesTable {
  id: Generated<number>;
  client_id: string;
  campaign_id: number;
  person_id: number;
  unit_id: number;
  outcome: FieldOutcome;
  note: ColumnType<string, string | undefined, string>;
  recorded_at: Instant;
  received_at: Instant;
  recorded_by: number;
  team_id: Nullable<number>;
}

export interface FieldTables {
  field_imports: FieldImportsTable;
  field_teams: FieldTeamsTable;
  field_team_members: FieldTeamMembersTable;
  field_hamlet_assignments: FieldHamletAssignmentsTable;
  field_households: FieldHouseholdsTable;
  field_people: FieldPeopleTable;
  field_outcomes: FieldOutcomesTable;
}
