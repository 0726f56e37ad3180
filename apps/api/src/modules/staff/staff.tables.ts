import type { ColumnType, Generated } from 'kysely';
import type { Role } from '@motcua/contracts';

export interface StaffTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  unit_id: number;
  roles: Role[];
  password_hash: string;
  active: Generated<boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface StaffSessionsTable {
  token_hash: string;
  staff_id: number;
  created_at: ColumnType<Date, never, never>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: ColumnType<Date | null, never, Date | string | null>;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: ColumnType<Date, never, never>;
  actor_kind: 'staff' | 'citizen' | 'system' | 'anonymous';
  actor_id: string | null;
  action: string;
  target: string | null;
  unit_id: number | null;
  request_id: string | null;
  details: ColumnType<unknown, string | undefined, string>;
}

export interface StaffTables {
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
}
