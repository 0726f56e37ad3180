/**
 * Setting up a campaign (DESIGN §3.9, docs/campaigns.md): listing, reading, creating, changing the
 * window and status, and targets and baselines per unit from a spreadsheet. Every call goes through
 * campaignAccess (campaigns.access.ts); knows no HTTP; throws domain errors.
 */
import type {
  CampaignDefinitionInput,
  CampaignDetail,
  CampaignPatch,
  CampaignSheetReport,
  CampaignSummary,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnToday } from '../../shared/dates.ts';
import { inSubtree, PERMISSIONS, type Actor } from '../../shared/policy.ts';
import { toXlsx, type TabularRow } from '../../shared/tabular.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { campaignAccess, findCampaign, visibleCampaigns, type CampaignAccess, type CampaignRow } from './campaigns.access.ts';
import { insertCampaign } from './campaigns.definition.ts';
import * as present from './campaigns.presenter.ts';
import * as repo from './campaigns.repo.ts';
import { cellOf, checkSheet, FIXED_COLUMNS, sheetMetrics, sheetReport, type SheetKind } from './campaigns.sheets.ts';
import { definitionFromInput } from './campaigns.validate.ts';

export interface Ctx {
  actor: Actor | null;
  requestId?: string;
}

/** The day on which a campaign's unit codes are read: its last day, or today while it runs. */
export const unitsDay = (c: Pick<CampaignRow, 'window_end'>) => (c.window_end < vnToday() ? c.window_end : vnToday());

async function namesOf(db: Db, rows: CampaignRow[]) {
  return repo.unitNames(db, [...new Set(rows.flatMap((c) => [Number(c.scope_unit_id), Number(c.coordinator_unit_id)]))]);
}

/** GET /api/v1/campaigns. */
export async function listCampaigns(db: Db, actor: Actor | null): Promise<CampaignSummary[]> {
  if (!actor) throw errors.unauthenticated();
  const rows = await visibleCampaigns(db, actor);
  const names = await namesOf(db, rows);
  return rows.map((c) => present.presentSummary(c, names));
}

/**
 * campaign.manage on a campaign: the role, and the coordinating unit or a unit above it. A commune's
 * coordinator reads and approves its commune's data but does not change the plan of the province.
 */
export async function manageAccess(
  db: Db,
  actor: Actor | null,
  ref: number | string,
): Promise<CampaignAccess & { actor: Actor }> {
  const access = await campaignAccess(db, actor, ref, 'campaign.manage');
  if (!access.coordinator && !inSubtree(actor!.unitPath, access.campaign.coordinator_path))
    throw errors.forbidden({ action: 'campaign.manage' });
  return { ...access, actor: actor! };
}

const allowed = (p: Promise<unknown>) =>
  p.then(
    () => true,
    () => false,
  );

/** GET /api/v1/campaigns/:ref: unit targets and baselines only inside the caller's part of the area. */
export async function getCampaign(db: Db, actor: Actor | null, ref: number | string): Promise<CampaignDetail> {
  const access = await campaignAccess(db, actor, ref, 'campaign.read');
  return detailOf(db, actor!, access);
}

async function detailOf(db: Db, actor: Actor, access: CampaignAccess): Promise<CampaignDetail> {
  const c = access.campaign;
  const id = Number(c.id);
  const [metrics, targets, baselines, rounds, partners, names] = await Promise.all([
    repo.metricsOf(db, id),
    repo.targetsOf(db, id, access.scopePath),
    repo.baselinesOf(db, id, access.scopePath),
    repo.roundsOf(db, id),
    repo.partnersOf(db, id),
    namesOf(db, [c]),
  ]);
  const [manage, approve, report] = await Promise.all([
    allowed(manageAccess(db, actor, id)),
    allowed(campaignAccess(db, actor, id, 'campaign.approve')),
    allowed(campaignAccess(db, actor, id, 'campaign.report')),
  ]);
  return {
    ...present.presentSummary(c, names),
    legalBasis: c.legal_basis,
    source: c.source,
    metrics: metrics.map(present.presentMetric),
    targets: targets.map(present.presentTarget),
    baselines: baselines.map(present.presentBaseline),
    rounds: rounds.map(present.presentRound),
    // A partner reporter sees its own partner row only (it reads only its own reports).
    partners: partners.filter((p) => access.partnerId === null || Number(p.id) === access.partnerId).map(present.presentPartner),
    can: { manage, approve, report },
  };
}

