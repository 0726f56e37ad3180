/**
 * Running a campaign from the system after it was created (issue 5 §1 and §7 "campaign list and
 * set-up", docs/campaigns.md "changing a campaign"): partners, reporting rounds, metrics and per-level
 * targets. Every call needs campaign.manage from the coordinating unit or above (manageAccess, the
 * rule of PATCH), is audited, and refuses a change that would orphan what was already reported (409).
 * Call inside a transaction.
 */
import type {
  CampaignLevelTargetsInput,
  CampaignMetricInput,
  CampaignMetricPatch,
  CampaignMetricView,
  CampaignPartnerInput,
  CampaignPartnerPatch,
  CampaignPartnerView,
  CampaignRoundsInput,
  CampaignRoundView,
  CampaignTargetView,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { Actor } from '../../shared/policy.ts';
import { reportCountOf, reportedPeriodsOf, reportedValueCountOf } from '../partner-reports/partner-reports.facts.ts';
import type { CampaignRow } from './campaigns.access.ts';
import type { MetricDefinition } from './campaigns.definition.ts';
import * as present from './campaigns.presenter.ts';
import * as repo from './campaigns.repo.ts';
import { manageAccess, unitsDay, type Ctx } from './campaigns.service.ts';
import * as setup from './campaigns.setup.repo.ts';
import { checkLevelTargets, checkNewMetric, checkPartner, checkRounds, metricDefinition } from './campaigns.setup.validate.ts';
import type { Problem } from './campaigns.validate.ts';

const windowOf = (c: CampaignRow) => ({ windowStart: c.window_start, windowEnd: c.window_end });
const nfc = (s: string) => s.normalize('NFC').trim();

function invalid(problems: Problem[], what: string): never {
  throw errors.validation(problems, `${what} chưa hợp lệ: ${problems.map((p) => p.message).join('; ')}.`);
}

async function audit(db: Db, ctx: Ctx, actor: Actor, c: CampaignRow, action: string, details: Record<string, unknown>) {
  await recordAudit(db, {
    actor,
    action,
    target: `campaigns/${c.code}`,
    unitId: actor.unitId,
    requestId: ctx.requestId,
    details,
  });
}

async function storedMetrics(db: Db, campaignId: number): Promise<MetricDefinition[]> {
  return (await repo.metricsOf(db, campaignId)).map(metricDefinition);
}

async function partnerOr404(db: Db, c: CampaignRow, partnerId: number) {
  const p = await setup.partnerById(db, Number(c.id), partnerId);
  if (!p) throw errors.notFound(`đối tác ${partnerId} của chiến dịch ${c.code}`, `Partner ${partnerId} of campaign ${c.code}`);
  return p;
}

// ---- Partners ----

/** POST …/partners: a unit of the tree (carrier, police, post) that reports some count metrics. */
export async function addPartner(
  db: Db,
  ctx: Ctx,
  ref: number | string,
  input: CampaignPartnerInput,
): Promise<CampaignPartnerView> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const id = Number(c.id);
  const unitCode = input.unitCode.trim().toUpperCase();
  const partner = { ...input, unitCode, metrics: [...new Set(input.metrics)], dueOffsetDays: input.dueOffsetDays ?? 1 };
  const on = unitsDay(c);
  const unit = (await repo.unitsByCode(db, [unitCode], on)).get(unitCode);
  const problems = [
    ...(unit ? [] : [{ field: 'unitCode', message: `không có đơn vị mã ${unitCode} vào ngày ${on}` }]),
    ...checkPartner(windowOf(c), await storedMetrics(db, id), (await repo.roundsOf(db, id)).length, partner),
  ];
  if (problems.length || !unit) invalid(problems, 'Đối tác');
  if (await setup.partnerOfUnit(db, id, unit.id))
    throw errors.conflict(
      `${unit.name} đã là đối tác của chiến dịch ${c.code}.`,
      `${unitCode} is already a partner of ${c.code}.`,
      {
        unitCode,
      },
    );
  const partnerId = await setup.insertPartner(db, id, unit.id, partner);
  await audit(db, ctx, actor, c, 'campaign.partner.add', { partnerId, ...partner });
  return present.presentPartner((await setup.partnerById(db, id, partnerId))!);
}

/**
 * PATCH …/partners/:id: cadence, due offset, metrics. The cadence stays once the partner has reported:
 * its reports are filed under the periods of that cadence (weekly Sunday ends, rounds' last days).
 */
