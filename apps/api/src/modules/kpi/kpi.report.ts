/**
 * Building the report rows of a period for a unit's subtree from the day counters: per handling
 * unit (default), per unit of one level, or one row for the whole subtree; each with rates, points
 * and the targets that apply. Access is decided by the callers (kpi.service, the CLI).
 */
import type { KpiLevel, KpiReport, KpiRow, ProcedureLevel, UnitKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { publicationCounts } from '../catalog/catalog.service.ts';
import { findUnitById } from '../units/units.service.ts';
import {
  isEmptyFigures,
  rate,
  ratesOf,
  scorePoints,
  sumFigures,
  targetsFor,
  type Figures,
  type ModelRow,
  type TargetRow,
} from './kpi.points.ts';
import { presentRow } from './kpi.presenter.ts';
import * as repo from './kpi.repo.ts';

/** The unit a report is about: its subtree is summed. */
export interface ScopeUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  subtype: string;
  path: string;
}

export interface ReportQuery {
  from: string;
  to: string;
  /** One row per unit of this kind in the scope (its subtree summed), plus the total. */
  level?: KpiLevel;
  /** One row for the scope unit's subtree and nothing else. */
  single?: boolean;
}

export interface ReportRow {
  /** null for the total row. */
  unitId: number | null;
  row: KpiRow;
}

/** Longest period a report may span, so one request cannot ask for a century of day rows. */
const MAX_PERIOD_DAYS = 3_700;

export function checkPeriod(from: string, to: string): void {
  const problems: { field: string; message: string }[] = [];
  if (!isIsoDate(from)) problems.push({ field: 'from', message: 'phải là ngày YYYY-MM-DD' });
  if (!isIsoDate(to)) problems.push({ field: 'to', message: 'phải là ngày YYYY-MM-DD' });
  if (problems.length) throw errors.validation(problems, 'Kỳ báo cáo không hợp lệ: cần ngày YYYY-MM-DD.');
  if (from > to)
    throw errors.validation(
      [{ field: 'from', message: 'phải trước hoặc bằng to' }],
      `Ngày bắt đầu ${from} sau ngày kết thúc ${to}.`,
    );
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS)
    throw errors.validation([{ field: 'from', message: 'kỳ quá dài' }], 'Kỳ báo cáo dài tối đa 10 năm.');
}

/** Which catalogue levels a unit publishes (one catalogue per province; a commune publishes commune procedures). */
function publishedLevels(kind: UnitKind): ProcedureLevel[] | 'all' {
  if (kind === 'commune') return ['commune'];
  if (kind === 'district') return ['district'];
  if (kind === 'agency') return ['province'];
  return 'all';
}

interface Context {
  model: ModelRow[];
  targets: TargetRow[];
  publication: { level: ProcedureLevel; total: number; complete: number }[];
}

async function loadContext(db: Db, to: string): Promise<Context> {
  const [model, targets, publication] = await Promise.all([
    repo.pointModelOn(db, to),
    repo.targetsOfYear(db, Number(to.slice(0, 4))),
    publicationCounts(db),
  ]);
  return {
    model: model.map((m) => ({
      indicator: m.indicator,
      indicatorName: m.indicator_name,
      group: m.group_key,
      groupName: m.group_name,
      max: Number(m.max_points),
      threshold: Number(m.threshold),
    })),
    targets: targets.map((t) => ({
      unitId: t.unit_id === null ? null : Number(t.unit_id),
      level: t.level,
      indicator: t.indicator,
      target: Number(t.target),
    })),
    publication,
  };
}

function buildRow(ctx: Context, unit: Omit<ScopeUnit, 'path'>, display: { code: string; name: string }, f: Figures): KpiRow {
  const rates = ratesOf(f);
  const levels = publishedLevels(unit.kind);
  const pub = ctx.publication.filter((p) => levels === 'all' || levels.includes(p.level));
  const published = rate(
    pub.reduce((s, p) => s + p.complete, 0),
    pub.reduce((s, p) => s + p.total, 0),
  );
  const points = scorePoints(ctx.model, { ...rates, procedures_published: published });
  return presentRow(display, f, rates, points, targetsFor(unit, ctx.targets, rates));
}

const byCode = (a: ReportRow, b: ReportRow) =>
  a.row.unit_code < b.row.unit_code ? -1 : a.row.unit_code > b.row.unit_code ? 1 : 0;

/** Report rows of [from, to] for the subtree of `scope` (see ReportQuery for the shapes). */
export async function buildReport(
  db: Db,
  scope: ScopeUnit,
  q: ReportQuery,
): Promise<{ from: string; to: string; rows: ReportRow[] }> {
  checkPeriod(q.from, q.to);
  const [units, ctx] = await Promise.all([repo.figuresByUnit(db, scope.path, q.from, q.to), loadContext(db, q.to)]);
  const total = sumFigures(units);
  if (q.single) return { from: q.from, to: q.to, rows: [{ unitId: scope.id, row: buildRow(ctx, scope, scope, total) }] };

  const rows: ReportRow[] = [];
  const active = units.filter((u) => !isEmptyFigures(u));
  if (q.level) {
    // Each handling unit counts towards its nearest ancestor-or-self of that kind inside the scope;
    // a handling unit without one (an agency when grouping by commune) appears only in the total.
    const groups = new Map<number, Figures[]>();
    const known = new Map<number, ScopeUnit>(units.map((u) => [u.unit_id, { ...u, id: u.unit_id }]));
    known.set(scope.id, scope);
    for (const u of active) {
      const ids = u.path.split('/').filter(Boolean).map(Number);
      for (const id of ids.reverse()) {
        let unit = known.get(id);
        if (!unit) {
          const found = await findUnitById(db, id);
          if (!found) continue;
          unit = { id: found.id, code: found.code, name: found.name, kind: found.kind, subtype: found.subtype, path: found.path };
          known.set(id, unit);
        }
        if (!unit.path.startsWith(scope.path)) break;
        if (unit.kind === q.level) {
          groups.set(id, [...(groups.get(id) ?? []), u]);
          break;
        }
      }
    }
    for (const [id, list] of groups)
      rows.push({ unitId: id, row: buildRow(ctx, known.get(id)!, known.get(id)!, sumFigures(list)) });
  } else {
    for (const u of active) rows.push({ unitId: u.unit_id, row: buildRow(ctx, { ...u, id: u.unit_id }, u, u) });
  }
  rows.sort(byCode);
  rows.push({ unitId: null, row: buildRow(ctx, scope, { code: 'total', name: `Tổng cộng — ${scope.name}` }, total) });
  return { from: q.from, to: q.to, rows };
}

export function toReport(r: { from: string; to: string; rows: ReportRow[] }): KpiReport {
  return { from: r.from, to: r.to, rows: r.rows.map((x) => x.row) };
}