/**
 * POST /api/v1/campaigns: campaign.manage, from the coordinating unit or above it; every unit of a
 * target or baseline inside the area. Call inside a transaction.
 */
export async function createCampaign(db: Db, ctx: Ctx, input: CampaignDefinitionInput): Promise<CampaignDetail> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  if (!actor.roles.some((r) => (PERMISSIONS['campaign.manage'] as readonly string[]).includes(r)))
    throw errors.forbidden({ action: 'campaign.manage' });
  const { def, problems } = definitionFromInput(input);
  const on = def.unitsOn ?? def.windowStart;
  const coordinator = await findUnitByCode(db, def.coordinatorUnitCode, on);
  const scope = await findUnitByCode(db, def.scopeUnitCode, on);
  if (!scope) problems.push({ field: 'scopeUnitCode', message: `không có đơn vị mã ${def.scopeUnitCode} vào ngày ${on}` });
  if (!coordinator)
    problems.push({ field: 'coordinatorUnitCode', message: `không có đơn vị mã ${def.coordinatorUnitCode} vào ngày ${on}` });
  else if (!inSubtree(actor.unitPath, coordinator.path))
    throw errors.forbidden({ action: 'campaign.manage', reason: 'coordinator_unit' });
  if (scope) {
    const codes = [
      ...(def.targets ?? []).flatMap((t) => ('unitCode' in t ? [t.unitCode] : [])),
      ...(def.baselines ?? []).map((b) => b.unitCode),
    ];
    const units = await repo.unitsByCode(db, [...new Set(codes)], on);
    for (const code of new Set(codes)) {
      const u = units.get(code);
      if (!u) problems.push({ field: 'targets', message: `không có đơn vị mã ${code} vào ngày ${on}` });
      else if (!u.path.startsWith(scope.path))
        problems.push({ field: 'targets', message: `đơn vị ${code} (${u.name}) không thuộc địa bàn ${scope.name}` });
    }
  }
  const partnerUnits = await repo.unitsByCode(
    db,
    (def.partners ?? []).map((p) => p.unitCode),
    on,
  );
  for (const p of def.partners ?? [])
    if (!partnerUnits.has(p.unitCode))
      problems.push({ field: 'partners', message: `không có đơn vị đối tác mã ${p.unitCode} vào ngày ${on}` });
  if (problems.length)
    throw errors.validation(problems, `Cấu hình chiến dịch chưa hợp lệ: ${problems.map((p) => p.message).join('; ')}.`);
  if (await repo.codeExists(db, def.code)) throw duplicate(def.code);
  const id = await insertCampaign(db, def, actor.staffId);
  await recordAudit(db, {
    actor,
    action: 'campaign.create',
    target: `campaigns/${def.code}`,
    unitId: actor.unitId,
    requestId: ctx.requestId,
  });
  return detailOf(db, actor, await campaignAccess(db, actor, id, 'campaign.read'));
}

const duplicate = (code: string) => errors.conflict(`Đã có chiến dịch mã ${code}.`, `Campaign ${code} already exists.`, { code });

/** PATCH /api/v1/campaigns/:ref: name, legal basis, window, status. Call inside a transaction. */
export async function updateCampaign(db: Db, ctx: Ctx, ref: number | string, patch: CampaignPatch): Promise<CampaignDetail> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const start = patch.windowStart ?? c.window_start;
  const end = patch.windowEnd ?? c.window_end;
  if (end < start)
    throw errors.validation(
      [{ field: 'windowEnd', message: 'trước ngày bắt đầu' }],
      `Ngày kết thúc ${end} trước ngày bắt đầu ${start}.`,
    );
  await repo.updateCampaign(db, Number(c.id), {
    ...(patch.name !== undefined ? { name: patch.name.normalize('NFC').trim() } : {}),
    ...(patch.legalBasis !== undefined ? { legal_basis: patch.legalBasis.normalize('NFC').trim() } : {}),
    ...(patch.windowStart !== undefined ? { window_start: patch.windowStart } : {}),
    ...(patch.windowEnd !== undefined ? { window_end: patch.windowEnd } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
  });
  await recordAudit(db, {
    actor,
    action: 'campaign.update',
    target: `campaigns/${c.code}`,
    unitId: actor.unitId,
    requestId: ctx.requestId,
    details: { ...patch },
  });
  return detailOf(db, actor, await campaignAccess(db, actor, Number(c.id), 'campaign.read'));
}

