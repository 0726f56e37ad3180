import type { ColumnType, Generated } from 'kysely';

export type IdentityLevel = 1 | 2;

export interface CitizensTable {
  id: Generated<number>;
  id_number: string;
  full_name: string;
  /** DATE as 'YYYY-MM-DD' (the client parses DATE as text). */
  birth_date: string | null;
  identity_level: IdentityLevel;
  phone: string | null;
  email: string | null;
  first_login_at: ColumnType<Date, never, never>;
  last_login_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CitizenSessionsTable {
  token_hash: string;
  citizen_id: number;
  identity_level: IdentityLevel;
  created_at: ColumnType<Date, never, never>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: ColumnType<Date | null, never, Date | string | null>;
  user_agent: string | null;
}

export interface CitizensTables {
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
}
