import type { ColumnType } from 'kysely';

/** A pending VNeID login (migration 20261123T1000_vneid.sql). */
export interface VneidLoginsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: ColumnType<Date, Date | string, never>;
}

export interface VneidTables {
  vneid_logins: VneidLoginsTable;
}
