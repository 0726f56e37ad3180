/**
 * The shape of a partner report, before any look-up: a file (CSV or XLSX, one row per commune:
 * `unit_code, unit_name, <metric codes>` and optionally `period_end`) or the API's JSON rows, turned
 * into the same raw rows, with every layout problem named by line and column. Pure functions.
 */
import type { PartnerReportProblem } from '@motcua/contracts';
import type { TabularRow } from '../../shared/tabular.ts';

export const UNIT_COLUMN = 'unit_code';
export const NAME_COLUMN = 'unit_name';
export const PERIOD_COLUMN = 'period_end';
/** Values above this are taken for a typing error (a province has ~5 million people). */
export const MAX_VALUE = 1_000_000_000;

export interface RawRow {
  line: number;
  unitCode: string;
  /** metric code → cell text (file) or JSON value (API). */
  values: Record<string, unknown>;
  periodEnd?: string;
}

export interface RawReport {
  rows: RawRow[];
  problems: PartnerReportProblem[];
  /** Blank lines and "#" note lines (the template's second header line) skipped. */
  skippedLines: number;
  /** The `period_end` column's single value, when the file has one. */
  periodEnd?: string;
}

export interface MetricInfo {
  code: string;
  nameVi: string;
  nameEn?: string;
}

export const problem = (
  line: number,
  reason: string,
  column: string | null = null,
  unitCode: string | null = null,
): PartnerReportProblem => ({
  line,
  column,
  unitCode,
  reason,
});

/** A cell as a count: a whole number ≥ 0 written with digits only, or the reason it is not one. */
export function parseCount(v: unknown): { value: number } | { reason: string } {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { reason: 'không phải là số' };
    if (v < 0) return { reason: `số âm (${v})` };
    if (!Number.isInteger(v)) return { reason: `"${v}" không phải số nguyên` };
    return v > MAX_VALUE ? { reason: `${v} lớn bất thường (tối đa ${MAX_VALUE})` } : { value: v };
  }
  if (v === null || v === undefined) return { reason: 'thiếu giá trị' };
  if (typeof v !== 'string') return { reason: 'không phải là số' };
  const t = v.trim();
  if (t === '') return { reason: 'thiếu giá trị' };
  if (/^-\s*\d+([.,]\d+)?$/.test(t)) return { reason: `số âm (${t})` };
  if (/^\d{1,3}([.,]\d{3})+$/.test(t))
    return { reason: `"${t}" không phải số nguyên: ghi số chỉ gồm chữ số, không dùng dấu phân cách hàng nghìn` };
  if (/^\d+[.,]\d+$/.test(t)) {
    // XLSX gives whole numbers as "1234"; "12.0" is still a whole number typed as decimal.
    const n = Number(t.replace(',', '.'));
    if (Number.isInteger(n)) return parseCount(n);
    return { reason: `"${t}" không phải số nguyên` };
  }
  if (!/^\d+$/.test(t)) return { reason: `"${t.slice(0, 40)}" không phải là số` };
  return parseCount(Number(t));
}

/**
 * Rows of a file. The header row is line 1; a row whose unit_code starts with "#" is a note (the
 * template's line of Vietnamese column names) and is skipped and counted, like blank lines.
 */
