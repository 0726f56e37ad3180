/** SQL of the progress views: the campaign's configuration, the units of its area, staff notices. */
import { sql } from 'kysely';
import type { PartnerCadence, PartnerKind, TargetLevel, UnitKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { EngineMetric, EngineTarget, EngineUnit } from './campaign-progress.engine.ts';

export interface MetricRow extends EngineMetric {
  nameVi: string;
  nameEn: string;
}

export interface PartnerRow {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  kind: PartnerKind;
  cadence: PartnerCadence;
  dueOffsetDays: number;
}

export interface CampaignConfig {
  metrics: MetricRow[];
  targets: EngineTarget[];
  baselines: { metricCode: string; unitId: number; value: number }[];
  rounds: { seq: number; name: string; statsFrom: string; statsTo: string; dueDate: string }[];
  partners: PartnerRow[];
}

export async function loadConfig(db: Db, campaignId: number): Promise<CampaignConfig> {
  const [metrics, targets, baselines, rounds, partners] = await Promise.all([
    db
      .selectFrom('campaign_metrics')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('position')
      .orderBy('code')
      .execute(),
    db.selectFrom('campaign_targets').selectAll().where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('campaign_baselines').selectAll().where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('campaign_rounds').selectAll().where('campaign_id', '=', campaignId).orderBy('seq').execute(),
    db
      .selectFrom('campaign_partners as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'p.unit_id', 'u.code', 'u.name', 'p.kind', 'p.cadence', 'p.due_offset_days'])
      .where('p.campaign_id', '=', campaignId)
      .orderBy('u.code')
      .execute(),
  ]);
  return {
    metrics: metrics.map((m) => ({
      code: m.code,
      nameVi: m.name_vi,
      nameEn: m.name_en,
      kind: m.kind,
      source: m.source,
      numeratorCode: m.numerator_code,
      denominatorCode: m.denominator_code,
      kpiIndicator: m.kpi_indicator,
    })),
    targets: targets.map((t) => ({
      metricCode: t.metric_code,
      unitId: t.unit_id === null ? null : Number(t.unit_id),
      level: t.level as TargetLevel | null,
      value: Number(t.value),
    })),
    baselines: baselines.map((b) => ({ metricCode: b.metric_code, unitId: Number(b.unit_id), value: Number(b.value) })),
    rounds: rounds.map((r) => ({ seq: r.seq, name: r.name, statsFrom: r.stats_from, statsTo: r.stats_to, dueDate: r.due_date })),
    partners: partners.map((p) => ({
      id: Number(p.id),
      unitId: Number(p.unit_id),
      unitCode: p.code,
      unitName: p.name,
      kind: p.kind,
      cadence: p.cadence,
      dueOffsetDays: p.due_offset_days,
    })),
  };
}

/**
 * Every unit under `areaPath`, valid or not on `at` (a unit closed in 2025 still passes its figures
 * up by path), with `valid` telling which form the tree on that day.
 */
export async function unitsOfArea(db: Db, areaPath: string, at: string): Promise<EngineUnit[]> {
  const rows = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.subtype', 'u.path', 'u.parent_id'])
    .select(
      sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR ${at}::date < u.valid_to)`.as(
        'valid',
      ),
    )
    .where('u.path', 'like', `${areaPath}%`)
    .orderBy('u.path')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    kind: r.kind as UnitKind,
    subtype: r.subtype,
    path: r.path,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    valid: Boolean(r.valid),
  }));
}

/** Active staff of a unit holding a role (who receives a partner's reminder). */
export async function staffWithRole(db: Db, unitId: number, role: string): Promise<number[]> {
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('active', '=', true)
    .where(sql<boolean>`${role} = ANY(roles)`)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

export interface NoticeInsert {
  staffId: number;
  kind: 'report_due' | 'field_pending';
  campaignId: number;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
  createdAt: Date;
}

/** Inserts the notices not sent yet (same person and key); returns how many were new. */
export async function insertNotices(db: Db, items: NoticeInsert[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await db
    .insertInto('staff_notices')
    .values(
      items.map((n) => ({
        staff_id: n.staffId,
        kind: n.kind,
        campaign_id: n.campaignId,
        title: n.title.normalize('NFC'),
        body: n.body.normalize('NFC'),
        link: n.link,
        dedupe_key: n.dedupeKey,
        created_at: n.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(['staff_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

const noticeQuery = (db: Db, staffId: number) =>
  db
    .selectFrom('staff_notices as n')
    .leftJoin('campaigns as c', 'c.id', 'n.campaign_id')
    .select(['n.id', 'n.kind', 'c.code as campaign_code', 'n.title', 'n.body', 'n.link', 'n.created_at', 'n.read_at'])
    .where('n.staff_id', '=', staffId);

export const noticeOf = (db: Db, staffId: number, id: number) =>
  noticeQuery(db, staffId).where('n.id', '=', id).executeTakeFirst();

export async function noticesOf(db: Db, staffId: number, limit: number) {
  const [items, unread] = await Promise.all([
    noticeQuery(db, staffId).orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit).execute(),
    db
      .selectFrom('staff_notices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('staff_id', '=', staffId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n) };
}

/** Marks one of the staff member's notices read; false when it is not theirs. */
export async function markNoticeRead(db: Db, staffId: number, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('staff_notices')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('staff_id', '=', staffId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) > 0) return true;
  const exists = await db
    .selectFrom('staff_notices')
    .select('id')
    .where('id', '=', id)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return !!exists;
}

/** Campaigns whose reports may still be due on `day`: active, started, and not long over. */
export async function campaignsForReminders(db: Db, day: string) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'code', 'name', 'window_start', 'window_end'])
    .where('status', '=', 'active')
    .where('window_start', '<=', day)
    .where(sql<boolean>`window_end + 40 >= ${day}::date`)
    .orderBy('id')
    .execute();
}
