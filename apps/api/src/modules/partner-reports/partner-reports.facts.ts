/**
 * What the progress views read from partner reports (campaign-progress): approved values in force and
 * the receipt of each period's report. Only approved reports count (issue 5 §2: "The coordinator
 * approves a report before it counts").
 */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

export interface ReportedValue {
  partnerId: number;
  unitId: number;
  metricCode: string;
  periodEnd: string;
  /** Cumulative total to periodEnd. */
  value: number;
}

/** Values of approved reports in force (latest approved revision per partner and period) with periodEnd <= asOf. */
export async function approvedValues(db: Db, campaignId: number, asOf: string): Promise<ReportedValue[]> {
  // Approving a revision supersedes the earlier approved one, so there is normally one approved
  // revision per period; DISTINCT ON keeps the rule true even if that ever failed.
  const rows = await db
    .with('inforce', (q) =>
      q
        .selectFrom('partner_reports')
        .select(['id', 'partner_id', 'period_end'])
        .distinctOn(['partner_id', 'period_end'])
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'approved')
        .where('period_end', '<=', asOf)
        .orderBy('partner_id')
        .orderBy('period_end')
        .orderBy('revision', 'desc'),
    )
    .selectFrom('inforce as r')
    .innerJoin('partner_report_values as v', 'v.report_id', 'r.id')
    .select(['r.partner_id', 'r.period_end', 'v.unit_id', 'v.metric_code', 'v.value'])
    .orderBy('r.partner_id')
    .orderBy('r.period_end')
    .orderBy('v.unit_id')
    .orderBy('v.metric_code')
    .execute();
  return rows.map((r) => ({
    partnerId: Number(r.partner_id),
    unitId: Number(r.unit_id),
    metricCode: r.metric_code,
    periodEnd: r.period_end,
    value: Number(r.value),
  }));
}

export interface ReceivedReport {
  partnerId: number;
  periodEnd: string;
  /** First receipt of the period (revision 1). */
  receivedAt: Date;
  late: boolean;
  /** Status of the latest revision: where the period's reporting stands now. */
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
}

/** First receipt of each (partner, period): revisions do not change timeliness. */
export async function receivedReports(db: Db, campaignId: number): Promise<ReceivedReport[]> {
  const rows = await db
    .selectFrom('partner_reports as f')
    .select(['f.partner_id', 'f.period_end', 'f.received_at', 'f.late'])
    .select(
      sql<
        ReceivedReport['status']
      >`(SELECT l.status FROM partner_reports l WHERE l.partner_id = f.partner_id AND l.period_end = f.period_end ORDER BY l.revision DESC LIMIT 1)`.as(
        'status',
      ),
    )
    .where('f.campaign_id', '=', campaignId)
    .where('f.revision', '=', 1)
    .orderBy('f.partner_id')
    .orderBy('f.period_end')
    .execute();
  return rows.map((r) => ({
    partnerId: Number(r.partner_id),
    periodEnd: r.period_end,
    receivedAt: new Date(r.received_at),
    late: r.late,
    status: r.status,
  }));
}

/**
 * For the campaign set-up (campaigns.setup.ts): how many reports (every revision) a partner has sent.
 * A partner that has reported is never removed: its reports would go with it.
 */
export async function reportCountOf(db: Db, partnerId: number): Promise<number> {
  const row = await db
    .selectFrom('partner_reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('partner_id', '=', partnerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For the campaign set-up: how many values of a metric partners have reported (any status). */
export async function reportedValueCountOf(db: Db, campaignId: number, metricCode: string): Promise<number> {
  const row = await db
    .selectFrom('partner_report_values as v')
    .innerJoin('partner_reports as r', 'r.id', 'v.report_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.campaign_id', '=', campaignId)
    .where('v.metric_code', '=', metricCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For the campaign set-up: the periods each partner has reported for (a round that has reports stays). */
export async function reportedPeriodsOf(
  db: Db,
  campaignId: number,
): Promise<{ partnerId: number; periodStart: string; periodEnd: string }[]> {
  const rows = await db
    .selectFrom('partner_reports')
    .select(['partner_id', 'period_start', 'period_end'])
    .distinct()
    .where('campaign_id', '=', campaignId)
    .orderBy('partner_id')
    .orderBy('period_end')
    .execute();
  return rows.map((r) => ({ partnerId: Number(r.partner_id), periodStart: r.period_start, periodEnd: r.period_end }));
}
