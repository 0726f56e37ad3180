/** SQL of the field module. Every function takes a db or a transaction first. */
import { sql, type Insertable } from 'kysely';
import type { FieldOutcome } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { FieldImportsTable, FieldPeopleTable } from './field.tables.ts';

const CHUNK = 1000;

/** The effective team of a household: its own, else its hamlet's. */
const EFFECTIVE_TEAM = sql<number | null>`coalesce(h.team_id, ha.team_id)`;

// ---------------------------------------------------------------------------------------- import

/** People of the campaign among these numbers, as keys "id_type:id_number" (a CMND and a CCCD never share a length). */
export async function existingIdNumbers(db: Db, campaignId: number, ids: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((i) => /^([0-9]{9}|[0-9]{12})$/.test(i)))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectFrom('field_people')
    .select(['id_type', 'id_number'])
    .where('campaign_id', '=', campaignId)
    .where(sql<boolean>`id_number = any(${wanted}::text[])`)
    .execute();
  return new Set(rows.map((r) => `${r.id_type}:${r.id_number}`));
}

/** Households of the campaign by (commune, code), keyed "unitId|code". */
export async function householdsByCode(db: Db, campaignId: number, keys: { unitId: number; code: string }[]) {
  const codes = [...new Set(keys.map((k) => k.code))];
  const out = new Map<string, { id: number; hamlet: string }>();
  if (codes.length === 0) return out;
  const rows = await db
    .selectFrom('field_households')
    .select(['id', 'unit_id', 'household_code', 'hamlet'])
    .where('campaign_id', '=', campaignId)
    .where(sql<boolean>`household_code = any(${codes}::text[])`)
    .execute();
  for (const r of rows) out.set(`${r.unit_id}|${r.household_code}`, { id: Number(r.id), hamlet: r.hamlet });
  return out;
}

export async function insertImport(db: Db, row: Insertable<FieldImportsTable>): Promise<number> {
  const r = await db.insertInto('field_imports').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Creates the households not there yet; returns every household id keyed "unitId|code". */
export async function ensureHouseholds(
  db: Db,
  campaignId: number,
  items: { unitId: number; hamlet: string; householdCode: string; address: string }[],
): Promise<{ households: Map<string, number>; created: number }> {
  const existing = await householdsByCode(db, campaignId, items.map((i) => ({ unitId: i.unitId, code: i.householdCode })));
  const households = new Map([...existing].map(([k, v]) => [k, v.id]));
  const fresh = new Map<string, { unit_id: number; hamlet: string; household_code: string; address: string }>();
  for (const i of items) {
    const key = `${i.unitId}|${i.householdCode}`;
    if (households.has(key)) continue;
    const f = fresh.get(key);
    if (!f) fresh.set(key, { unit_id: i.unitId, hamlet: i.hamlet, household_code: i.householdCode, address: i.address });
    else if (!f.address && i.address) f.address = i.address;
  }
  const values = [...fresh.values()].map((f) => ({ campaign_id: campaignId, ...f }));
  for (let i = 0; i < values.length; i += CHUNK) {
    const rows = await db
      .insertInto('field_households')
      .values(values.slice(i, i + CHUNK))
      .returning(['id', 'unit_id', 'household_code'])
      .execute();
    for (const r of rows) households.set(`${r.unit_id}|${r.household_code}`, Number(r.id));
  }
  return { households, created: values.length };
}

export async function insertPeople(db: Db, rows: Insertable<FieldPeopleTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('field_people').values(rows.slice(i, i + CHUNK)).execute();
}

export async function unitCodesOf(db: Db, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('units').select('code').where('id', 'in', ids).orderBy('code').execute();
  return rows.map((r) => r.code);
}

// ----------------------------------------------------------------------------------------- teams

export interface TeamRow {
  id: number;
  campaign_id: number;
  unit_id: number;
  name: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
}

const teamQuery = (db: Db) =>
  db
    .selectFrom('field_teams as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.id', 't.campaign_id', 't.unit_id', 't.name', 'u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path']);

export async function findTeam(db: Db, campaignId: number, id: number): Promise<TeamRow | undefined> {
  return teamQuery(db).where('t.campaign_id', '=', campaignId).where('t.id', '=', id).executeTakeFirst();
}

export async function listTeams(db: Db, campaignId: number, unitPath: string): Promise<TeamRow[]> {
  return teamQuery(db)
    .where('t.campaign_id', '=', campaignId)
    .where('u.path', 'like', `${unitPath}%`)
    .orderBy('u.code')
    .orderBy('t.name')
    .orderBy('t.id')
    .execute();
}

