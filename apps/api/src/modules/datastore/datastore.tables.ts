import type { ColumnType, Generated } from 'kysely';
import type { AccessAction, AccessTarget } from '@motcua/contracts';

export interface PersonalDataAccessTable {
  id: Generated<number>;
  citizen_id: number;
  at: ColumnType<Date, Date, never>;
  actor_kind: 'staff' | 'citizen' | 'system';
  actor_id: string | null;
  actor_name: string;
  actor_unit_code: string | null;
  actor_unit_name: string | null;
  action: AccessAction;
  what_kind: AccessTarget;
  what_ref: string;
  purpose: string;
  request_id: string | null;
}

export interface DatastoreTables {
  personal_data_access: PersonalDataAccessTable;
}
