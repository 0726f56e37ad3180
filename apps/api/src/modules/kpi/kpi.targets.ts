/**
 * Targets (chỉ tiêu) per unit or level and year: the CSV/XLSX layout shared by
 * `motcua import targets FILE`, the upload endpoint and the files shipped in data/product/targets
 * (docs/indicators.md §5). Columns: year, scope (unit|level), unit_code, level, indicator, target
 * [, source]. All-or-nothing: one bad row and nothing is written, every bad row named.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  KPI_RATE_INDICATORS,
  TARGET_LEVELS,
  TARGET_SCOPES,
  type KpiRateIndicator,
  type KpiTargetView,
  type TargetLevel,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { ImportReport, RejectedRow } from '../../shared/import-report.ts';
import { PRODUCT_DATA_DIR } from '../../shared/paths.ts';
import { authorize, can, type Actor } from '../../shared/policy.ts';
import { readTabularFile, type TabularRow } from '../../shared/tabular.ts';
import { findUnitByCode, getUnit } from '../units/units.service.ts';
import * as repo from './kpi.repo.ts';

export const TARGET_COLUMNS = ['year', 'scope', 'unit_code', 'level', 'indicator', 'target'] as const;
export const SHIPPED_TARGETS_DIR = path.join(PRODUCT_DATA_DIR, 'targets');

/** "0.7", "0,7" or "70%" → 0.7; undefined when not a rate in [0, 1]. */
export function parseTarget(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  const m = /^([0-9]+(?:\.[0-9]+)?)(%?)$/.exec(t);
  if (!m) return undefined;
  const v = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  if (!(v >= 0 && v <= 1)) return undefined;
  const rounded = Math.round(v * 10_000) / 10_000;
  return Math.abs(rounded - v) < 1e-9 ? rounded : undefined;
}

export interface CheckedTarget extends repo.TargetInsert {
  line: number;
  unitCode: string | null;
  unitPath: string | null;
}

/**
 * A unit code names the unit valid at the end of the target's year ("đến hết năm"), or, for a
 * unit abolished during the year, the one valid on its first day (codes were reused in 2025).
 */
async function unitForYear(db: Db, code: string, year: number) {
  return (await findUnitByCode(db, code, `${year}-12-31`)) ?? (await findUnitByCode(db, code, `${year}-01-01`));
}

/** Checks every row against the layout, the rules and the units table; reports all bad rows. */
export async function validateTargetRows(
  db: Db,
  rows: TabularRow[],
): Promise<{ items: CheckedTarget[]; rejected: RejectedRow[] }> {
  if (rows.length === 0) return { items: [], rejected: [{ line: 1, reason: 'tệp không có dòng dữ liệu nào' }] };
  const present = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const missing = TARGET_COLUMNS.filter((c) => !present.has(c));
  if (missing.length) return { items: [], rejected: [{ line: 1, reason: `thiếu cột: ${missing.join(', ')}` }] };

  const items: CheckedTarget[] = [];
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, values: v } of rows) {
    const problems: string[] = [];
    const s = (c: string) => (v[c] ?? '').trim();
    const year = /^[0-9]{4}$/.test(s('year')) ? Number(s('year')) : NaN;
    if (!(year >= 2000 && year <= 2100)) problems.push(`năm "${s('year')}" không hợp lệ (2000–2100)`);
    const scope = s('scope');
    if (!(TARGET_SCOPES as readonly string[]).includes(scope)) problems.push(`scope "${scope}" phải là unit hoặc level`);
    const indicator = s('indicator');
    if (!(KPI_RATE_INDICATORS as readonly string[]).includes(indicator)) {
      problems.push(`chỉ số "${indicator}" không có (${KPI_RATE_INDICATORS.join('|')})`);
    }
    const target = parseTarget(s('target'));
    if (target === undefined)
      problems.push(`chỉ tiêu "${s('target')}" phải là tỷ lệ 0–1 (tối đa 4 chữ số thập phân) hoặc phần trăm như 70%`);
    const code = s('unit_code').toUpperCase();
    const level = s('level');
    let unit: Awaited<ReturnType<typeof unitForYear>> | undefined;
    if (scope === 'unit') {
      if (!code) problems.push('scope unit cần unit_code');
      if (level) problems.push('scope unit không ghi level');
      if (code && year >= 2000 && year <= 2100) {
        unit = await unitForYear(db, code, year);
        if (!unit) problems.push(`không có đơn vị mã ${code} trong năm ${year}`);
      }
    } else if (scope === 'level') {
      if (code) problems.push('scope level không ghi unit_code');
      if (!(TARGET_LEVELS as readonly string[]).includes(level))
        problems.push(`level "${level}" không hợp lệ (${TARGET_LEVELS.join('|')})`);
    }
    const key = `${year}|${indicator}|${scope === 'unit' ? `u:${unit?.id ?? code}` : `l:${level}`}`;
    const seen = firstLine.get(key);
    if (seen !== undefined) problems.push(`trùng chỉ tiêu đã có ở dòng ${seen}`);
    else firstLine.set(key, line);
    if (problems.length) {
      rejected.push({ line, reason: problems.join('; ') });
      continue;
    }
    items.push({
      line,
      year,
      scope: scope as 'unit' | 'level',
      unit_id: unit ? Number(unit.id) : null,
      unitCode: unit ? unit.code : null,
      unitPath: unit ? unit.path : null,
      level: scope === 'level' ? (level as TargetLevel) : null,
      indicator: indicator as KpiRateIndicator,
      target: target!,
      source: s('source'),
    });
  }
  return rejected.length ? { items: [], rejected } : { items, rejected: [] };
}

