/**
 * A reporting round of an online-services drive (seed 003 VII.2.b: "Đợt 01 trước ngày 18/9/2023 (Số
 * liệu thống kê từ ngày 01/9/2023 đến ngày 15/9/2023)" …): the figures of every metric of source
 * 'kpi' for the round's statistics window, taken from the indicators engine exactly as `motcua kpi
 * --from --to [--unit] [--level]` computes them, with the campaign's target for each row's unit and
 * the gap. The campaign's targets are its own (seed 003's per-level targets), not the year's
 * kpi_targets, which stay in each row's `kpi.targets`.
 */
import type { CampaignRoundFigure, CampaignRoundReport, KpiLevel, KpiRow, TargetLevel } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import type { Actor } from '../../shared/policy.ts';
import { reportForConsole } from '../kpi/kpi.service.ts';
import { targetLevelsFor } from '../kpi/kpi.points.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { campaignAccess } from './campaigns.access.ts';
import { presentMetric, presentRound } from './campaigns.presenter.ts';
import * as repo from './campaigns.repo.ts';
import { unitsDay } from './campaigns.service.ts';

export interface RoundQuery {
  unit?: string;
  level?: KpiLevel;
}

interface TargetRow {
  metric: string;
  unitId: number | null;
  level: TargetLevel | null;
  value: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The target that applies to a unit: its own, else the first level of its chain (kpi.points.ts). */
export function targetFor(unit: repo.AreaUnit, metric: string, targets: TargetRow[]): { value: number; from: string } | null {
  const mine = targets.filter((t) => t.metric === metric);
  const own = mine.find((t) => t.unitId === unit.id);
  if (own) return { value: own.value, from: 'unit' };
  for (const level of targetLevelsFor(unit)) {
    const hit = mine.find((t) => t.unitId === null && t.level === level);
    if (hit) return { value: hit.value, from: level };
  }
  return null;
}

/** GET /api/v1/campaigns/:ref/rounds/:seq. campaign.read; rows limited to the caller's part of the area. */
export async function roundReport(
  db: Db,
  actor: Actor | null,
  ref: number | string,
  seq: number,
  q: RoundQuery,
): Promise<CampaignRoundReport> {
  const access = await campaignAccess(db, actor, ref, 'campaign.read');
  const c = access.campaign;
  const id = Number(c.id);
  const round = await repo.findRound(db, id, seq);
  if (!round) throw errors.notFound(`đợt ${seq} của chiến dịch ${c.code}`, `Round ${seq} of campaign ${c.code}`);
  const on = unitsDay({ window_end: round.stats_to });
  // The caller's part of the area: the whole area, or their own subtree inside it.
  const scopeCode = access.scopePath === c.scope_path ? c.scope_code : actor!.unitCode;
  const unitCode = q.unit?.trim().toUpperCase();
  if (unitCode) {
    const u = await findUnitByCode(db, unitCode, on);
    if (!u || !u.path.startsWith(access.scopePath))
      throw errors.notFound(`đơn vị ${unitCode} trong phạm vi chiến dịch`, `Unit ${unitCode} in the campaign's scope`);
  }
  // The same call as `motcua kpi` (cli/kpi.ts → reportForConsole), with the caller's scope as the
  // default unit instead of the province.
  const report = await reportForConsole(db, scopeCode, {
    from: round.stats_from,
    to: round.stats_to,
    unit: unitCode,
    level: q.level,
  });

  const metrics = (await repo.metricsOf(db, id)).filter((m) => m.source === 'kpi');
  const targets: TargetRow[] = await repo.allTargets(db, id);
  const units = await repo.unitsByCode(db, [...new Set([scopeCode, ...report.rows.map((r) => r.unit_code)])], on);
  const scopeUnit = units.get(scopeCode);

  const rows = report.rows.map((row: KpiRow) => {
    const unit = row.unit_code === 'total' ? scopeUnit : units.get(row.unit_code);
    const figures: Record<string, CampaignRoundFigure> = {};
    for (const m of metrics) {
      const value = (row as unknown as Record<string, number | null>)[m.kpi_indicator!] ?? null;
      const t = unit ? targetFor(unit, m.code, targets) : null;
      figures[m.code] = {
        value,
        target: t?.value ?? null,
        targetFrom: t?.from ?? null,
        gap: value === null || !t ? null : round4(value - t.value),
      };
    }
    return { unitCode: row.unit_code, unitName: row.unit_name, kpi: row, figures };
  });
  return { campaignCode: c.code, round: presentRound(round), metrics: metrics.map(presentMetric), rows };
}
