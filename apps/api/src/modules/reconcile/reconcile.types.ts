/**
 * The shapes shared by the reconciliation rules (reconcile.rules.ts: pure, one subscriber at a time)
 * and the engine (reconcile.engine.ts: streaming, the registry index, the output files). Issue 6,
 * DESIGN §3.10, docs/reconcile.md.
 */

/** One status per subscriber, first rule that applies (issue 6 §2), in this order. */
export const RECONCILE_STATUSES = [
  'invalid_id',
  'invalid_dob',
  'old_id',
  'id_not_found',
  'deceased',
  'name_dob_mismatch',
  'name_mismatch',
  'dob_mismatch',
  'match',
] as const;
export type ReconcileStatus = (typeof RECONCILE_STATUSES)[number];

export const SUBSCRIBER_COLUMNS = ['msisdn', 'carrier', 'id_type', 'id_number', 'full_name', 'date_of_birth', 'registered_at'] as const;
export const REGISTRY_COLUMNS = ['id_number', 'old_id_number', 'full_name', 'date_of_birth', 'sex', 'commune_code', 'status'] as const;

/** A subscriber row as read from the carrier's extract (strings as they came, already NFC). */
export interface SubscriberRow {
  msisdn: string;
  carrier: string;
  idType: string;
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  registeredAt: string;
}

/**
 * What the engine keeps of a registry person (compact: 10 million of these must fit in memory).
 * Names are kept as 32-bit hashes of the canonical key of each part (family name, middle names,
 * given name: `nameParts` in reconcile.rules.ts) — enough to say which part differs without keeping
 * or printing the registry's value.
 */
export interface RegistryView {
  /** Hashes of [family, middle, given] of the canonical name key. */
  nameHashes: readonly [number, number, number];
  /** Days since 1970-01-01 of the date of birth; null when the registry has none. */
  dobDays: number | null;
  deceased: boolean;
  communeCode: string;
}

/** How the registry answered for this subscriber's ID. */
export type RegistryLookup =
  | { found: 'by_id'; person: RegistryView }
  /**
   * Found through old_id_number (the subscriber registered with the person's old 9-digit CMND).
   * `currentId`, when the engine has it, is the person's 12-digit number: only its last 3 digits are
   * shown in the detail (added by R1 for the old_id detail; optional, costs nothing when absent).
   */
  | { found: 'by_old_id'; person: RegistryView; currentId?: string }
  | { found: 'none' };

export interface Classification {
  status: ReconcileStatus;
  /** Vietnamese, what differs, never the registry's value in full (personal data). */
  detail: string;
  /** The registry's commune when the person was found, else ''. */
  communeCode: string;
}