const toInsert = ({ year, scope, unit_id, level, indicator, target, source }: CheckedTarget): repo.TargetInsert => ({
  year,
  scope,
  unit_id,
  level,
  indicator,
  target,
  source,
});

/** `motcua import targets FILE`: the installation's operator, no actor; written with a system audit row. */
export async function importTargetsFile(db: Db, file: string): Promise<ImportReport> {
  const { items, rejected } = await validateTargetRows(db, await readTabularFile(file));
  if (rejected.length) return { accepted: 0, rejected };
  await db.transaction().execute(async (trx) => {
    await repo.upsertTargets(trx, items.map(toInsert));
    await repo.recordSystemAudit(trx, 'target.import', { via: 'cli', file: path.basename(file), accepted: items.length });
  });
  return { accepted: items.length, rejected: [] };
}

/**
 * Upload by a staff member: a unit target needs target.edit in that unit's subtree; a level target
 * applies province-wide, so it needs target.edit at the province. Call inside a transaction.
 */
export async function importTargetRows(
  db: Db,
  actor: Actor | null,
  rows: TabularRow[],
  ctx: { provinceCode: string; requestId?: string },
): Promise<ImportReport> {
  const province = await getUnit(db, ctx.provinceCode);
  authorize(actor, 'target.edit', { unitPath: actor?.unitPath ?? province.path });
  const { items, rejected } = await validateTargetRows(db, rows);
  for (const t of items) {
    const unitPath = t.unitPath ?? province.path;
    if (!can(actor, 'target.edit', { unitPath })) {
      rejected.push({ line: t.line, reason: `không có quyền đặt chỉ tiêu cho ${t.unitCode ?? `cấp ${t.level}`}` });
    }
  }
  if (rejected.length)
    throw errors.importRejected({ accepted: 0, rejected: rejected.sort((a, b) => a.line - b.line) } satisfies ImportReport);
  await repo.upsertTargets(db, items.map(toInsert));
  await recordAudit(db, {
    actor,
    action: 'target.import',
    target: 'kpi_targets',
    unitId: actor.unitId,
    requestId: ctx.requestId,
    details: { accepted: items.length },
  });
  return { accepted: items.length, rejected: [] };
}

/**
 * Loads data/product/targets/*.csv when no target exists yet (first start). Shipped data that
 * breaks a rule is a bug in this repository, so it throws naming the file and line.
 */
export async function loadShippedTargets(db: Db, dir = SHIPPED_TARGETS_DIR): Promise<number> {
  if (!fs.existsSync(dir) || (await repo.countTargets(db)) > 0) return 0;
  const all: CheckedTarget[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const { items, rejected } = await validateTargetRows(db, await readTabularFile(path.join(dir, file)));
    if (rejected.length) throw new Error(`${file}: ${rejected.map((r) => `dòng ${r.line}: ${r.reason}`).join('; ')}`);
    all.push(...items);
  }
  if (all.length === 0) return 0;
  await db.transaction().execute((trx) => repo.upsertTargets(trx, all.map(toInsert)));
  return all.length;
}

/** Targets of a year (or all), for anyone allowed to read indicators somewhere. */
export async function listTargets(db: Db, actor: Actor | null, year?: number): Promise<KpiTargetView[]> {
  authorize(actor, 'kpi.read', { unitPath: actor?.unitPath ?? '' });
  const rows = await repo.listTargets(db, year);
  return rows.map((r) => ({
    year: r.year,
    scope: r.scope,
    unit_code: r.unit_code ?? null,
    level: r.level,
    indicator: r.indicator,
    target: Number(r.target),
    source: r.source,
  }));
}
