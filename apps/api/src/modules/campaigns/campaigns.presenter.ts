/** Campaign rows → API views (packages/contracts/src/campaigns.ts); no row leaves the module unshaped. */
import type {
  CampaignBaselineView,
  CampaignPhase,
  CampaignMetricView,
  CampaignPartnerView,
  CampaignRoundView,
  CampaignSummary,
  CampaignTargetView,
} from '@motcua/contracts';
import type { Selectable } from 'kysely';
import { vnToday } from '../../shared/dates.ts';
import type { CampaignRow } from './campaigns.access.ts';
import type * as repo from './campaigns.repo.ts';
import type { CampaignMetricsTable, CampaignRoundsTable } from './campaigns.tables.ts';

type Rows<F extends (...a: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

/** Where the window stands on `today` (a business date, Asia/Ho_Chi_Minh); both ends are campaign days. */
export function phaseOf(c: { window_start: string; window_end: string }, today: string): CampaignPhase {
  if (today < c.window_start) return 'upcoming';
  return today > c.window_end ? 'ended' : 'running';
}

export function presentSummary(c: CampaignRow, names: Map<number, string>, today = vnToday()): CampaignSummary {
  return {
    id: Number(c.id),
    code: c.code,
    kind: c.kind,
    name: c.name,
    status: c.status,
    phase: phaseOf(c, today),
    windowStart: c.window_start,
    windowEnd: c.window_end,
    scopeUnitCode: c.scope_code,
    scopeUnitName: names.get(Number(c.scope_unit_id)) ?? c.scope_code,
    coordinatorUnitCode: c.coordinator_code,
    coordinatorUnitName: names.get(Number(c.coordinator_unit_id)) ?? c.coordinator_code,
  };
}

export const presentMetric = (m: Selectable<CampaignMetricsTable>): CampaignMetricView => ({
  code: m.code,
  nameVi: m.name_vi,
  nameEn: m.name_en,
  kind: m.kind,
  source: m.source,
  numeratorCode: m.numerator_code,
  denominatorCode: m.denominator_code,
  kpiIndicator: m.kpi_indicator,
});

export const presentTarget = (t: Rows<typeof repo.targetsOf>): CampaignTargetView => ({
  metricCode: t.metric_code,
  scope: t.scope,
  unitCode: t.unit_code ?? null,
  unitName: t.unit_name ?? null,
  level: t.level,
  value: Number(t.value),
  source: t.source,
});

export const presentBaseline = (b: Rows<typeof repo.baselinesOf>): CampaignBaselineView => ({
  metricCode: b.metric_code,
  unitCode: b.unit_code,
  unitName: b.unit_name,
  value: Number(b.value),
  source: b.source,
});

export const presentRound = (r: Selectable<CampaignRoundsTable>): CampaignRoundView => ({
  seq: r.seq,
  name: r.name,
  statsFrom: r.stats_from,
  statsTo: r.stats_to,
  dueDate: r.due_date,
});

export const presentPartner = (p: Rows<typeof repo.partnersOf>): CampaignPartnerView => ({
  id: Number(p.id),
  unitCode: p.unit_code,
  unitName: p.unit_name,
  kind: p.kind,
  cadence: p.cadence,
  dueOffsetDays: p.due_offset_days,
  metrics: p.metrics,
});