export async function updatePartner(
  db: Db,
  ctx: Ctx,
  ref: number | string,
  partnerId: number,
  patch: CampaignPartnerPatch,
): Promise<CampaignPartnerView> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const id = Number(c.id);
  const before = await partnerOr404(db, c, partnerId);
  const after = {
    unitCode: before.unit_code,
    kind: before.kind,
    cadence: patch.cadence ?? before.cadence,
    dueOffsetDays: patch.dueOffsetDays ?? before.due_offset_days,
    metrics: patch.metrics ? [...new Set(patch.metrics)] : before.metrics,
  };
  const problems = checkPartner(windowOf(c), await storedMetrics(db, id), (await repo.roundsOf(db, id)).length, after);
  if (problems.length) invalid(problems, 'Đối tác');
  if (after.cadence !== before.cadence) {
    const n = await reportCountOf(db, partnerId);
    if (n > 0)
      throw errors.conflict(
        `${before.unit_name} đã gửi ${n} báo cáo theo kỳ hiện tại nên không đổi được kỳ báo cáo.`,
        `${before.unit_code} has sent ${n} report(s) for its current cadence; the cadence cannot change.`,
        { partnerId, reports: n },
      );
  }
  await setup.updatePartner(db, partnerId, after);
  await audit(db, ctx, actor, c, 'campaign.partner.update', {
    partnerId,
    before: { cadence: before.cadence, dueOffsetDays: before.due_offset_days, metrics: before.metrics },
    after: { cadence: after.cadence, dueOffsetDays: after.dueOffsetDays, metrics: after.metrics },
  });
  return present.presentPartner((await setup.partnerById(db, id, partnerId))!);
}

/** DELETE …/partners/:id: only a partner that has sent no report (its reports would go with it). */
export async function removePartner(db: Db, ctx: Ctx, ref: number | string, partnerId: number): Promise<void> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const p = await partnerOr404(db, c, partnerId);
  const n = await reportCountOf(db, partnerId);
  if (n > 0)
    throw errors.conflict(
      `${p.unit_name} đã gửi ${n} báo cáo cho chiến dịch nên không xóa được khỏi danh sách đối tác.`,
      `${p.unit_code} has sent ${n} report(s); a partner that has reported cannot be removed.`,
      { partnerId, reports: n },
    );
  await setup.deletePartner(db, partnerId);
  await audit(db, ctx, actor, c, 'campaign.partner.remove', { partnerId, unitCode: p.unit_code });
}

// ---- Rounds ----

/**
 * PUT …/rounds: the whole list. A round a partner has reported for keeps its statistics window (the
 * report is filed under it); partners reporting by round need at least one round.
 */
export async function replaceRounds(
  db: Db,
  ctx: Ctx,
  ref: number | string,
  input: CampaignRoundsInput,
): Promise<CampaignRoundView[]> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const id = Number(c.id);
  const rounds = [...input.rounds].map((r) => ({ ...r, name: nfc(r.name) })).sort((a, b) => a.seq - b.seq);
  const problems = checkRounds(windowOf(c), rounds);
  if (problems.length) invalid(problems, 'Danh sách đợt báo cáo');
  const byRound = (await repo.partnersOf(db, id)).filter((p) => p.cadence === 'round');
  if (byRound.length && rounds.length === 0)
    throw errors.conflict(
      `${byRound.map((p) => p.unit_name).join(', ')} báo cáo theo đợt: chiến dịch cần ít nhất một đợt.`,
      'Partners report by round: the campaign needs at least one round.',
    );
  const roundPartners = new Map(byRound.map((p) => [Number(p.id), p.unit_name]));
  const before = await repo.roundsOf(db, id);
  for (const r of await reportedPeriodsOf(db, id)) {
    if (!roundPartners.has(r.partnerId)) continue;
    if (rounds.some((n) => n.statsFrom === r.periodStart && n.statsTo === r.periodEnd)) continue;
    const old = before.find((o) => o.stats_from === r.periodStart && o.stats_to === r.periodEnd);
    throw errors.conflict(
      `${roundPartners.get(r.partnerId)} đã báo cáo cho ${old?.name ?? 'đợt'} (số liệu ${r.periodStart} – ${r.periodEnd}): giữ nguyên khoảng số liệu của đợt này.`,
      `A partner has reported for the round ${r.periodStart} – ${r.periodEnd}; keep its statistics window.`,
      { periodStart: r.periodStart, periodEnd: r.periodEnd },
    );
  }
  await setup.replaceRounds(db, id, rounds);
  await audit(db, ctx, actor, c, 'campaign.rounds.replace', { before: before.map(present.presentRound), after: rounds });
  return (await repo.roundsOf(db, id)).map(present.presentRound);
}

// ---- Metrics ----

async function metricOr404(db: Db, c: CampaignRow, code: string) {
  const m = (await repo.metricsOf(db, Number(c.id))).find((x) => x.code === code);
  if (!m) throw errors.notFound(`chỉ tiêu ${code} của chiến dịch ${c.code}`, `Metric ${code} of campaign ${c.code}`);
  return m;
}

