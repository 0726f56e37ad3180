/** Report rows → API JSON. Values are shown only for units in the caller's scope. */
import type { PartnerReportRow, PartnerReportSummary, PartnerReportView, PartnerReportWarning } from '@motcua/contracts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { MetricInfo } from './partner-reports.parse.ts';
import type { ReportRow } from './partner-reports.repo.ts';

export function presentSummary(r: ReportRow & { unit_count: number }): PartnerReportSummary {
  return {
    id: Number(r.id),
    campaignCode: r.campaign_code,
    partner: { id: Number(r.partner_id), unitCode: r.partner_unit_code, unitName: r.partner_unit_name },
    periodStart: r.period_start,
    periodEnd: r.period_end,
    revision: r.revision,
    status: r.status,
    receivedAt: formatVn(new Date(r.received_at)),
    dueDate: r.due_date,
    late: r.late,
    channel: r.channel,
    warningCount: (r.warnings as PartnerReportWarning[]).length,
    unitCount: Number(r.unit_count),
  };
}

/** Values rows (one per unit and metric) → one row per unit with its metrics. */
export function rowsOf(
  values: { unit_code: string; unit_name: string; metric_code: string; value: number }[],
): PartnerReportRow[] {
  const out = new Map<string, PartnerReportRow>();
  for (const v of values) {
    let row = out.get(v.unit_code);
    if (!row) out.set(v.unit_code, (row = { unitCode: v.unit_code, unitName: v.unit_name, values: {} }));
    row.values[v.metric_code] = Number(v.value);
  }
  return [...out.values()];
}

export function presentReport(
  r: ReportRow & { unit_count: number },
  extra: {
    metrics: MetricInfo[];
    rows: PartnerReportRow[];
    history: { id: number; revision: number; status: PartnerReportView['status']; received_at: Date; late: boolean }[];
    canDecide: boolean;
  },
): PartnerReportView {
  return {
    ...presentSummary(r),
    fileName: r.file_name,
    submittedBy: r.submitted_by_name,
    skippedLines: r.skipped_lines,
    metrics: extra.metrics.map((m) => ({ code: m.code, nameVi: m.nameVi, nameEn: m.nameEn ?? m.code })),
    warnings: r.warnings as PartnerReportWarning[],
    decision: r.decided_at ? { by: r.decided_by_name, at: formatVn(new Date(r.decided_at)), note: r.decision_note } : null,
    rows: extra.rows,
    history: extra.history.map((h) => ({
      id: Number(h.id),
      revision: h.revision,
      status: h.status,
      receivedAt: formatVn(new Date(h.received_at)),
      late: h.late,
    })),
    canDecide: extra.canDecide,
  };
}
