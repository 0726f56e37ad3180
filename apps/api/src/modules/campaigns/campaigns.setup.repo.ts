/** SQL of the changes to a campaign after creation (campaigns.setup.ts); the db or a transaction first. */
import type { PartnerCadence, PartnerKind, TargetLevel } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { MetricDefinition } from './campaigns.definition.ts';

/** A partner row of the campaign with its unit, or undefined (a partner of another campaign is not found). */
export const partnerById = (db: Db, campaignId: number, partnerId: number) =>
  db
    .selectFrom('campaign_partners as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.unit_id',
      'p.kind',
      'p.cadence',
      'p.due_offset_days',
      'p.metrics',
      'u.code as unit_code',
      'u.name as unit_name',
    ])
    .where('p.campaign_id', '=', campaignId)
    .where('p.id', '=', partnerId)
    .executeTakeFirst();

export async function partnerOfUnit(db: Db, campaignId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_partners')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return !!row;
}

export interface PartnerValues {
  kind: PartnerKind;
  cadence: PartnerCadence;
  dueOffsetDays: number;
  metrics: string[];
}

export async function insertPartner(db: Db, campaignId: number, unitId: number, p: PartnerValues): Promise<number> {
  const { id } = await db
    .insertInto('campaign_partners')
    .values({
      campaign_id: campaignId,
      unit_id: unitId,
      kind: p.kind,
      cadence: p.cadence,
      due_offset_days: p.dueOffsetDays,
      metrics: p.metrics,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updatePartner(db: Db, partnerId: number, p: Omit<PartnerValues, 'kind'>): Promise<void> {
  await db
    .updateTable('campaign_partners')
    .set({ cadence: p.cadence, due_offset_days: p.dueOffsetDays, metrics: p.metrics })
    .where('id', '=', partnerId)
    .execute();
}

/** Its API tokens go with it (ON DELETE CASCADE); the service has checked it sent no report. */
export async function deletePartner(db: Db, partnerId: number): Promise<void> {
  await db.deleteFrom('campaign_partners').where('id', '=', partnerId).execute();
}

export interface RoundValues {
  seq: number;
  name: string;
  statsFrom: string;
  statsTo: string;
  dueDate: string;
}

export async function replaceRounds(db: Db, campaignId: number, rounds: RoundValues[]): Promise<void> {
  await db.deleteFrom('campaign_rounds').where('campaign_id', '=', campaignId).execute();
  if (rounds.length)
    await db
      .insertInto('campaign_rounds')
      .values(
        rounds.map((r) => ({
          campaign_id: campaignId,
          seq: r.seq,
          name: r.name,
          stats_from: r.statsFrom,
          stats_to: r.statsTo,
          due_date: r.dueDate,
        })),
      )
      .execute();
}

/** Appends a metric after the existing ones (the order of the tables and the XLSX columns). */
export async function insertMetric(db: Db, campaignId: number, m: MetricDefinition): Promise<void> {
  const last = await db
    .selectFrom('campaign_metrics')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  await db
    .insertInto('campaign_metrics')
    .values({
      campaign_id: campaignId,
      code: m.code,
      name_vi: m.nameVi,
      name_en: m.nameEn,
      kind: m.kind,
      source: m.source,
      numerator_code: m.numeratorCode ?? null,
      denominator_code: m.denominatorCode ?? null,
      kpi_indicator: m.kpiIndicator ?? null,
      position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
    })
    .execute();
}

export async function updateMetricNames(db: Db, campaignId: number, code: string, names: { name_vi?: string; name_en?: string }) {
  await db.updateTable('campaign_metrics').set(names).where('campaign_id', '=', campaignId).where('code', '=', code).execute();
}

export async function deleteMetric(db: Db, campaignId: number, code: string): Promise<void> {
  await db.deleteFrom('campaign_metrics').where('campaign_id', '=', campaignId).where('code', '=', code).execute();
}

/** Targets (unit and level) and baselines stored for a metric. */
export async function metricUsage(db: Db, campaignId: number, code: string): Promise<{ targets: number; baselines: number }> {
  const [t, b] = await Promise.all([
    db
      .selectFrom('campaign_targets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('metric_code', '=', code)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('campaign_baselines')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('metric_code', '=', code)
      .executeTakeFirstOrThrow(),
  ]);
  return { targets: Number(t.n), baselines: Number(b.n) };
}

export interface LevelTargetValues {
  metric: string;
  level: TargetLevel;
  value: number;
  source: string;
}

/** Replaces every level target of the campaign (unit targets stay). */
export async function replaceLevelTargets(db: Db, campaignId: number, targets: LevelTargetValues[]): Promise<void> {
  await db.deleteFrom('campaign_targets').where('campaign_id', '=', campaignId).where('scope', '=', 'level').execute();
  if (targets.length)
    await db
      .insertInto('campaign_targets')
      .values(
        targets.map((t) => ({
          campaign_id: campaignId,
          metric_code: t.metric,
          scope: 'level' as const,
          unit_id: null,
          level: t.level,
          value: t.value,
          source: t.source,
        })),
      )
      .execute();
}