/** POST …/metrics: one more metric, checked as in a definition; appended after the others. */
export async function addMetric(db: Db, ctx: Ctx, ref: number | string, input: CampaignMetricInput): Promise<CampaignMetricView> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const id = Number(c.id);
  const stored = await storedMetrics(db, id);
  const metric: MetricDefinition = { ...input, nameVi: nfc(input.nameVi), nameEn: nfc(input.nameEn) };
  if (stored.some((m) => m.code === metric.code))
    throw errors.conflict(
      `Chiến dịch ${c.code} đã có chỉ tiêu mã ${metric.code}.`,
      `Campaign ${c.code} already has metric ${metric.code}.`,
      {
        code: metric.code,
      },
    );
  const problems = checkNewMetric(windowOf(c), stored, metric);
  if (problems.length) invalid(problems, 'Chỉ tiêu');
  await setup.insertMetric(db, id, metric);
  await audit(db, ctx, actor, c, 'campaign.metric.add', { ...metric });
  return present.presentMetric(await metricOr404(db, c, metric.code));
}

/** PATCH …/metrics/:code: the names only; kind, source and formula define figures already counted. */
export async function updateMetric(
  db: Db,
  ctx: Ctx,
  ref: number | string,
  code: string,
  patch: CampaignMetricPatch,
): Promise<CampaignMetricView> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const before = await metricOr404(db, c, code);
  const names = {
    ...(patch.nameVi !== undefined ? { name_vi: nfc(patch.nameVi) } : {}),
    ...(patch.nameEn !== undefined ? { name_en: nfc(patch.nameEn) } : {}),
  };
  // The HTTP layer drops unknown fields (kind, source…): a patch may arrive with nothing left to change.
  if (Object.keys(names).length === 0)
    invalid([{ field: 'nameVi', message: 'chỉ sửa được tên chỉ tiêu (nameVi, nameEn)' }], 'Chỉ tiêu');
  if (Object.values(names).some((n) => n === ''))
    invalid(
      [{ field: patch.nameVi !== undefined && !names.name_vi ? 'nameVi' : 'nameEn', message: 'tên không được để trống' }],
      'Chỉ tiêu',
    );
  await setup.updateMetricNames(db, Number(c.id), code, names);
  await audit(db, ctx, actor, c, 'campaign.metric.update', {
    code,
    before: { nameVi: before.name_vi, nameEn: before.name_en },
    after: names,
  });
  return present.presentMetric(await metricOr404(db, c, code));
}

/**
 * DELETE …/metrics/:code: only a metric nothing depends on — no target, baseline, partner that
 * reports it, reported value, nor a rate computed from it.
 */
export async function removeMetric(db: Db, ctx: Ctx, ref: number | string, code: string): Promise<void> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const id = Number(c.id);
  await metricOr404(db, c, code);
  const [usage, reported, partners, metrics] = await Promise.all([
    setup.metricUsage(db, id, code),
    reportedValueCountOf(db, id, code),
    repo.partnersOf(db, id),
    repo.metricsOf(db, id),
  ]);
  const rates = metrics.filter((m) => m.numerator_code === code || m.denominator_code === code).map((m) => m.code);
  const reporters = partners.filter((p) => p.metrics.includes(code)).map((p) => p.unit_name);
  const reasons = [
    usage.targets ? `${usage.targets} chỉ tiêu giao` : '',
    usage.baselines ? `${usage.baselines} số liệu nền` : '',
    reporters.length ? `đối tác báo cáo: ${reporters.join(', ')}` : '',
    reported ? `${reported} giá trị đã báo cáo` : '',
    rates.length ? `là tử số hoặc mẫu số của ${rates.join(', ')}` : '',
  ].filter(Boolean);
  if (reasons.length)
    throw errors.conflict(
      `Không xóa được chỉ tiêu ${code}: còn ${reasons.join('; ')}.`,
      `Metric ${code} is in use and cannot be removed.`,
      { code, ...usage, partners: reporters, reportedValues: reported, rates },
    );
  await setup.deleteMetric(db, id, code);
  await audit(db, ctx, actor, c, 'campaign.metric.remove', { code });
}

// ---- Targets per level ----

/**
 * PUT …/targets/levels: every per-level target (seed 003 VII: "Cấp tỉnh: 70%; cấp huyện: 60%; cấp xã:
 * 25%…"), replaced as a list; unit targets stay (they come from the XLSX upload).
 */
export async function replaceLevelTargets(
  db: Db,
  ctx: Ctx,
  ref: number | string,
  input: CampaignLevelTargetsInput,
): Promise<CampaignTargetView[]> {
  const { campaign: c, actor } = await manageAccess(db, ctx.actor, ref);
  const id = Number(c.id);
  const targets = input.targets.map((t) => ({ ...t, source: nfc(t.source ?? '') }));
  const problems = checkLevelTargets(windowOf(c), await storedMetrics(db, id), targets);
  if (problems.length) invalid(problems, 'Chỉ tiêu theo cấp');
  const before = (await repo.targetsOf(db, id, c.scope_path)).filter((t) => t.scope === 'level');
  await setup.replaceLevelTargets(db, id, targets);
  await audit(db, ctx, actor, c, 'campaign.targets.levels', {
    before: before.map((t) => ({ metric: t.metric_code, level: t.level, value: Number(t.value) })),
    after: targets.map(({ metric, level, value }) => ({ metric, level, value })),
  });
  return (await repo.targetsOf(db, id, c.scope_path)).filter((t) => t.scope === 'level').map(present.presentTarget);
}
