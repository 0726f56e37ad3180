/**
 * Targets and baselines per unit from a spreadsheet (docs/campaigns.md, "targets from a file"): the
 * layout is unit_code, unit_name, then one column per metric (its code). Seed 003 II.1.a has the
 * police "giao chỉ tiêu cụ thể cho từng cơ quan, đơn vị"; coordinators keep such tables in Excel, so
 * the template is an XLSX with the area's communes filled in and today's values, ready to edit.
 *
 * Rules: all-or-nothing; every bad row is named (unknown unit, unit outside the campaign's area,
 * negative or non-numeric value, a rate above 100%, a unit listed twice). Rates may be written "70%",
 * "0,7" or 0.7. A blank cell means "no target of this unit for this metric" (the level target
 * applies). Every metric column present replaces all unit values of that metric.
 */
import type { CampaignSheetReport } from '@motcua/contracts';
import type { RejectedRow } from '../../shared/import-report.ts';
import type { TabularRow } from '../../shared/tabular.ts';
import type { AreaUnit, UnitValue } from './campaigns.repo.ts';

export type SheetKind = 'targets' | 'baselines';
export const FIXED_COLUMNS = ['unit_code', 'unit_name'] as const;

export interface SheetMetric {
  code: string;
  kind: 'count' | 'rate';
  source: string;
}

/** Metrics that get a column: baselines in the baselines sheet, everything else in the targets sheet. */
export const sheetMetrics = <M extends SheetMetric>(metrics: M[], kind: SheetKind): M[] =>
  metrics.filter((m) => (kind === 'baselines') === (m.source === 'baseline'));

/** "1.250", "1,250", "1 250" or "1250" → 1250; undefined when not a whole number ≥ 0. */
export function parseCount(text: string): number | undefined {
  const t = text.trim();
  const grouped = /^[0-9]{1,3}([., ][0-9]{3})+$/.test(t) ? t.replace(/[., ]/g, '') : t;
  if (!/^[0-9]+$/.test(grouped)) return undefined;
  const n = Number(grouped);
  return Number.isSafeInteger(n) ? n : undefined;
}

export type RateParse = { ok: number } | { error: string };

/** "70%", "0,7" or "0.7" → 0.7 (4 decimals at most); a rate above 100% is an error of its own. */
export function parseRate(text: string): RateParse {
  const t = text.trim().replace(',', '.');
  const m = /^(-?[0-9]+(?:\.[0-9]+)?)\s*(%?)$/.exec(t);
  if (!m) return { error: 'không phải số' };
  const v = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  if (v < 0) return { error: 'là số âm' };
  if (v > 1) return { error: m[2] ? 'vượt 100%' : 'vượt 100% (tỷ lệ ghi 0,7 hoặc 70%)' };
  const rounded = Math.round(v * 10_000) / 10_000;
  if (Math.abs(rounded - v) > 1e-9) return { error: 'quá 4 chữ số thập phân (0,1234 hoặc 12,34%)' };
  return { ok: rounded };
}

export interface SheetContext {
  kind: SheetKind;
  metrics: SheetMetric[];
  /** Every metric code of the campaign (to tell a wrong sheet from an unknown column). */
  allMetrics: SheetMetric[];
  /** Resolves a unit code (upper-cased) to the unit valid in the campaign's window, or nothing. */
  unitsByCode: Map<string, AreaUnit>;
  /** Materialised path of the campaign's area. */
  areaPath: string;
  areaName: string;
}

export interface SheetResult {
  metrics: string[];
  items: UnitValue[];
  rejected: RejectedRow[];
}

/** Checks the header and every row; reports all bad rows at once. */
export function checkSheet(rows: TabularRow[], ctx: SheetContext): SheetResult {
  const fail = (reason: string): SheetResult => ({ metrics: [], items: [], rejected: [{ line: 1, reason }] });
  if (rows.length === 0) return fail('tệp không có dòng dữ liệu nào');
  const header = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  if (!header.includes('unit_code')) return fail('thiếu cột unit_code');
  const byCode = new Map(ctx.allMetrics.map((m) => [m.code, m]));
  const wanted = new Set(ctx.metrics.map((m) => m.code));
  const headerProblems: string[] = [];
  const columns: SheetMetric[] = [];
  for (const h of header) {
    if ((FIXED_COLUMNS as readonly string[]).includes(h)) continue;
    const m = byCode.get(h);
    if (!m) headerProblems.push(`cột "${h}" không phải chỉ tiêu của chiến dịch`);
    else if (!wanted.has(h))
      headerProblems.push(
        ctx.kind === 'targets'
          ? `cột "${h}" là số liệu nền: tải lên bằng mẫu số liệu nền`
          : `cột "${h}" không phải số liệu nền: tải lên bằng mẫu chỉ tiêu`,
      );
    else columns.push(m);
  }
  if (headerProblems.length) return fail(headerProblems.join('; '));
  if (columns.length === 0) return fail(`tệp không có cột chỉ tiêu nào (${[...wanted].join(', ')})`);

  const items: UnitValue[] = [];
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, values } of rows) {
    const problems: string[] = [];
    const code = (values.unit_code ?? '').trim().toUpperCase();
    const unit = code ? ctx.unitsByCode.get(code) : undefined;
    if (!code) problems.push('thiếu unit_code');
    else if (!unit) problems.push(`không có đơn vị mã ${code}`);
    else if (!unit.path.startsWith(ctx.areaPath))
      problems.push(`đơn vị ${code} (${unit.name}) không thuộc địa bàn chiến dịch (${ctx.areaName})`);
    if (code) {
      const seen = firstLine.get(code);
      if (seen !== undefined) problems.push(`đơn vị ${code} đã có ở dòng ${seen}`);
      else firstLine.set(code, line);
    }
    const cells: UnitValue[] = [];
    for (const m of columns) {
      const text = (values[m.code] ?? '').trim();
      if (!text) continue;
      if (m.kind === 'rate' && ctx.kind === 'targets') {
        const r = parseRate(text);
        if ('error' in r) problems.push(`${m.code} "${text}" ${r.error}`);
        else cells.push({ metric: m.code, unitId: unit?.id ?? 0, value: r.ok });
      } else {
        const n = parseCount(text);
        if (n === undefined)
          problems.push(`${m.code} "${text}" ${/^\s*-/.test(text) ? 'là số âm' : 'không phải số nguyên không âm'}`);
        else cells.push({ metric: m.code, unitId: unit?.id ?? 0, value: n });
      }
    }
    if (problems.length) rejected.push({ line, reason: problems.join('; ') });
    else items.push(...cells);
  }
  const metrics = columns.map((m) => m.code);
  return rejected.length ? { metrics, items: [], rejected } : { metrics, items, rejected: [] };
}

export const sheetReport = (r: SheetResult): CampaignSheetReport => ({
  accepted: r.rejected.length ? 0 : r.items.length,
  metrics: r.metrics,
  rejected: r.rejected,
});

/** Cell text of a value in the template: rates as percentages (what the coordinator types back). */
export function cellOf(kind: 'count' | 'rate', value: number | undefined, sheet: SheetKind): string | number | null {
  if (value === undefined) return null;
  if (kind === 'rate' && sheet === 'targets') return `${Math.round(value * 10_000) / 100}%`;
  return value;
}