export async function insertTeam(db: Db, row: { campaign_id: number; unit_id: number; name: string; created_by: number | null }): Promise<number> {
  const r = await db.insertInto('field_teams').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function teamNameTaken(db: Db, campaignId: number, unitId: number, name: string, exceptId = 0): Promise<boolean> {
  const r = await db
    .selectFrom('field_teams')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .where('name', '=', name)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function renameTeam(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('field_teams').set({ name }).where('id', '=', id).execute();
}

export async function setMembers(db: Db, teamId: number, staffIds: number[]): Promise<void> {
  await db.deleteFrom('field_team_members').where('team_id', '=', teamId).execute();
  if (staffIds.length) await db.insertInto('field_team_members').values(staffIds.map((staff_id) => ({ team_id: teamId, staff_id }))).execute();
}

export async function membersOf(db: Db, teamIds: number[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom('field_team_members as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['m.team_id', 's.id as staff_id', 's.username', 's.full_name'])
    .where('m.team_id', 'in', teamIds)
    .orderBy('s.username')
    .execute();
}

/** Staff by username with their unit path and roles (to check who may join a team). */
export async function staffByUsernames(db: Db, usernames: string[]) {
  if (usernames.length === 0) return [];
  return db
    .selectFrom('staff as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.username', 's.full_name', 's.roles', 's.active', 'u.path as unit_path'])
    .where('s.username', 'in', usernames)
    .execute();
}

export async function hamletsOfTeams(db: Db, teamIds: number[]) {
  if (teamIds.length === 0) return [];
  return db.selectFrom('field_hamlet_assignments').select(['team_id', 'hamlet']).where('team_id', 'in', teamIds).orderBy('hamlet').execute();
}

/** Households and people still to visit (no outcome or absent) per team. */
export async function workloadOfTeams(db: Db, campaignId: number, teamIds: number[]) {
  if (teamIds.length === 0) return [];
  const rows = await sql<{ team_id: number; households: number; pending: number }>`
    select ${EFFECTIVE_TEAM} as team_id,
           count(distinct h.id)::int as households,
           count(p.id) filter (where p.outcome is null or p.outcome = 'absent')::int as pending
      from field_households h
      left join field_hamlet_assignments ha on ha.campaign_id = h.campaign_id and ha.unit_id = h.unit_id and ha.hamlet = h.hamlet
      left join field_people p on p.household_id = h.id
     where h.campaign_id = ${campaignId} and ${EFFECTIVE_TEAM} = any(${teamIds}::bigint[])
     group by 1`.execute(db);
  return rows.rows.map((r) => ({ teamId: Number(r.team_id), households: r.households, pending: r.pending }));
}

export async function existingHamlets(db: Db, campaignId: number, unitId: number, hamlets: string[]): Promise<Set<string>> {
  if (hamlets.length === 0) return new Set();
  const rows = await db
    .selectFrom('field_households')
    .select('hamlet')
    .distinct()
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .where('hamlet', 'in', hamlets)
    .execute();
  return new Set(rows.map((r) => r.hamlet));
}

export async function assignHamlets(db: Db, campaignId: number, unitId: number, hamlets: string[], teamId: number): Promise<void> {
  if (hamlets.length === 0) return;
  await db
    .insertInto('field_hamlet_assignments')
    .values(hamlets.map((hamlet) => ({ campaign_id: campaignId, unit_id: unitId, hamlet, team_id: teamId })))
    .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'hamlet']).doUpdateSet({ team_id: teamId }))
    .execute();
}

/** Gives households to a team; returns the codes found. */
export async function assignHouseholds(db: Db, campaignId: number, unitId: number, codes: string[], teamId: number): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .updateTable('field_households')
    .set({ team_id: teamId })
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`household_code = any(${codes}::text[])`)
    .returning('household_code')
    .execute();
  return rows.map((r) => r.household_code);
}

// ------------------------------------------------------------------------------------- volunteer

/** Teams the staff member belongs to, on active campaigns. */
export async function teamsOfMember(db: Db, staffId: number) {
  return db
    .selectFrom('field_team_members as m')
    .innerJoin('field_teams as t', 't.id', 'm.team_id')
    .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .select(['t.id', 't.name', 't.campaign_id', 'c.code as campaign_code'])
    .where('m.staff_id', '=', staffId)
    .where('c.status', '=', 'active')
    .orderBy('c.window_start', 'desc')
    .orderBy('t.id')
    .execute();
}

export interface WorkRow {
  campaign_id: number;
  unit_code: string;
  unit_name: string;
  hamlet: string;
  household_id: number;
  household_code: string;
  address: string;
  person_id: number;
  full_name: string;
  birth_year: number | null;
  id_type: 'cccd' | 'cmnd';
  id_number: string;
  phone: string | null;
  msisdn: string | null;
  carrier: string | null;
  list_kind: FieldPeopleTable['list_kind'];
  outcome: FieldOutcome | null;
  outcome_at: Date | null;
}

