/** SQL of partner reports; every function takes the db or a transaction first. */
import type { PartnerReportStatus, PartnerReportWarning } from '@motcua/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { CampaignPartnersTable } from '../campaigns/campaigns.tables.ts';
import type { PartnerReportsTable } from './partner-reports.tables.ts';

export type PartnerRow = Selectable<CampaignPartnersTable> & { unit_code: string; unit_name: string };
export type ReportRow = Selectable<PartnerReportsTable> & {
  partner_unit_code: string;
  partner_unit_name: string;
  campaign_code: string;
  submitted_by_name: string | null;
  decided_by_name: string | null;
};

function partnersQuery(db: Db) {
  return db
    .selectFrom('campaign_partners as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select(['u.code as unit_code', 'u.name as unit_name']);
}

export async function partnersOf(db: Db, campaignId: number): Promise<PartnerRow[]> {
  return partnersQuery(db).where('p.campaign_id', '=', campaignId).orderBy('p.id').execute();
}

/** Serialises submissions of one partner: the revision number and the warnings see a stable history. */
export async function lockPartner(db: Db, partnerId: number): Promise<void> {
  await db.selectFrom('campaign_partners').select('id').where('id', '=', partnerId).forUpdate().execute();
}

export async function campaignMetrics(db: Db, campaignId: number) {
  return db
    .selectFrom('campaign_metrics')
    .select(['code', 'name_vi', 'name_en', 'source'])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export async function rounds(db: Db, campaignId: number) {
  return db
    .selectFrom('campaign_rounds')
    .select(['stats_from', 'stats_to', 'due_date'])
    .where('campaign_id', '=', campaignId)
    .orderBy('seq')
    .execute();
}

/** Every revision sent for a partner and period, oldest first. */
export async function revisionsOf(db: Db, partnerId: number, periodEnd: string) {
  return db
    .selectFrom('partner_reports')
    .select(['id', 'revision', 'status', 'received_at', 'late'])
    .where('partner_id', '=', partnerId)
    .where('period_end', '=', periodEnd)
    .orderBy('revision')
    .execute();
}

/**
 * For each unit and metric, the value of the nearest other period (before or after `periodEnd`) in
 * the partner's current reports: approved or pending, the highest revision of that period.
 */
export async function neighbourValues(
  db: Db,
  partnerId: number,
  periodEnd: string,
  unitIds: number[],
  side: 'previous' | 'next',
) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('partner_reports as r')
    .innerJoin('partner_report_values as v', 'v.report_id', 'r.id')
    .select(['v.unit_id', 'v.metric_code', 'v.value', 'r.period_end'])
    .distinctOn(['v.unit_id', 'v.metric_code'])
    .where('r.partner_id', '=', partnerId)
    .where('r.period_end', side === 'previous' ? '<' : '>', periodEnd)
    .where('r.status', 'in', ['pending', 'approved'])
    .where('v.unit_id', 'in', unitIds)
    .orderBy('v.unit_id')
    .orderBy('v.metric_code')
    .orderBy('r.period_end', side === 'previous' ? 'desc' : 'asc')
    .orderBy('r.revision', 'desc')
    .execute();
}

export async function insertReport(db: Db, row: Insertable<PartnerReportsTable>): Promise<number> {
  const r = await db.insertInto('partner_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function insertValues(
  db: Db,
  reportId: number,
  values: { unit_id: number; metric_code: string; value: number }[],
): Promise<void> {
  // Chunks keep the statement under the parameter limit for a province-wide daily file.
  for (let i = 0; i < values.length; i += 1000)
    await db
      .insertInto('partner_report_values')
      .values(values.slice(i, i + 1000).map((v) => ({ report_id: reportId, ...v })))
      .execute();
}

/** Marks earlier revisions of the period with one of `statuses` superseded. */
export async function supersede(
  db: Db,
  partnerId: number,
  periodEnd: string,
  belowRevision: number,
  statuses: PartnerReportStatus[],
): Promise<void> {
  await db
    .updateTable('partner_reports')
    .set({ status: 'superseded' })
    .where('partner_id', '=', partnerId)
    .where('period_end', '=', periodEnd)
    .where('revision', '<', belowRevision)
    .where('status', 'in', statuses)
    .execute();
}

function reportsQuery(db: Db) {
  return db
    .selectFrom('partner_reports as r')
    .innerJoin('campaign_partners as p', 'p.id', 'r.partner_id')
    .innerJoin('units as pu', 'pu.id', 'p.unit_id')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .leftJoin('staff as s', 's.id', 'r.submitted_by')
    .leftJoin('staff as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select([
      'pu.code as partner_unit_code',
      'pu.name as partner_unit_name',
      'c.code as campaign_code',
      's.full_name as submitted_by_name',
      'd.full_name as decided_by_name',
    ]);
}

/** Units of the report inside `scopePath`. */
const unitsInScope = (scopePath: string) =>
  sql<number>`(SELECT count(DISTINCT v.unit_id) FROM partner_report_values v JOIN units u ON u.id = v.unit_id WHERE v.report_id = r.id AND u.path LIKE ${scopePath} || '%')`;

export interface ListFilter {
  campaignId: number;
  scopePath: string;
  partnerId?: number;
  status?: PartnerReportStatus;
  limit: number;
  offset: number;
}

/** Reports with at least one unit in the scope (a partner's own reports always qualify). */
export async function listReports(
  db: Db,
  f: ListFilter,
): Promise<{ rows: (ReportRow & { unit_count: number })[]; total: number }> {
  let q = reportsQuery(db)
    .select(unitsInScope(f.scopePath).as('unit_count'))
    .where('r.campaign_id', '=', f.campaignId)
    .where(sql<boolean>`${unitsInScope(f.scopePath)} > 0`);
  if (f.partnerId !== undefined) q = q.where('r.partner_id', '=', f.partnerId);
  if (f.status) q = q.where('r.status', '=', f.status);
  const total = await db
    .selectFrom(q.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('r.period_end', 'desc')
    .orderBy('pu.code')
    .orderBy('r.revision', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows: rows as (ReportRow & { unit_count: number })[], total: Number(total.n) };
}

export async function findReport(
  db: Db,
  campaignId: number,
  id: number,
  scopePath: string,
): Promise<(ReportRow & { unit_count: number }) | undefined> {
  return reportsQuery(db)
    .select(unitsInScope(scopePath).as('unit_count'))
    .where('r.campaign_id', '=', campaignId)
    .where('r.id', '=', id)
    .executeTakeFirst() as Promise<(ReportRow & { unit_count: number }) | undefined>;
}

export async function findReportForUpdate(db: Db, campaignId: number, id: number) {
  return db
    .selectFrom('partner_reports')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Values of the report for units in `scopePath`, by commune name. */
export async function reportValues(db: Db, reportId: number, scopePath: string) {
  return db
    .selectFrom('partner_report_values as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['u.id as unit_id', 'u.code as unit_code', 'u.name as unit_name', 'v.metric_code', 'v.value'])
    .where('v.report_id', '=', reportId)
    .where('u.path', 'like', `${scopePath}%`)
    .orderBy('u.code')
    .execute();
}

/** How many of the report's units lie outside `scopePath` (a decider must hold them all). */
export async function unitsOutside(db: Db, reportId: number, scopePath: string): Promise<number> {
  const r = await db
    .selectFrom('partner_report_values as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(sql<number>`count(DISTINCT v.unit_id)`.as('n'))
    .where('v.report_id', '=', reportId)
    .where('u.path', 'not like', `${scopePath}%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function decide(
  db: Db,
  id: number,
  status: 'approved' | 'rejected',
  by: number | null,
  at: Date,
  note: string | null,
): Promise<void> {
  await db
    .updateTable('partner_reports')
    .set({ status, decided_by: by, decided_at: at, decision_note: note })
    .where('id', '=', id)
    .execute();
}

/** Latest revision sent per period of a partner. */
export async function latestPerPeriod(db: Db, partnerId: number) {
  return db
    .selectFrom('partner_reports')
    .select(['id', 'period_end', 'revision', 'status'])
    .distinctOn(['period_end'])
    .where('partner_id', '=', partnerId)
    .orderBy('period_end')
    .orderBy('revision', 'desc')
    .execute();
}

export const warningsJson = (w: PartnerReportWarning[]) => JSON.stringify(w);
