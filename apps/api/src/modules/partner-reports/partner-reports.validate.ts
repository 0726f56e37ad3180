/**
 * The checks that reject a report (issue 5 §2: "Validation with a report of every problem and nothing
 * silently dropped"): the period against the partner's cadence and the window, then every row — the
 * unit exists on the period end, is a commune of the campaign's area (and of the sender's scope), is
 * not repeated, and every value is a whole number ≥ 0. All problems are collected, none stops the rest.
 */
import type { PartnerReportProblem } from '@motcua/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { periodEndingOn, periodsOf, type PeriodRule, type ReportingPeriod } from '../campaigns/campaigns.periods.ts';
import { parseCount, problem, type RawReport } from './partner-reports.parse.ts';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  path: string;
}

export interface CheckedRow {
  line: number;
  unit: UnitRef;
  values: Record<string, number>;
}

export interface ValidationContext {
  rule: PeriodRule;
  cadenceLabel: string;
  /** Today in Việt Nam: a period ending later has not ended. */
  today: string;
  areaPath: string;
  areaName: string;
  /** The sender's scope: the area for a partner, a commune for that commune's coordinator. */
  scopePath: string;
  metrics: string[];
}

/** dd/mm/yyyy, as dates are written in Vietnamese documents. */
export const vnDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The period a report for `periodEnd` belongs to, or the problems that say why there is none. */
export function checkPeriod(
  ctx: ValidationContext,
  periodEnd: string | undefined,
): { period?: ReportingPeriod; problems: PartnerReportProblem[] } {
  const col = 'periodEnd';
  if (!periodEnd) return { problems: [problem(0, 'chưa chọn ngày cuối kỳ báo cáo', col)] };
  if (!isIsoDate(periodEnd)) return { problems: [problem(0, `ngày cuối kỳ "${periodEnd}" không hợp lệ (YYYY-MM-DD)`, col)] };
  const { windowStart, windowEnd } = ctx.rule;
  if (periodEnd < windowStart || periodEnd > windowEnd)
    return {
      problems: [
        problem(0, `ngày ${vnDay(periodEnd)} ngoài thời gian chiến dịch (${vnDay(windowStart)}–${vnDay(windowEnd)})`, col),
      ],
    };
  const problems: PartnerReportProblem[] = [];
  if (periodEnd > ctx.today)
    problems.push(problem(0, `kỳ báo cáo kết thúc ngày ${vnDay(periodEnd)} chưa kết thúc (hôm nay ${vnDay(ctx.today)})`, col));
  const period = periodEndingOn(ctx.rule, periodEnd);
  if (!period) {
    const ends = periodsOf(ctx.rule).map((p) => p.periodEnd);
    const near = ends
      .filter((e) => e >= periodEnd)
      .slice(0, 1)
      .concat(ends.filter((e) => e < periodEnd).slice(-1));
    problems.push(
      problem(
        0,
        `ngày ${vnDay(periodEnd)} không phải ngày cuối kỳ của chu kỳ ${ctx.cadenceLabel}${near.length ? ` (gần nhất: ${near.sort().map(vnDay).join(', ')})` : ''}`,
        col,
      ),
    );
  }
  return problems.length ? { problems } : { period: period!, problems };
}

/** Units by code valid on `at`, in one query. */
async function unitsByCode(db: Db, codes: string[], at: string): Promise<Map<string, UnitRef & { kind: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name', 'u.path', 'u.kind'])
    .where('u.code', 'in', codes)
    .where(
      sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR ${at}::date < u.valid_to)`,
    )
    .execute();
  return new Map(rows.map((r) => [r.code, { id: Number(r.id), code: r.code, name: r.name, path: r.path, kind: r.kind }]));
}

/** Every row checked; `rows` is empty as soon as one problem exists (all-or-nothing). */
export async function checkRows(
  db: Db,
  ctx: ValidationContext,
  raw: RawReport,
  unitsAt: string,
): Promise<{ rows: CheckedRow[]; problems: PartnerReportProblem[] }> {
  const problems: PartnerReportProblem[] = [];
  const units = await unitsByCode(db, [...new Set(raw.rows.map((r) => r.unitCode.toUpperCase()).filter(Boolean))], unitsAt);
  const firstLine = new Map<number, number>();
  const rows: CheckedRow[] = [];
  for (const r of raw.rows) {
    const code = r.unitCode.toUpperCase();
    const before = problems.length;
    let unit: UnitRef | undefined;
    if (!code) problems.push(problem(r.line, 'thiếu mã đơn vị', 'unit_code'));
    else {
      const u = units.get(code);
      if (!u) problems.push(problem(r.line, `không có đơn vị mã ${code} vào ngày ${vnDay(unitsAt)}`, 'unit_code', code));
      else if (!u.path.startsWith(ctx.areaPath))
        problems.push(problem(r.line, `${u.name} (${code}) không thuộc địa bàn chiến dịch (${ctx.areaName})`, 'unit_code', code));
      else if (u.kind !== 'commune')
        problems.push(
          problem(
            r.line,
            `${u.name} (${code}) không phải đơn vị cấp xã: báo cáo theo từng xã, phường, đặc khu`,
            'unit_code',
            code,
          ),
        );
      else if (!u.path.startsWith(ctx.scopePath))
        problems.push(problem(r.line, `${u.name} (${code}) ngoài phạm vi đơn vị của bạn`, 'unit_code', code));
      else {
        const seen = firstLine.get(u.id);
        if (seen !== undefined) problems.push(problem(r.line, `trùng đơn vị ${code}, đã có ở dòng ${seen}`, 'unit_code', code));
        else firstLine.set(u.id, r.line);
        unit = u;
      }
    }
    const values: Record<string, number> = {};
    for (const m of ctx.metrics) {
      if (!(m in r.values)) continue; // a missing column is reported once, on the header
      const c = parseCount(r.values[m]);
      if ('reason' in c) problems.push(problem(r.line, `${m}: ${c.reason}`, m, code || null));
      else values[m] = c.value;
    }
    if (problems.length === before && unit) rows.push({ line: r.line, unit, values });
  }
  return problems.length ? { rows: [], problems } : { rows, problems };
}