/** People of the teams' households that still have someone to visit (no outcome or absent). */
export async function openWork(db: Db, teamIds: number[], limitHouseholds: number): Promise<WorkRow[]> {
  if (teamIds.length === 0) return [];
  const rows = await sql<WorkRow>`
    with open_households as (
      select h.id, h.campaign_id, h.unit_id, h.hamlet, h.household_code, h.address
        from field_households h
        left join field_hamlet_assignments ha on ha.campaign_id = h.campaign_id and ha.unit_id = h.unit_id and ha.hamlet = h.hamlet
       where ${EFFECTIVE_TEAM} = any(${teamIds}::bigint[])
         and exists (select 1 from field_people q where q.household_id = h.id and (q.outcome is null or q.outcome = 'absent'))
       order by h.campaign_id, h.unit_id, h.hamlet collate "C", length(h.household_code), h.household_code collate "C"
       limit ${limitHouseholds})
    select oh.campaign_id, u.code as unit_code, u.name as unit_name, oh.hamlet, oh.id as household_id,
           oh.household_code, oh.address, p.id as person_id, p.full_name, p.birth_year, p.id_type, p.id_number, p.phone,
           p.msisdn, p.carrier, p.list_kind, p.outcome, p.outcome_at
      from open_households oh
      join units u on u.id = oh.unit_id
      join field_people p on p.household_id = oh.id
     order by oh.campaign_id, u.code, oh.hamlet collate "C", length(oh.household_code), oh.household_code collate "C", p.line, p.id`.execute(db);
  return rows.rows;
}

/** The people of a batch with their campaign and the team that has their household. */
export async function peopleForOutcomes(db: Db, personIds: number[]) {
  if (personIds.length === 0) return [];
  const rows = await sql<{ id: number; campaign_id: number; unit_id: number; team_id: number | null }>`
    select p.id, p.campaign_id, p.unit_id, ${EFFECTIVE_TEAM} as team_id
      from field_people p
      join field_households h on h.id = p.household_id
      left join field_hamlet_assignments ha on ha.campaign_id = h.campaign_id and ha.unit_id = h.unit_id and ha.hamlet = h.hamlet
     where p.id = any(${personIds}::bigint[])`.execute(db);
  return rows.rows.map((r) => ({ id: Number(r.id), campaignId: Number(r.campaign_id), unitId: Number(r.unit_id), teamId: r.team_id === null ? null : Number(r.team_id) }));
}

export async function outcomesByClientIds(db: Db, clientIds: string[]) {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom('field_outcomes')
    .select(['client_id', 'person_id', 'outcome', 'recorded_by'])
    .where(sql<boolean>`client_id = any(${clientIds}::uuid[])`)
    .execute();
}

export interface OutcomeInsert {
  client_id: string;
  campaign_id: number;
  person_id: number;
  unit_id: number;
  outcome: FieldOutcome;
  note: string;
  recorded_at: Date;
  received_at: Date;
  recorded_by: number;
  team_id: number | null;
}

/**
 * Inserts the outcomes whose client_id is new; returns those inserted. A concurrent send of the same
 * records inserts nothing here (the unique index decides), so each record is stored once.
 */
export async function insertOutcomes(db: Db, rows: OutcomeInsert[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('field_outcomes')
    .values(rows)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning(['id', 'client_id', 'person_id', 'outcome', 'recorded_at'])
    .execute();
}

/** Makes an outcome the person's current one if it is the latest by recorded_at (ties: higher id). */
export async function applyOutcome(db: Db, personId: number, o: { id: number; outcome: FieldOutcome; recorded_at: Date }): Promise<void> {
  await db
    .updateTable('field_people')
    .set({ outcome: o.outcome, outcome_at: o.recorded_at, outcome_id: o.id })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('outcome_at', 'is', null), eb('outcome_at', '<', o.recorded_at), eb.and([eb('outcome_at', '=', o.recorded_at), eb('outcome_id', '<', o.id)])]))
    .execute();
}

export async function currentOutcomes(db: Db, personIds: number[]): Promise<Map<number, FieldOutcome | null>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('field_people').select(['id', 'outcome']).where('id', 'in', personIds).execute();
  return new Map(rows.map((r) => [Number(r.id), r.outcome]));
}

// -------------------------------------------------------------------------------------- progress

export interface CountRow {
  unit_id: number;
  unit_code: string;
  unit_name: string;
  hamlet: string;
  team_name: string | null;
  listed: number;
  done: number;
  absent: number;
  ineligible: number;
  moved: number;
  deceased: number;
  refused: number;
  pending: number;
}

/**
 * Counts per commune and hamlet inside a unit subtree: each person's latest outcome recorded before
 * `before` (null: the current outcome).
 */
