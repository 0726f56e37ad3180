/**
 * The daily / weekly report file (XLSX): a summary sheet (campaign, legal basis, period, totals against
 * targets, forecast), the partners' reporting (DHIS2 reporting rates), then one sheet per metric group
 * with a row per unit. Vietnamese headers; rates stored as numbers with a percent format, so Excel can
 * still compute with them.
 */
import ExcelJS from 'exceljs';
import type { MetricForecast } from '@motcua/contracts';
import { vnShortDate } from '../results/results.format.ts';
import type { MetricValue } from './campaign-progress.engine.ts';
import { METRIC_GROUPS, type ReportData, type ReportRow } from './campaign-progress.files.ts';
import type { MetricRow } from './campaign-progress.repo.ts';

const PERCENT = '0.00%';
const COUNT = '#,##0';

export const FORECAST_LABELS: Record<MetricForecast['status'], string> = {
  reached: 'Đã đạt chỉ tiêu',
  on_track: 'Dự kiến đạt',
  behind: 'Dự kiến không đạt',
  no_progress: 'Không tiến triển',
  no_target: 'Chưa giao chỉ tiêu',
  no_data: 'Chưa có số liệu',
};

export function periodTitle(d: Pick<ReportData, 'period' | 'periodStart' | 'asOf'>): string {
  return d.period === 'day'
    ? `BÁO CÁO NGÀY ${vnShortDate(d.asOf)}`
    : `BÁO CÁO TUẦN ${vnShortDate(d.periodStart)} – ${vnShortDate(d.asOf)}`;
}

const change = (m: MetricRow, now: MetricValue, before: MetricValue): number | null =>
  now.value === null || before.value === null
    ? null
    : m.kind === 'rate'
      ? round4(now.value - before.value)
      : now.value - before.value;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function forecastText(f: MetricForecast | undefined): string {
  if (!f) return '';
  const label = FORECAST_LABELS[f.status];
  if (f.status === 'on_track' && f.reachDate) return `${label} (${vnShortDate(f.reachDate)})`;
  if ((f.status === 'behind' || f.status === 'no_progress') && f.shortfall !== null)
    return `${label} (thiếu ${formatShort(f.shortfall)})`;
  return label;
}
const formatShort = (x: number) => (Math.abs(x) < 1 ? `${round4(x * 100)}%` : String(Math.ceil(x)));

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
}

function setFormats(ws: ExcelJS.Worksheet, row: ExcelJS.Row, formats: (string | null)[]) {
  formats.forEach((f, i) => {
    if (f) row.getCell(i + 1).numFmt = f;
  });
  void ws;
}

function summarySheet(wb: ExcelJS.Workbook, d: ReportData) {
  const ws = wb.addWorksheet('Tổng hợp');
  ws.addRow([periodTitle(d)]).font = { bold: true, size: 14 };
  ws.addRow(['Chiến dịch', d.campaign.name]);
  if (d.campaign.legalBasis) ws.addRow(['Căn cứ', d.campaign.legalBasis]);
  ws.addRow(['Thời gian chiến dịch', `${vnShortDate(d.campaign.windowStart)} – ${vnShortDate(d.campaign.windowEnd)}`]);
  ws.addRow(['Số liệu tính đến hết ngày', vnShortDate(d.asOf)]);
  ws.addRow(['So sánh với hết ngày', vnShortDate(d.previous)]);
  ws.addRow(['Đơn vị', d.root.name]);
  ws.addRow([]);
  styleHeader(ws.addRow(['Chỉ tiêu', 'Kết quả', 'Chỉ tiêu giao', 'Tỷ lệ hoàn thành', 'Tăng trong kỳ', 'Dự báo cuối chiến dịch']));
  for (const m of d.metrics) {
    const now = d.total.cells.get(m.code)!;
    const r = ws.addRow([
      m.nameVi,
      now.value,
      now.target,
      now.progress,
      change(m, now, d.total.before.get(m.code)!),
      forecastText(d.forecasts.find((f) => f.metric === m.code)),
    ]);
    const f = m.kind === 'rate' ? PERCENT : COUNT;
    setFormats(ws, r, [null, f, f, PERCENT, f]);
  }
  ws.getColumn(1).width = 38;
  ws.getColumn(2).width = 48;
  [3, 4, 5, 6].forEach((i) => (ws.getColumn(i).width = 16));
}

