/**
 * A campaign as configured in a file (data/product/campaigns/*.json) or by a test: everything needed
 * to create it in one transaction. Units are given by code and resolved on the window's first day
 * (the 2023 template is applied to today's units by campaigns.seeds.ts before it gets here).
 */
import type { CampaignKind, MetricKind, MetricSource, PartnerCadence, PartnerKind, TargetLevel } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { findUnitByCode } from '../units/units.repo.ts';

export interface MetricDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: MetricKind;
  source: MetricSource;
  numeratorCode?: string;
  denominatorCode?: string;
  kpiIndicator?: string;
}

export type TargetDefinition =
  | { metric: string; unitCode: string; value: number; source?: string }
  | { metric: string; level: TargetLevel; value: number; source?: string };

export interface CampaignDefinition {
  code: string;
  kind: CampaignKind;
  name: string;
  legalBasis?: string;
  source?: string;
  scopeUnitCode: string;
  coordinatorUnitCode: string;
  windowStart: string;
  windowEnd: string;
  /**
   * Day on which unit codes are resolved, when not the window's first day: a plan from before the
   * 2025 reform (seed 000, 2023) is kept on today's units, whose codes did not exist then.
   */
  unitsOn?: string;
  status?: 'draft' | 'active' | 'closed';
  metrics: MetricDefinition[];
  targets?: TargetDefinition[];
  baselines?: { metric: string; unitCode: string; value: number; source?: string }[];
  rounds?: { seq: number; name: string; statsFrom: string; statsTo: string; dueDate: string }[];
  partners?: { unitCode: string; kind: PartnerKind; cadence: PartnerCadence; dueOffsetDays?: number; metrics: string[] }[];
}

/** Creates the campaign with its metrics, targets, baselines, rounds and partners; returns its id. */
export async function insertCampaign(db: Db, def: CampaignDefinition, createdBy: number | null = null): Promise<number> {
  const unitCache = new Map<string, number>();
  const unitId = async (code: string): Promise<number> => {
    const hit = unitCache.get(code);
    if (hit !== undefined) return hit;
    const on = def.unitsOn ?? def.windowStart;
    const u = await findUnitByCode(db, code, on);
    if (!u) throw errors.validation({ unitCode: code }, `Không có đơn vị mã ${code} vào ngày ${on}.`);
    unitCache.set(code, u.id);
    return u.id;
  };
  const metricCodes = new Set(def.metrics.map((m) => m.code));
  const checkMetric = (code: string) => {
    if (!metricCodes.has(code)) throw errors.validation({ metric: code }, `Chiến dịch ${def.code} không có chỉ tiêu "${code}".`);
  };
  const { id } = await db
    .insertInto('campaigns')
    .values({
      code: def.code,
      kind: def.kind,
      name: def.name.normalize('NFC'),
      legal_basis: (def.legalBasis ?? '').normalize('NFC'),
      source: (def.source ?? '').normalize('NFC'),
      scope_unit_id: await unitId(def.scopeUnitCode),
      coordinator_unit_id: await unitId(def.coordinatorUnitCode),
      window_start: def.windowStart,
      window_end: def.windowEnd,
      status: def.status ?? 'active',
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('campaign_metrics')
    .values(
      def.metrics.map((m, i) => ({
        campaign_id: id,
        code: m.code,
        name_vi: m.nameVi.normalize('NFC'),
        name_en: m.nameEn,
        kind: m.kind,
        source: m.source,
        numerator_code: m.numeratorCode ?? null,
        denominator_code: m.denominatorCode ?? null,
        kpi_indicator: m.kpiIndicator ?? null,
        position: i,
      })),
    )
    .execute();
  for (const t of def.targets ?? []) {
    checkMetric(t.metric);
    await db
      .insertInto('campaign_targets')
      .values({
        campaign_id: id,
        metric_code: t.metric,
        scope: 'unitCode' in t ? 'unit' : 'level',
        unit_id: 'unitCode' in t ? await unitId(t.unitCode) : null,
        level: 'level' in t ? t.level : null,
        value: t.value,
        source: t.source ?? '',
      })
      .execute();
  }
  for (const b of def.baselines ?? []) {
    checkMetric(b.metric);
    await db
      .insertInto('campaign_baselines')
      .values({ campaign_id: id, metric_code: b.metric, unit_id: await unitId(b.unitCode), value: b.value, source: b.source ?? '' })
      .execute();
  }
  if (def.rounds?.length)
    await db
      .insertInto('campaign_rounds')
      .values(def.rounds.map((r) => ({ campaign_id: id, seq: r.seq, name: r.name, stats_from: r.statsFrom, stats_to: r.statsTo, due_date: r.dueDate })))
      .execute();
  for (const p of def.partners ?? []) {
    p.metrics.forEach(checkMetric);
    await db
      .insertInto('campaign_partners')
      .values({ campaign_id: id, unit_id: await unitId(p.unitCode), kind: p.kind, cadence: p.cadence, due_offset_days: p.dueOffsetDays ?? 1, metrics: p.metrics })
      .execute();
  }
  return id;
}