export async function countsByHamlet(db: Db, campaignId: number, unitPath: string, before: Date | null): Promise<CountRow[]> {
  const latest = before
    ? sql`(select o.outcome from field_outcomes o where o.person_id = p.id and o.recorded_at < ${before}
           order by o.recorded_at desc, o.id desc limit 1)`
    : sql`(select p.outcome as outcome)`;
  const rows = await sql<CountRow>`
    select u.id as unit_id, u.code as unit_code, u.name as unit_name, h.hamlet, max(t.name) as team_name,
           count(*)::int as listed,
           count(*) filter (where l.outcome = 'done')::int as done,
           count(*) filter (where l.outcome = 'absent')::int as absent,
           count(*) filter (where l.outcome = 'ineligible')::int as ineligible,
           count(*) filter (where l.outcome = 'moved')::int as moved,
           count(*) filter (where l.outcome = 'deceased')::int as deceased,
           count(*) filter (where l.outcome = 'refused')::int as refused,
           count(*) filter (where l.outcome is null)::int as pending
      from field_people p
      join field_households h on h.id = p.household_id
      join units u on u.id = h.unit_id
      left join field_hamlet_assignments ha on ha.campaign_id = h.campaign_id and ha.unit_id = h.unit_id and ha.hamlet = h.hamlet
      left join field_teams t on t.id = ha.team_id
      left join lateral ${latest} l on true
     where p.campaign_id = ${campaignId} and u.path like ${`${unitPath}%`}
     group by u.id, u.code, u.name, h.hamlet
     order by u.code, h.hamlet collate "C"`.execute(db);
  return rows.rows.map((r) => ({ ...r, unit_id: Number(r.unit_id) }));
}

// ---------------------------------------------------------------------------------- people list

export interface PeopleFilter {
  unitPath: string;
  hamlet?: string;
  /** An outcome, or 'pending' for no outcome yet. */
  outcome?: FieldOutcome | 'pending';
}

export interface PersonListRow {
  id: number;
  unit_code: string;
  unit_name: string;
  hamlet: string;
  household_code: string;
  address: string;
  full_name: string;
  birth_year: number | null;
  id_type: 'cccd' | 'cmnd';
  id_number: string;
  phone: string | null;
  msisdn: string | null;
  carrier: string | null;
  list_kind: FieldPeopleTable['list_kind'];
  team_name: string | null;
  outcome: FieldOutcome | null;
  outcome_at: Date | null;
  outcome_by: string | null;
  note: string | null;
}

function peopleWhere(campaignId: number, f: PeopleFilter) {
  const parts = [sql`p.campaign_id = ${campaignId}`, sql`u.path like ${`${f.unitPath}%`}`];
  if (f.hamlet !== undefined) parts.push(sql`h.hamlet = ${f.hamlet}`);
  if (f.outcome === 'pending') parts.push(sql`p.outcome is null`);
  else if (f.outcome !== undefined) parts.push(sql`p.outcome = ${f.outcome}`);
  return sql.join(parts, sql` and `);
}

/**
 * Listed people of a unit subtree with their current outcome, in the order of the police list
 * (commune, hamlet, household, line); `limit` null = all (the CSV export).
 */
export async function peopleList(db: Db, campaignId: number, f: PeopleFilter, page: { limit: number | null; offset: number }) {
  const where = peopleWhere(campaignId, f);
  const total = await sql<{ n: number }>`
    select count(*)::int as n
      from field_people p
      join field_households h on h.id = p.household_id
      join units u on u.id = h.unit_id
     where ${where}`.execute(db);
  const rows = await sql<PersonListRow>`
    select p.id, u.code as unit_code, u.name as unit_name, h.hamlet, h.household_code, h.address, p.full_name, p.birth_year,
           p.id_type, p.id_number, p.phone, p.msisdn, p.carrier, p.list_kind, t.name as team_name,
           p.outcome, p.outcome_at, s.full_name as outcome_by, o.note
      from field_people p
      join field_households h on h.id = p.household_id
      join units u on u.id = h.unit_id
      left join field_hamlet_assignments ha on ha.campaign_id = h.campaign_id and ha.unit_id = h.unit_id and ha.hamlet = h.hamlet
      left join field_teams t on t.id = ${EFFECTIVE_TEAM}
      left join field_outcomes o on o.id = p.outcome_id
      left join staff s on s.id = o.recorded_by
     where ${where}
     order by u.code, h.hamlet collate "C", length(h.household_code), h.household_code collate "C", p.line, p.id
     ${page.limit === null ? sql`` : sql`limit ${page.limit}`} offset ${page.offset}`.execute(db);
  return { total: total.rows[0]?.n ?? 0, rows: rows.rows.map((r) => ({ ...r, id: Number(r.id) })) };
}
