/** SQL for desk records, their campaign links and the carriers' payout rates; db or transaction first. */
import { sql, type Insertable, type Selectable } from 'kysely';
import { DESK_MIN_PAYOUT_VND } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { DeskPayoutRatesTable, DeskRecordsTable } from './desk.tables.ts';

export type DeskRecordRow = Selectable<DeskRecordsTable>;
export type NewDeskRecord = Insertable<DeskRecordsTable>;
/** A record with the names and campaign codes its views show. */
export type DeskRecordListRow = DeskRecordRow & { unit_code: string; unit_name: string; unit_path: string; staff_name: string; campaign_codes: string[] };
export type PayoutRateRow = Selectable<DeskPayoutRatesTable>;

/**
 * Inserts the record unless this staff member already sent the same idempotency key; returns the id of
 * the stored record and whether this call created it. ON CONFLICT makes two simultaneous taps safe.
 */
export async function insertRecord(db: Db, values: NewDeskRecord): Promise<{ id: number; created: boolean }> {
  const r = await db
    .insertInto('desk_records')
    .values(values)
    .onConflict((oc) => oc.columns(['staff_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (r) return { id: Number(r.id), created: true };
  const existing = await db
    .selectFrom('desk_records')
    .select('id')
    .where('staff_id', '=', values.staff_id)
    .where('idempotency_key', '=', values.idempotency_key)
    .executeTakeFirstOrThrow();
  return { id: Number(existing.id), created: false };
}

/** Active subscriber-verification campaigns on `date` whose area holds the unit at `unitPath`. */
export async function campaignsCovering(db: Db, unitPath: string, date: string): Promise<number[]> {
  const rows = await db
    .selectFrom('campaigns as c')
    .innerJoin('units as s', 's.id', 'c.scope_unit_id')
    .select('c.id')
    .where('c.kind', '=', 'subscriber_verification')
    .where('c.status', '=', 'active')
    .where('c.window_start', '<=', date)
    .where('c.window_end', '>=', date)
    .where(sql<boolean>`${unitPath} LIKE s.path || '%'`)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => Number(r.id));
}

export async function linkCampaigns(db: Db, recordId: number, campaignIds: number[]): Promise<void> {
  if (campaignIds.length === 0) return;
  await db
    .insertInto('desk_record_campaigns')
    .values(campaignIds.map((campaign_id) => ({ record_id: recordId, campaign_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

function withNames(db: Db) {
  return db
    .selectFrom('desk_records as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .selectAll('r')
    .select([
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
      's.full_name as staff_name',
      sql<string[]>`ARRAY(SELECT c.code FROM desk_record_campaigns l JOIN campaigns c ON c.id = l.campaign_id WHERE l.record_id = r.id ORDER BY c.code)`.as(
        'campaign_codes',
      ),
    ]);
}

export async function findRecord(db: Db, id: number): Promise<DeskRecordListRow | undefined> {
  return withNames(db).where('r.id', '=', id).executeTakeFirst();
}

export interface RecordFilter {
  /** Records of units in this subtree. */
  unitPath: string;
  staffId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Records of a subtree, newest first, with the total and the successes of the whole filter. */
export async function listRecords(db: Db, f: RecordFilter) {
  const filtered = <Q extends ReturnType<typeof withNames>>(q: Q): Q => {
    let x = q.where('u.path', 'like', `${f.unitPath}%`);
    if (f.staffId !== undefined) x = x.where('r.staff_id', '=', f.staffId);
    if (f.from) x = x.where('r.recorded_on', '>=', f.from);
    if (f.to) x = x.where('r.recorded_on', '<=', f.to);
    return x as Q;
  };
  const rows = await filtered(withNames(db)).orderBy('r.recorded_at', 'desc').orderBy('r.id', 'desc').limit(f.limit).offset(f.offset).execute();
  const counted = await filtered(withNames(db))
    .clearSelect()
    .select([sql<number>`count(*)`.as('n'), sql<number>`count(*) FILTER (WHERE r.result = 'success')`.as('ok')])
    .executeTakeFirstOrThrow();
  return { rows, total: Number(counted.n), successes: Number(counted.ok) };
}

/** Per unit: successes and attempts linked to a campaign up to a date (for the progress views). */
export async function countByUnitForCampaign(db: Db, campaignId: number, asOf: string) {
  const rows = await db
    .selectFrom('desk_record_campaigns as l')
    .innerJoin('desk_records as r', 'r.id', 'l.record_id')
    .select(['r.unit_id', sql<number>`count(*) FILTER (WHERE r.result = 'success')`.as('successes'), sql<number>`count(*)`.as('attempts')])
    .where('l.campaign_id', '=', campaignId)
    .where('r.recorded_on', '<=', asOf)
    .groupBy('r.unit_id')
    .orderBy('r.unit_id')
    .execute();
  return rows.map((r) => ({ unitId: Number(r.unit_id), successes: Number(r.successes), attempts: Number(r.attempts) }));
}

export interface PayoutFilter {
  unitPath: string;
  from: string;
  to: string;
  carrier?: string;
}

export interface PayoutGroupRow {
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  carrier: string;
  staff_id: number;
  staff_name: string;
  username: string;
  successes: number;
  amount_vnd: number;
  min_rate: number;
  max_rate: number;
}

/**
 * Successful standardisations per unit, carrier and staff member in a date range, each priced at the
 * carrier's rate on its own date (the seed's minimum when no rate is stored).
 */
export async function payoutGroups(db: Db, f: PayoutFilter): Promise<PayoutGroupRow[]> {
  const carrierFilter = f.carrier ? sql`AND r.carrier = ${f.carrier}` : sql``;
  const { rows } = await sql<PayoutGroupRow>`
    SELECT r.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, r.carrier,
           r.staff_id, s.full_name AS staff_name, s.username,
           count(*)::int AS successes, sum(coalesce(rate.amount_vnd, ${DESK_MIN_PAYOUT_VND}))::bigint AS amount_vnd,
           min(coalesce(rate.amount_vnd, ${DESK_MIN_PAYOUT_VND}))::int AS min_rate, max(coalesce(rate.amount_vnd, ${DESK_MIN_PAYOUT_VND}))::int AS max_rate
      FROM desk_records r
      JOIN units u ON u.id = r.unit_id
      JOIN staff s ON s.id = r.staff_id
      LEFT JOIN LATERAL (
        SELECT p.amount_vnd FROM desk_payout_rates p
         WHERE p.carrier = r.carrier AND p.valid_from <= r.recorded_on
         ORDER BY p.valid_from DESC LIMIT 1) rate ON true
     WHERE r.result = 'success' AND r.recorded_on BETWEEN ${f.from}::date AND ${f.to}::date
       AND u.path LIKE ${`${f.unitPath}%`} ${carrierFilter}
     GROUP BY r.unit_id, u.code, u.name, u.path, r.carrier, r.staff_id, s.full_name, s.username
     ORDER BY u.path, r.carrier, s.full_name, r.staff_id`.execute(db);
  return rows.map((r) => ({ ...r, unit_id: Number(r.unit_id), staff_id: Number(r.staff_id), successes: Number(r.successes), amount_vnd: Number(r.amount_vnd), min_rate: Number(r.min_rate), max_rate: Number(r.max_rate) }));
}

/** Rates in force at some point of [from, to]: the last one starting on or before `from`, and later ones up to `to`. */
export async function ratesDuring(db: Db, from: string, to: string): Promise<PayoutRateRow[]> {
  const { rows } = await sql<PayoutRateRow>`
    SELECT p.* FROM desk_payout_rates p
     WHERE p.valid_from <= ${to}::date
       AND (p.valid_from >= ${from}::date OR p.valid_from = (
             SELECT max(q.valid_from) FROM desk_payout_rates q WHERE q.carrier = p.carrier AND q.valid_from <= ${from}::date))
     ORDER BY p.carrier, p.valid_from`.execute(db);
  return rows;
}

/** Stored rates (of one carrier when given) with the name of who set each, by carrier then start date. */
export async function listRates(db: Db, carrier?: string) {
  let q = db
    .selectFrom('desk_payout_rates as r')
    .leftJoin('staff as s', 's.id', 'r.updated_by')
    .selectAll('r')
    .select('s.full_name as updated_by_name')
    // Byte order: the same on every server whatever its locale.
    .orderBy(sql`r.carrier collate "C"`)
    .orderBy('r.valid_from');
  if (carrier) q = q.where('r.carrier', '=', carrier);
  return q.execute();
}

export async function upsertRate(db: Db, r: { carrier: string; valid_from: string; amount_vnd: number; source: string; updated_by: number | null }): Promise<void> {
  await db
    .insertInto('desk_payout_rates')
    .values(r)
    .onConflict((oc) =>
      oc.columns(['carrier', 'valid_from']).doUpdateSet({ amount_vnd: r.amount_vnd, source: r.source, updated_by: r.updated_by, updated_at: sql`now()` as unknown as Date }),
    )
    .execute();
}
