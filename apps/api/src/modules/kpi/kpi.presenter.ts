/** Figures → the report row of GET /api/v1/kpi, and the same rows as CSV/XLSX files. */
import {
  KPI_RATE_INDICATORS,
  type KpiPoints,
  type KpiPublishedMonth,
  type KpiPublishedSummary,
  type KpiReport,
  type KpiRow,
  type KpiTargetGap,
} from '@motcua/contracts';
import { toCsv } from '../../shared/csv.ts';
import { toXlsx } from '../../shared/tabular.ts';
import type { Figures, Rates } from './kpi.points.ts';

/** Exactly the fields of the contract, in its order. */
export function presentRow(
  unit: { code: string; name: string },
  f: Figures,
  rates: Rates,
  points: KpiPoints,
  targets: Record<string, KpiTargetGap>,
): KpiRow {
  return {
    unit_code: unit.code,
    unit_name: unit.name,
    received: f.received,
    received_online: f.received_online,
    online_rate: rates.online_rate,
    finished: f.finished,
    finished_on_time: f.finished_on_time,
    overdue_unfinished: f.overdue_unfinished,
    on_time_rate: rates.on_time_rate,
    digitized_rate: rates.digitized_rate,
    result_digitized_rate: rates.result_digitized_rate,
    reuse_rate: rates.reuse_rate,
    payment_online_rate: rates.payment_online_rate,
    satisfaction_rate: rates.satisfaction_rate,
    points,
    targets,
  };
}

const RATE_LABELS: Record<(typeof KPI_RATE_INDICATORS)[number], string> = {
  online_rate: 'Tỷ lệ hồ sơ trực tuyến',
  on_time_rate: 'Tỷ lệ đúng hạn',
  digitized_rate: 'Tỷ lệ số hóa hồ sơ',
  result_digitized_rate: 'Tỷ lệ số hóa kết quả',
  reuse_rate: 'Tỷ lệ tái sử dụng dữ liệu',
  payment_online_rate: 'Tỷ lệ thanh toán trực tuyến',
  satisfaction_rate: 'Tỷ lệ hài lòng',
};

const COUNT_COLUMNS: [keyof KpiRow, string][] = [
  ['received', 'Tiếp nhận'],
  ['received_online', 'Tiếp nhận trực tuyến'],
  ['finished', 'Đã giải quyết'],
  ['finished_on_time', 'Giải quyết đúng hạn'],
  ['overdue_unfinished', 'Quá hạn chưa giải quyết (cuối kỳ)'],
];

type Cell = string | number | null;

/** One flat table: codes, counts, rates, points (total and per group), then each target and its gap. */
export function reportTable(report: KpiReport): { header: string[]; rows: Cell[][] } {
  const groupNames = new Map(report.rows.flatMap((r) => Object.entries(r.points.groups).map(([k, g]) => [k, g.name] as const)));
  const groups = [...groupNames.keys()];
  const header = [
    'Mã đơn vị',
    'Tên đơn vị',
    ...COUNT_COLUMNS.map(([, h]) => h),
    ...KPI_RATE_INDICATORS.map((k) => RATE_LABELS[k]),
    'Tổng điểm (chỉ số tính được)',
    'Điểm tối đa (chỉ số tính được)',
    ...groups.map((g) => `Điểm: ${groupNames.get(g)}`),
    ...KPI_RATE_INDICATORS.flatMap((k) => [`Chỉ tiêu: ${RATE_LABELS[k]}`, `Chênh lệch: ${RATE_LABELS[k]}`]),
  ];
  const rows = report.rows.map((r) => [
    r.unit_code,
    r.unit_name,
    ...COUNT_COLUMNS.map(([k]) => r[k] as number),
    ...KPI_RATE_INDICATORS.map((k) => r[k]),
    r.points.total,
    r.points.max,
    ...groups.map((g) => r.points.groups[g]?.points ?? null),
    ...KPI_RATE_INDICATORS.flatMap((k) => [r.targets[k]?.target ?? null, r.targets[k]?.gap ?? null]),
  ]);
  return { header, rows };
}

export function reportCsv(report: KpiReport): string {
  const t = reportTable(report);
  return toCsv(t.header, t.rows);
}

export async function reportXlsx(report: KpiReport): Promise<Buffer> {
  const t = reportTable(report);
  return toXlsx('Chỉ số 766', t.header, t.rows);
}

export function presentPublished(s: {
  month: string;
  period_from: string;
  period_to: string;
  published_at: Date;
}): KpiPublishedSummary {
  return { month: s.month, from: s.period_from, to: s.period_to, published_at: new Date(s.published_at).toISOString() };
}

export function presentPublishedMonth(s: Parameters<typeof presentPublished>[0], rows: KpiRow[]): KpiPublishedMonth {
  return { ...presentPublished(s), rows };
}