export function rawFromFile(rows: TabularRow[], metrics: MetricInfo[], campaignMetrics: MetricInfo[]): RawReport {
  const problems: PartnerReportProblem[] = [];
  const columns = new Map<string, string>(); // lower-case name → name as written
  for (const r of rows) for (const k of Object.keys(r.values)) if (!columns.has(k.toLowerCase())) columns.set(k.toLowerCase(), k);
  const lastLine = rows.length ? rows[rows.length - 1]!.line : 1;
  const blankLines = Math.max(0, lastLine - 1 - rows.length);
  if (rows.length === 0) return { rows: [], problems: [problem(1, 'tệp không có dòng số liệu nào')], skippedLines: 0 };
  if (!columns.has(UNIT_COLUMN)) {
    return { rows: [], problems: [problem(1, `thiếu cột ${UNIT_COLUMN} (mã đơn vị)`, UNIT_COLUMN)], skippedLines: blankLines };
  }
  const known = new Set(metrics.map((m) => m.code));
  for (const m of metrics) if (!columns.has(m.code)) problems.push(problem(1, `thiếu cột ${m.code} (${m.nameVi})`, m.code));
  for (const [lower, written] of columns) {
    if (lower === UNIT_COLUMN || lower === NAME_COLUMN || lower === PERIOD_COLUMN || known.has(lower)) continue;
    if (lower === '' && rows.every((r) => !(r.values[written] ?? '').trim())) continue;
    const other = campaignMetrics.find((m) => m.code === lower);
    problems.push(
      problem(
        1,
        other
          ? `đối tác này không báo cáo chỉ tiêu ${other.code} (${other.nameVi})`
          : `cột không xác định "${written || '(không tên)'}"`,
        written || null,
      ),
    );
  }
  const get = (r: TabularRow, col: string) => (columns.has(col) ? (r.values[columns.get(col)!] ?? '') : '');
  const out: RawRow[] = [];
  let notes = 0;
  for (const r of rows) {
    const unitCode = get(r, UNIT_COLUMN).trim();
    if (unitCode.startsWith('#')) {
      notes++;
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const m of metrics) if (columns.has(m.code)) values[m.code] = get(r, m.code);
    out.push({
      line: r.line,
      unitCode,
      values,
      ...(columns.has(PERIOD_COLUMN) ? { periodEnd: get(r, PERIOD_COLUMN).trim() } : {}),
    });
  }
  if (out.length === 0) problems.push(problem(1, 'tệp không có dòng số liệu nào'));
  const report: RawReport = { rows: out, problems, skippedLines: blankLines + notes };
  if (columns.has(PERIOD_COLUMN)) {
    const ends = new Set(out.map((r) => r.periodEnd).filter(Boolean));
    for (const r of out)
      if (!r.periodEnd) problems.push(problem(r.line, 'thiếu ngày cuối kỳ', PERIOD_COLUMN, r.unitCode || null));
    if (ends.size > 1)
      problems.push(
        problem(
          1,
          `cột ${PERIOD_COLUMN} có nhiều ngày khác nhau (${[...ends].join(', ')}); mỗi tệp một kỳ báo cáo`,
          PERIOD_COLUMN,
        ),
      );
    else if (ends.size === 1) report.periodEnd = [...ends][0];
  }
  return report;
}

/** Rows of the API body: `[{unitCode, values: {metric: number}}]`; line = position in `rows`, from 1. */
export function rawFromJson(
  rows: { unitCode: string; values: Record<string, unknown> }[],
  metrics: MetricInfo[],
  campaignMetrics: MetricInfo[],
): RawReport {
  const problems: PartnerReportProblem[] = [];
  const known = new Set(metrics.map((m) => m.code));
  const out: RawRow[] = rows.map((r, i) => {
    const line = i + 1;
    const unitCode = r.unitCode.normalize('NFC').trim();
    for (const key of Object.keys(r.values)) {
      if (known.has(key)) continue;
      const other = campaignMetrics.find((m) => m.code === key);
      problems.push(
        problem(
          line,
          other ? `đối tác này không báo cáo chỉ tiêu ${other.code} (${other.nameVi})` : `chỉ tiêu không xác định "${key}"`,
          key,
          unitCode || null,
        ),
      );
    }
    const values: Record<string, unknown> = {};
    for (const m of metrics) values[m.code] = r.values[m.code];
    return { line, unitCode, values };
  });
  if (out.length === 0) problems.push(problem(0, 'báo cáo không có dòng số liệu nào', 'rows'));
  return { rows: out, problems, skippedLines: 0 };
}
