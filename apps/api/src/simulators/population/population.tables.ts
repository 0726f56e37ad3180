/**
 * Tables of the population-registry and VNeID simulators: the synthetic residents they serve.
 * This is the simulators' own store, standing in for the national population database
 * (CSDL quốc gia về dân cư); it is not a record of motcua, and no motcua module reads it directly.
 */
import type { ColumnType } from 'kysely';

export type SimSex = 'male' | 'female';
/** Place in the household, relative to its head (chủ hộ). */
export type HouseholdRole = 'head' | 'spouse' | 'child' | 'child_in_law' | 'grandchild' | 'parent';
/** VNeID identity level: 0 = no account, 1 = mức 1, 2 = mức 2. */
export type IdentityLevel = 0 | 1 | 2;
export type SimPersonStatus = 'alive' | 'deceased';

export interface SimPopulationTable {
  id: ColumnType<1, 1, never>;
  seed: number;
  people: number;
  households: number;
  generator_version: number;
  as_of: string;
  created_at: ColumnType<Date, never, never>;
}

export interface SimHouseholdsTable {
  id: number;
  code: string;
  commune_code: string;
  house_number: string;
  street: string | null;
  hamlet: string;
  address: string;
  member_count: number;
}

export interface SimPeopleTable {
  id: number;
  household_id: number;
  household_role: HouseholdRole;
  full_name: string;
  surname: string;
  middle_name: string | null;
  given_name: string;
  sex: SimSex;
  date_of_birth: string;
  birth_province_code: string;
  cccd: string;
  cmnd: string | null;
  mobile: string | null;
  mobile_2: string | null;
  commune_code: string;
  identity_level: IdentityLevel;
  status: SimPersonStatus;
  date_of_death: string | null;
}

export interface PopulationTables {
  sim_population: SimPopulationTable;
  sim_households: SimHouseholdsTable;
  sim_people: SimPeopleTable;
}
