/** SQL of the campaign set-up (campaigns.service.ts); every function takes the db or a transaction first. */
import { sql } from 'kysely';
import type { UnitKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';

/** Unit rows valid on `at` (YYYY-MM-DD), as in units.repo.ts. */
const validOn = (at: string) =>
  sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR ${at}::date < u.valid_to)`;

export interface AreaUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  subtype: string;
  path: string;
}

/** Units of a kind inside the subtree of `path` valid on `at`, by code. */
export async function unitsUnder(db: Db, path: string, at: string, kinds: UnitKind[]): Promise<AreaUnit[]> {
  const rows = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.subtype', 'u.path'])
    .where('u.path', 'like', `${path}%`)
    .where('u.kind', 'in', kinds)
    .where(validOn(at))
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Units by code valid on `at` (one row per code). */
export async function unitsByCode(db: Db, codes: string[], at: string): Promise<Map<string, AreaUnit>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.subtype', 'u.path'])
    .where('u.code', 'in', codes)
    .where(validOn(at))
    .execute();
  return new Map(rows.map((r) => [r.code, { ...r, id: Number(r.id) }]));
}

export async function unitNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

export async function codeExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('campaigns').select('id').where('code', '=', code).executeTakeFirst());
}

export const metricsOf = (db: Db, campaignId: number) =>
  db
    .selectFrom('campaign_metrics')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .orderBy('code')
    .execute();

export const roundsOf = (db: Db, campaignId: number) =>
  db.selectFrom('campaign_rounds').selectAll().where('campaign_id', '=', campaignId).orderBy('seq').execute();

export const findRound = (db: Db, campaignId: number, seq: number) =>
  db.selectFrom('campaign_rounds').selectAll().where('campaign_id', '=', campaignId).where('seq', '=', seq).executeTakeFirst();

/** Targets with their unit (null for level targets); unit targets limited to the subtree of `scopePath`. */
export async function targetsOf(db: Db, campaignId: number, scopePath: string) {
  return db
    .selectFrom('campaign_targets as t')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .select([
      't.metric_code',
      't.scope',
      't.unit_id',
      't.level',
      't.value',
      't.source',
      'u.code as unit_code',
      'u.name as unit_name',
    ])
    .where('t.campaign_id', '=', campaignId)
    .where((eb) => eb.or([eb('t.scope', '=', 'level'), eb('u.path', 'like', `${scopePath}%`)]))
    .orderBy('t.metric_code')
    .orderBy('t.scope', 'desc')
    .orderBy('t.level')
    .orderBy('u.code')
    .execute();
}

export async function baselinesOf(db: Db, campaignId: number, scopePath: string) {
  return db
    .selectFrom('campaign_baselines as b')
    .innerJoin('units as u', 'u.id', 'b.unit_id')
    .select(['b.metric_code', 'b.value', 'b.source', 'u.code as unit_code', 'u.name as unit_name'])
    .where('b.campaign_id', '=', campaignId)
    .where('u.path', 'like', `${scopePath}%`)
    .orderBy('b.metric_code')
    .orderBy('u.code')
    .execute();
}

export async function partnersOf(db: Db, campaignId: number) {
  return db
    .selectFrom('campaign_partners as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.kind', 'p.cadence', 'p.due_offset_days', 'p.metrics', 'u.code as unit_code', 'u.name as unit_name'])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('u.code')
    .execute();
}

export interface CampaignUpdate {
  name?: string;
  legal_basis?: string;
  window_start?: string;
  window_end?: string;
  status?: 'draft' | 'active' | 'closed';
}

export async function updateCampaign(db: Db, id: number, patch: CampaignUpdate): Promise<void> {
  await db.updateTable('campaigns').set(patch).where('id', '=', id).execute();
}

export interface UnitValue {
  metric: string;
  unitId: number;
  value: number;
}

/** Replaces every unit target of `metrics` by `items` (level targets stay). */
export async function replaceUnitTargets(
  db: Db,
  campaignId: number,
  metrics: string[],
  items: UnitValue[],
  source: string,
): Promise<void> {
  if (metrics.length === 0) return;
  await db
    .deleteFrom('campaign_targets')
    .where('campaign_id', '=', campaignId)
    .where('scope', '=', 'unit')
    .where('metric_code', 'in', metrics)
    .execute();
  for (let i = 0; i < items.length; i += 500) {
    await db
      .insertInto('campaign_targets')
      .values(
        items.slice(i, i + 500).map((t) => ({
          campaign_id: campaignId,
          metric_code: t.metric,
          scope: 'unit' as const,
          unit_id: t.unitId,
          value: t.value,
          source,
        })),
      )
      .execute();
  }
}

/** Replaces every baseline of `metrics` by `items`. */
export async function replaceBaselines(
  db: Db,
  campaignId: number,
  metrics: string[],
  items: UnitValue[],
  source: string,
): Promise<void> {
  if (metrics.length === 0) return;
  await db.deleteFrom('campaign_baselines').where('campaign_id', '=', campaignId).where('metric_code', 'in', metrics).execute();
  for (let i = 0; i < items.length; i += 500) {
    await db
      .insertInto('campaign_baselines')
      .values(
        items
          .slice(i, i + 500)
          .map((b) => ({ campaign_id: campaignId, metric_code: b.metric, unit_id: b.unitId, value: b.value, source })),
      )
      .execute();
  }
}

/** Every target of a campaign (unit and level), for computing which applies to a unit. */
export async function allTargets(db: Db, campaignId: number) {
  const rows = await db
    .selectFrom('campaign_targets')
    .select(['metric_code', 'unit_id', 'level', 'value'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return rows.map((t) => ({
    metric: t.metric_code,
    unitId: t.unit_id === null ? null : Number(t.unit_id),
    level: t.level,
    value: Number(t.value),
  }));
}
