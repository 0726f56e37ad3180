/**
 * Partner reports (docs/partner-reports.md): receiving a report (file, API, CLI) with all-or-nothing
 * validation, warnings that flag without rejecting, revisions that keep history, and the
 * coordinator's decision. Knows no HTTP; callers open the transaction.
 */
import type {
  PartnerReportChannel,
  PartnerReportProblem,
  PartnerReportStatus,
  PartnerReportWarning,
  PartnerCadence,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { PERMISSIONS, type Actor } from '../../shared/policy.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { CampaignRow } from '../campaigns/campaigns.access.ts';
import type { PeriodRule } from '../campaigns/campaigns.periods.ts';
import type { MetricInfo, RawReport } from './partner-reports.parse.ts';
import * as repo from './partner-reports.repo.ts';
import { checkPeriod, checkRows, vnDay, type CheckedRow, type ValidationContext } from './partner-reports.validate.ts';

export const CADENCE_LABELS: Record<PartnerCadence, string> = { daily: 'hằng ngày', weekly: 'hằng tuần', round: 'theo đợt' };

export interface Sender {
  channel: PartnerReportChannel;
  staffId: number | null;
  tokenId: number | null;
  fileName: string | null;
  /** Units the sender may report on: the area for a partner, a commune for its own coordinator. */
  scopePath: string;
  actor: Actor | null;
  requestId?: string;
}

export interface PartnerContext {
  campaign: CampaignRow;
  partner: repo.PartnerRow;
  metrics: MetricInfo[];
  campaignMetrics: MetricInfo[];
  rule: PeriodRule;
}

/** The partner's metrics (in the campaign's order), the campaign's metrics, and its period rule. */
export async function partnerContext(db: Db, campaign: CampaignRow, partner: repo.PartnerRow): Promise<PartnerContext> {
  const all = await repo.campaignMetrics(db, campaign.id);
  const campaignMetrics = all.map((m) => ({ code: m.code, nameVi: m.name_vi, nameEn: m.name_en }));
  const metrics = campaignMetrics.filter((m) => partner.metrics.includes(m.code));
  const rounds = partner.cadence === 'round' ? await repo.rounds(db, campaign.id) : [];
  return {
    campaign,
    partner,
    metrics,
    campaignMetrics,
    rule: {
      cadence: partner.cadence,
      dueOffsetDays: partner.due_offset_days,
      windowStart: campaign.window_start,
      windowEnd: campaign.window_end,
      rounds: rounds.map((r) => ({ statsFrom: r.stats_from, statsTo: r.stats_to, dueDate: r.due_date })),
    },
  };
}

/** The campaign's partner given by id or unit code; the only one when there is just one. */
export async function resolvePartner(db: Db, campaignId: number, ref: string | number | undefined): Promise<repo.PartnerRow> {
  const partners = await repo.partnersOf(db, campaignId);
  if (ref === undefined || ref === '') {
    if (partners.length === 1) return partners[0]!;
    throw errors.validation(
      { field: 'partner', choices: partners.map((p) => p.unit_code) },
      `Chọn đối tác báo cáo (${partners.map((p) => p.unit_code).join(', ') || 'chiến dịch chưa có đối tác'}).`,
    );
  }
  const s = String(ref).trim().toUpperCase();
  const p = partners.find((x) => String(x.id) === s || x.unit_code === s);
  if (!p) throw errors.notFound(`đối tác ${ref} của chiến dịch`, `Partner ${ref}`);
  return p;
}

export interface SubmitInput {
  ctx: PartnerContext;
  /** From the form, the CLI option or the API body; a `period_end` column may give it instead. */
  periodEnd?: string;
  revision: boolean;
  raw: RawReport;
  sender: Sender;
  now: Date;
}

export interface SubmitResult {
  id: number;
  revision: number;
  late: boolean;
  warnings: PartnerReportWarning[];
  accepted: number;
  skippedLines: number;
}

const rejected = (problems: PartnerReportProblem[], skippedLines: number) =>
  errors.importRejected({ problems: [...problems].sort((a, b) => a.line - b.line), skippedLines });

/**
 * Checks and stores a report. Problems → IMPORT_REJECTED (422) naming every one, nothing written;
 * a period already reported without `revision` → CONFLICT (409). Call inside a transaction.
 */
export async function submitReport(db: Db, input: SubmitInput): Promise<SubmitResult> {
  const { ctx, raw, sender, now } = input;
  const today = vnDateOf(now);
  const vctx: ValidationContext = {
    rule: ctx.rule,
    cadenceLabel: CADENCE_LABELS[ctx.partner.cadence],
    today,
    areaPath: ctx.campaign.scope_path,
    areaName: await unitName(db, ctx.campaign.scope_unit_id),
    scopePath: sender.scopePath,
    metrics: ctx.metrics.map((m) => m.code),
  };
  let periodEnd = input.periodEnd?.trim() || raw.periodEnd;
  const problems = [...raw.problems];
  if (input.periodEnd && raw.periodEnd && input.periodEnd.trim() !== raw.periodEnd)
    problems.push({
      line: 0,
      column: 'period_end',
      unitCode: null,
      reason: `cột period_end (${raw.periodEnd}) khác ngày cuối kỳ đã chọn (${input.periodEnd})`,
    });
  const { period, problems: periodProblems } = checkPeriod(vctx, periodEnd);
  problems.push(...periodProblems);
  const { rows, problems: rowProblems } = await checkRows(db, vctx, raw, period ? period.periodEnd : ctx.campaign.window_start);
  problems.push(...rowProblems);
  if (problems.length) throw rejected(problems, raw.skippedLines);
  periodEnd = period!.periodEnd;

  await repo.lockPartner(db, ctx.partner.id);
  const earlier = await repo.revisionsOf(db, ctx.partner.id, periodEnd);
  const last = earlier[earlier.length - 1];
  if (last && !input.revision)
    throw errors.conflict(
      `${ctx.partner.unit_name} đã gửi báo cáo kỳ ${vnDay(period!.periodStart)}–${vnDay(periodEnd)} (lần ${last.revision}, ${STATUS_VI[last.status]}). Muốn thay thế, gửi lại dưới dạng báo cáo sửa đổi.`,
      `A report for this period was already sent (revision ${last.revision}); send it as a revision to replace it.`,
      { reportId: Number(last.id), revision: last.revision, status: last.status },
    );
  if (!last && input.revision)
    throw errors.conflict(
      `Chưa có báo cáo nào của kỳ ${vnDay(period!.periodStart)}–${vnDay(periodEnd)} để sửa đổi; bỏ chọn "báo cáo sửa đổi".`,
      'There is no earlier report for this period to revise.',
    );
  const revision = (last?.revision ?? 0) + 1;
  const late = today > period!.dueDate;
  const warnings = [...(await trendWarnings(db, ctx, periodEnd, rows)), ...(late ? [lateWarning(now, period!.dueDate)] : [])];
  const id = await repo.insertReport(db, {
    campaign_id: ctx.campaign.id,
    partner_id: ctx.partner.id,
    period_start: period!.periodStart,
    period_end: periodEnd,
    revision,
    status: 'pending',
    received_at: now,
    due_date: period!.dueDate,
    late,
    channel: sender.channel,
    file_name: sender.fileName?.slice(0, 255) ?? null,
    submitted_by: sender.staffId,
    token_id: sender.tokenId,
    warnings: repo.warningsJson(warnings),
    skipped_lines: raw.skippedLines,
  });
  await repo.insertValues(
    db,
    id,
    rows.flatMap((r) => Object.entries(r.values).map(([metric_code, value]) => ({ unit_id: r.unit.id, metric_code, value }))),
  );
  // A pending earlier revision will never be decided: the new one replaces it now. An approved one
  // stays in force until the revision is approved (docs/partner-reports.md, "revisions").
  if (revision > 1) await repo.supersede(db, ctx.partner.id, periodEnd, revision, ['pending']);
  await recordAudit(db, {
    actor: sender.actor,
    action: 'partner_report.submit',
    target: `partner_report:${id}`,
    unitId: ctx.partner.unit_id,
    requestId: sender.requestId,
    details: {
      campaign: ctx.campaign.code,
      partner: ctx.partner.unit_code,
      periodEnd,
      revision,
      channel: sender.channel,
      tokenId: sender.tokenId,
      warnings: warnings.length,
    },
  });
  return { id, revision, late, warnings, accepted: rows.length, skippedLines: raw.skippedLines };
}

const STATUS_VI: Record<PartnerReportStatus, string> = {
  pending: 'chờ duyệt',
  approved: 'đã duyệt',
  rejected: 'bị từ chối',
  superseded: 'đã được thay thế',
};

async function unitName(db: Db, id: number): Promise<string> {
  return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
}

function lateWarning(now: Date, dueDate: string): PartnerReportWarning {
  const at = formatVn(now);
  return { kind: 'late', message: `Nhận lúc ${at.slice(11, 16)} ngày ${vnDay(at.slice(0, 10))}, sau hạn gửi ${vnDay(dueDate)}.` };
}

/**
 * Cumulative totals never go down (seed 002 IV.4.e counts verified and locked subscribers so far): a
 * value below the same partner's previous period, or — for a revision of an older period — above the
 * next one, is flagged with both figures. Issue 5: "flagged, not silently accepted".
 */
async function trendWarnings(
  db: Db,
  ctx: PartnerContext,
  periodEnd: string,
  rows: CheckedRow[],
): Promise<PartnerReportWarning[]> {
  const unitIds = rows.map((r) => r.unit.id);
  const byUnit = new Map(rows.map((r) => [r.unit.id, r]));
  const name = (code: string) => ctx.metrics.find((m) => m.code === code)?.nameVi ?? code;
  const out: PartnerReportWarning[] = [];
  for (const side of ['previous', 'next'] as const) {
    for (const n of await repo.neighbourValues(db, ctx.partner.id, periodEnd, unitIds, side)) {
      const row = byUnit.get(Number(n.unit_id));
      const value = row?.values[n.metric_code];
      if (!row || value === undefined) continue;
      const other = Number(n.value);
      const base = {
        unitCode: row.unit.code,
        unitName: row.unit.name,
        metricCode: n.metric_code,
        otherValue: other,
        otherPeriodEnd: n.period_end,
        value,
      };
      if (side === 'previous' && value < other)
        out.push({
          kind: 'decrease',
          message: `${row.unit.name} (${row.unit.code}): ${name(n.metric_code)} giảm từ ${other} (kỳ đến ${vnDay(n.period_end)}) xuống ${value}.`,
          ...base,
        });
      if (side === 'next' && value > other)
        out.push({
          kind: 'above_next',
          message: `${row.unit.name} (${row.unit.code}): ${name(n.metric_code)} ${value} cao hơn số của kỳ sau (${other}, kỳ đến ${vnDay(n.period_end)}).`,
          ...base,
        });
    }
  }
  return out;
}

/** Approvers of the campaign (campaign.approve) whose scope holds every unit of the report. */
export function mayApprove(actor: Actor | null): boolean {
  return !!actor && actor.roles.some((r) => (PERMISSIONS['campaign.approve'] as readonly string[]).includes(r));
}

export interface DecisionInput {
  campaignId: number;
  reportId: number;
  scopePath: string;
  actor: Actor;
  decision: 'approve' | 'reject';
  acknowledgeWarnings: boolean;
  note: string | null;
  now: Date;
  requestId?: string;
}

/**
 * Approve or reject a pending report. The decider must hold every unit of it (a commune's coordinator
 * approves its commune's police report, not a province-wide carrier report); a flagged report needs
 * the warnings acknowledged; a rejection needs a reason. Call inside a transaction.
 */
export async function decideReport(db: Db, d: DecisionInput): Promise<void> {
  const r = await repo.findReportForUpdate(db, d.campaignId, d.reportId);
  if (!r) throw notFound(d.reportId);
  const inScope = (await repo.reportValues(db, r.id, d.scopePath)).length;
  if (inScope === 0) throw notFound(d.reportId);
  if ((await repo.unitsOutside(db, r.id, d.scopePath)) > 0)
    throw new AppError(
      'FORBIDDEN',
      'Báo cáo có số liệu của đơn vị ngoài phạm vi của bạn; cấp điều phối chung của chiến dịch duyệt báo cáo này.',
      'The report covers units outside your scope.',
      { reason: 'units_outside_scope' },
    );
  if (r.status !== 'pending')
    throw errors.conflict(
      `Báo cáo đang ở trạng thái "${STATUS_VI[r.status]}", không thể duyệt hoặc từ chối.`,
      `The report is ${r.status}.`,
      { status: r.status },
    );
  const note = d.note?.normalize('NFC').trim() || null;
  if (d.decision === 'reject' && !note)
    throw errors.validation([{ field: 'note', message: 'Nhập lý do từ chối' }], 'Nhập lý do từ chối báo cáo.');
  const warnings = r.warnings as PartnerReportWarning[];
  if (d.decision === 'approve' && warnings.length > 0 && !d.acknowledgeWarnings)
    throw errors.validation(
      [{ field: 'acknowledgeWarnings', message: 'Xác nhận đã xem các cảnh báo' }],
      `Báo cáo có ${warnings.length} cảnh báo; xác nhận đã xem các cảnh báo để duyệt.`,
    );
  await repo.decide(db, r.id, d.decision === 'approve' ? 'approved' : 'rejected', d.actor.staffId, d.now, note);
  if (d.decision === 'approve') await repo.supersede(db, r.partner_id, r.period_end, r.revision, ['approved', 'pending']);
  await recordAudit(db, {
    actor: d.actor,
    action: `partner_report.${d.decision}`,
    target: `partner_report:${r.id}`,
    requestId: d.requestId,
    details: { periodEnd: r.period_end, revision: r.revision, warnings: warnings.length, acknowledged: d.acknowledgeWarnings },
  });
}

export const notFound = (id: number) => errors.notFound(`báo cáo ${id}`, `Report ${id}`);

/** A unique violation on (partner, period, revision): two senders raced; the loser is told to retry. */
export async function withRaceAsConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw errors.conflict(
        'Một báo cáo khác của kỳ này vừa được gửi cùng lúc; tải lại danh sách rồi gửi lại.',
        'Another report for this period was just sent.',
      );
    throw e;
  }
}