function partnersSheet(wb: ExcelJS.Workbook, d: ReportData) {
  const ws = wb.addWorksheet('Đối tác báo cáo');
  styleHeader(
    ws.addRow([
      'Mã đơn vị',
      'Đơn vị báo cáo',
      'Chu kỳ',
      'Phải nộp',
      'Đã nộp',
      'Đúng hạn',
      'Tỷ lệ đầy đủ',
      'Tỷ lệ đúng hạn',
      'Kỳ chưa nộp (hạn)',
      'Kỳ nộp trễ',
    ]),
  );
  const cadence = { daily: 'Hằng ngày', weekly: 'Hằng tuần', round: 'Theo đợt' } as const;
  const periods = (xs: { periodEnd: string; dueDate: string }[]) =>
    xs.map((x) => `${vnShortDate(x.periodEnd)} (hạn ${vnShortDate(x.dueDate)})`).join('; ');
  for (const p of d.timeliness.items) {
    const r = ws.addRow([
      p.unitCode,
      p.unitName,
      cadence[p.cadence],
      p.expected,
      p.received,
      p.onTime,
      p.completeness,
      p.timeliness,
      periods(p.missing),
      periods(p.late),
    ]);
    setFormats(ws, r, [null, null, null, null, null, null, PERCENT, PERCENT]);
  }
  const t = d.timeliness.total;
  const r = ws.addRow(['', 'Tổng cộng', '', t.expected, t.received, t.onTime, t.completeness, t.timeliness]);
  r.font = { bold: true };
  setFormats(ws, r, [null, null, null, null, null, null, PERCENT, PERCENT]);
  ws.getColumn(2).width = 30;
  ws.getColumn(9).width = 40;
  ws.getColumn(10).width = 40;
}

function groupSheet(wb: ExcelJS.Workbook, name: string, metrics: MetricRow[], d: ReportData) {
  const ws = wb.addWorksheet(name);
  const header = ['Mã đơn vị', 'Tên đơn vị'];
  for (const m of metrics)
    header.push(`${m.nameVi} — kết quả`, `${m.nameVi} — chỉ tiêu`, `${m.nameVi} — % hoàn thành`, `${m.nameVi} — tăng trong kỳ`);
  styleHeader(ws.addRow(header));
  const write = (row: ReportRow, bold = false) => {
    const values: (string | number | null)[] = [row.unit.code, bold ? `Tổng cộng — ${row.unit.name}` : row.unit.name];
    const formats: (string | null)[] = [null, null];
    for (const m of metrics) {
      const now = row.cells.get(m.code)!;
      values.push(now.value, now.target, now.progress, change(m, now, row.before.get(m.code)!));
      const f = m.kind === 'rate' ? PERCENT : COUNT;
      formats.push(f, f, PERCENT, f);
    }
    const r = ws.addRow(values);
    if (bold) r.font = { bold: true };
    setFormats(ws, r, formats);
  };
  for (const row of d.rows) write(row);
  write(d.total, true);
  ws.getColumn(2).width = 34;
  for (let i = 3; i <= header.length; i++) ws.getColumn(i).width = 16;
  ws.getRow(1).height = 45;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

export async function reportXlsx(d: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.title = `${periodTitle(d)} — ${d.campaign.name}`.normalize('NFC');
  summarySheet(wb, d);
  partnersSheet(wb, d);
  for (const g of METRIC_GROUPS) {
    const metrics = d.metrics.filter((m) => g.sources.includes(m.source));
    if (metrics.length) groupSheet(wb, g.name, metrics, d);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