/** The template of a sheet: the area's communes with today's values, one column per metric. */
export async function sheetTemplate(
  db: Db,
  actor: Actor | null,
  ref: number | string,
  kind: SheetKind,
): Promise<{ name: string; body: Buffer }> {
  const { campaign: c } = await manageAccess(db, actor, ref);
  const id = Number(c.id);
  const metrics = sheetMetrics(await repo.metricsOf(db, id), kind);
  const communes = await repo.unitsUnder(db, c.scope_path, unitsDay(c), ['commune']);
  const values = new Map<string, number>();
  if (kind === 'targets') {
    for (const t of await repo.targetsOf(db, id, c.scope_path))
      if (t.unit_code) values.set(`${t.metric_code}|${t.unit_code}`, Number(t.value));
  } else {
    for (const b of await repo.baselinesOf(db, id, c.scope_path)) values.set(`${b.metric_code}|${b.unit_code}`, Number(b.value));
  }
  const header = [...FIXED_COLUMNS, ...metrics.map((m) => m.code)];
  const rows = communes.map((u) => [
    u.code,
    u.name,
    ...metrics.map((m) => cellOf(m.kind, values.get(`${m.code}|${u.code}`), kind)),
  ]);
  const name = `${c.code}-${kind === 'targets' ? 'chi-tieu' : 'so-lieu-nen'}`;
  return { name, body: await toXlsx(kind === 'targets' ? 'Chỉ tiêu' : 'Số liệu nền', header, rows) };
}

/**
 * PUT …/targets and …/baselines: all-or-nothing (IMPORT_REJECTED with the report naming every bad
 * row); otherwise the unit values of every metric column in the file are replaced. Call inside a
 * transaction.
 */
export async function importSheet(
  db: Db,
  ctx: Ctx,
  ref: number | string,
  kind: SheetKind,
  rows: TabularRow[],
): Promise<CampaignSheetReport> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const id = Number(c.id);
  const all = await repo.metricsOf(db, id);
  const codes = [...new Set(rows.map((r) => (r.values.unit_code ?? '').trim().toUpperCase()).filter(Boolean))];
  const result = checkSheet(rows, {
    kind,
    metrics: sheetMetrics(all, kind),
    allMetrics: all,
    unitsByCode: await repo.unitsByCode(db, codes, unitsDay(c)),
    areaPath: c.scope_path,
    areaName: (await repo.unitNames(db, [Number(c.scope_unit_id)])).get(Number(c.scope_unit_id)) ?? c.scope_code,
  });
  const report = sheetReport(result);
  if (result.rejected.length) throw errors.importRejected(report);
  const source = `tệp tải lên bởi ${actor.username} ngày ${vnToday()}`;
  if (kind === 'targets') await repo.replaceUnitTargets(db, id, result.metrics, result.items, source);
  else await repo.replaceBaselines(db, id, result.metrics, result.items, source);
  await recordAudit(db, {
    actor,
    action: `campaign.${kind}.import`,
    target: `campaigns/${c.code}`,
    unitId: actor.unitId,
    requestId: ctx.requestId,
    details: { metrics: result.metrics, accepted: report.accepted },
  });
  return report;
}

/** For other modules: the campaign row or NOT_FOUND, without access checks (jobs, CLI). */
export async function getCampaignRow(db: Db, ref: number | string): Promise<CampaignRow> {
  const c = await findCampaign(db, ref);
  if (!c) throw errors.notFound(`chiến dịch ${ref}`, `Campaign ${ref}`);
  return c;
}
