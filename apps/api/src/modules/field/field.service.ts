/**
 * Field work (DESIGN §3.9, docs/field-work.md): teams of volunteers per commune, hamlets and
 * households given to them, the volunteer's next households and the outcomes they record door to
 * door ("đi từng ngõ, gõ từng nhà, rà từng người", seed 003 IV.1.c), and progress with the ratio.
 * Campaign-scoped actions go through campaignAccess; units are then kept to its scopePath.
 */
import type {
  FieldAssignmentBody,
  FieldAssignmentResult,
  FieldAssignments,
  FieldOutcomeBatch,
  FieldOutcomeBatchResult,
  FieldPeopleList,
  FieldPeopleOutcomeFilter,
  FieldProgress,
  FieldTeamCreate,
  FieldTeamList,
  FieldTeamUpdate,
  FieldTeamView,
  Role,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { isIsoDate, vnToday } from '../../shared/dates.ts';
import { PERMISSIONS, type Actor } from '../../shared/policy.ts';
import { parseInstant } from '../calendar/calendar.dates.ts';
import { campaignAccess, type CampaignAccess } from '../campaigns/campaigns.access.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { endOfVnDay } from './field.facts.ts';
import { tidy } from './field.import.ts';
import { groupWork, presentPersonRow, presentProgress, type CampaignWork } from './field.presenter.ts';
import * as repo from './field.repo.ts';

export interface FieldContext {
  actor: Actor | null;
  now: Date;
  requestId?: string;
}

/** How far ahead of the server clock a phone's recordedAt may be (clocks drift a little). */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Households sent to a phone at most (a team's day of work is far less). */
export const MAX_HOUSEHOLDS = 3000;

const VOLUNTEER_ROLES: readonly Role[] = PERMISSIONS['field.work'];

function requireVolunteer(actor: Actor | null): Actor {
  if (!actor) throw errors.unauthenticated();
  if (!actor.roles.some((r) => VOLUNTEER_ROLES.includes(r))) throw errors.forbidden({ action: 'field.work' });
  return actor;
}

// ----------------------------------------------------------------------------------------- teams

/** A commune of the campaign area inside the actor's scope, or an error naming it. */
async function communeInScope(db: Db, access: CampaignAccess, code: string) {
  const unit = (await findUnitByCode(db, code, access.campaign.window_start)) ?? (await findUnitByCode(db, code, vnToday()));
  if (!unit || !unit.path.startsWith(access.campaign.scope_path)) throw errors.notFound(`xã ${code} trong địa bàn chiến dịch`, `Commune ${code} of the campaign`);
  if (!unit.path.startsWith(access.scopePath)) throw errors.forbidden({ unitCode: code });
  if (unit.kind !== 'commune') throw errors.validation([{ field: 'unitCode', message: 'không phải xã, phường, đặc khu' }], `${code} không phải xã, phường, đặc khu.`);
  return unit;
}

/** Members must be active field volunteers of the team's commune. */
async function checkMembers(db: Db, communePath: string, usernames: string[]): Promise<number[]> {
  const wanted = [...new Set(usernames)];
  const found = new Map((await repo.staffByUsernames(db, wanted)).map((s) => [s.username, s]));
  const problems: { field: string; message: string }[] = [];
  for (const u of wanted) {
    const s = found.get(u);
    if (!s || !s.active) problems.push({ field: 'memberUsernames', message: `${u}: không có tài khoản đang hoạt động` });
    else if (!s.roles.includes('field_volunteer')) problems.push({ field: 'memberUsernames', message: `${u}: không có vai trò tình nguyện viên (field_volunteer)` });
    else if (!s.unit_path.startsWith(communePath)) problems.push({ field: 'memberUsernames', message: `${u}: không thuộc xã của tổ` });
  }
  if (problems.length) throw errors.validation(problems, 'Thành viên tổ phải là tình nguyện viên đang hoạt động của xã.');
  return wanted.map((u) => Number(found.get(u)!.id));
}

async function teamViews(db: Db, campaignId: number, teams: repo.TeamRow[]): Promise<FieldTeamView[]> {
  const ids = teams.map((t) => Number(t.id));
  const [members, hamlets, work] = await Promise.all([repo.membersOf(db, ids), repo.hamletsOfTeams(db, ids), repo.workloadOfTeams(db, campaignId, ids)]);
  return teams.map((t) => {
    const id = Number(t.id);
    const w = work.find((x) => x.teamId === id);
    return {
      id,
      name: t.name,
      unitCode: t.unit_code,
      unitName: t.unit_name,
      members: members.filter((m) => Number(m.team_id) === id).map((m) => ({ staffId: Number(m.staff_id), username: m.username, fullName: m.full_name })),
      hamlets: hamlets.filter((h) => Number(h.team_id) === id).map((h) => h.hamlet),
      households: w?.households ?? 0,
      pendingPeople: w?.pending ?? 0,
    };
  });
}

export async function listTeams(db: Db, ctx: FieldContext, ref: string, unitCode?: string): Promise<FieldTeamList> {
  const access = await campaignAccess(db, ctx.actor, ref, 'campaign.read');
  const path = unitCode ? (await communeInScope(db, access, unitCode)).path : access.scopePath;
  const teams = await repo.listTeams(db, access.campaign.id, path);
  return { items: await teamViews(db, access.campaign.id, teams) };
}

async function teamInScope(db: Db, access: CampaignAccess, teamId: number): Promise<repo.TeamRow> {
  const team = await repo.findTeam(db, access.campaign.id, teamId);
  if (!team || !team.unit_path.startsWith(access.scopePath)) throw errors.notFound(`tổ số ${teamId}`, `Team ${teamId}`);
  return team;
}

const nameTaken = (name: string) => errors.conflict(`Xã đã có tổ tên "${name}".`, `A team named "${name}" already exists in this commune.`, { name });

export async function createTeam(db: Db, ctx: FieldContext, ref: string, body: FieldTeamCreate): Promise<FieldTeamView> {
  const access = await campaignAccess(db, ctx.actor, ref, 'field.manage');
  const unit = await communeInScope(db, access, body.unitCode.trim().toUpperCase());
  const name = tidy(body.name);
  if (!name) throw errors.validation([{ field: 'name', message: 'bắt buộc' }], 'Nhập tên tổ.');
  if (await repo.teamNameTaken(db, access.campaign.id, Number(unit.id), name)) throw nameTaken(name);
  const staffIds = await checkMembers(db, unit.path, body.memberUsernames);
  const id = await repo.insertTeam(db, { campaign_id: access.campaign.id, unit_id: Number(unit.id), name, created_by: ctx.actor!.staffId });
  await repo.setMembers(db, id, staffIds);
  await recordAudit(db, { actor: ctx.actor, action: 'field.team.create', target: `field_team:${id}`, unitId: Number(unit.id), requestId: ctx.requestId, details: { campaign: access.campaign.code, members: staffIds.length } });
  return (await teamViews(db, access.campaign.id, [(await repo.findTeam(db, access.campaign.id, id))!]))[0]!;
}

export async function updateTeam(db: Db, ctx: FieldContext, ref: string, teamId: number, body: FieldTeamUpdate): Promise<FieldTeamView> {
  const access = await campaignAccess(db, ctx.actor, ref, 'field.manage');
  const team = await teamInScope(db, access, teamId);
  if (body.name !== undefined) {
    const name = tidy(body.name);
    if (!name) throw errors.validation([{ field: 'name', message: 'bắt buộc' }], 'Nhập tên tổ.');
    if (await repo.teamNameTaken(db, access.campaign.id, team.unit_id, name, teamId)) throw nameTaken(name);
    await repo.renameTeam(db, teamId, name);
  }
  if (body.memberUsernames !== undefined) await repo.setMembers(db, teamId, await checkMembers(db, team.unit_path, body.memberUsernames));
  await recordAudit(db, { actor: ctx.actor, action: 'field.team.update', target: `field_team:${teamId}`, unitId: Number(team.unit_id), requestId: ctx.requestId, details: { campaign: access.campaign.code } });
  return (await teamViews(db, access.campaign.id, [(await repo.findTeam(db, access.campaign.id, teamId))!]))[0]!;
}

/**
 * Gives hamlets (with their future households) and single households to a team of the same commune;
 * a hamlet or household already with another team moves to this one.
 */
export async function assignToTeam(db: Db, ctx: FieldContext, ref: string, teamId: number, body: FieldAssignmentBody): Promise<FieldAssignmentResult> {
  const access = await campaignAccess(db, ctx.actor, ref, 'field.manage');
  const team = await teamInScope(db, access, teamId);
  const hamlets = [...new Set((body.hamlets ?? []).map(tidy).filter(Boolean))];
  const codes = [...new Set((body.householdCodes ?? []).map(tidy).filter(Boolean))];
  if (hamlets.length + codes.length === 0) throw errors.validation([{ field: 'hamlets', message: 'chọn ít nhất một ấp hoặc hộ' }], 'Chọn ít nhất một ấp hoặc một hộ để giao.');
  const campaignId = access.campaign.id;
  const unitId = Number(team.unit_id);
  const knownHamlets = await repo.existingHamlets(db, campaignId, unitId, hamlets);
  const knownHouseholds = await repo.householdsByCode(db, campaignId, codes.map((code) => ({ unitId, code })));
  const problems = [
    ...hamlets.filter((h) => !knownHamlets.has(h)).map((h) => ({ field: 'hamlets', message: `ấp "${h}" không có hộ nào trong danh sách của xã ${team.unit_code}` })),
    ...codes.filter((c) => !knownHouseholds.has(`${unitId}|${c}`)).map((c) => ({ field: 'householdCodes', message: `hộ ${c} không có trong danh sách của xã ${team.unit_code}` })),
  ];
  if (problems.length) throw errors.validation(problems, 'Có ấp hoặc hộ không thuộc danh sách của xã.');
  await repo.assignHamlets(db, campaignId, unitId, hamlets, teamId);
  await repo.assignHouseholds(db, campaignId, unitId, codes, teamId);
  await recordAudit(db, { actor: ctx.actor, action: 'field.assign', target: `field_team:${teamId}`, unitId, requestId: ctx.requestId, details: { campaign: access.campaign.code, hamlets, households: codes.length } });
  return { hamlets: hamlets.length, households: codes.length };
}

// ------------------------------------------------------------------------------------- volunteer

/**
 * The volunteer's next households: on each active campaign where they are in a team, the households
 * of their teams with someone not yet visited or absent, by hamlet then household (a stable order).
 * Each download is recorded (personal data leaves the server for a phone).
 */
export async function myAssignments(db: Db, ctx: FieldContext): Promise<FieldAssignments> {
  const actor = requireVolunteer(ctx.actor);
  const teams = await repo.teamsOfMember(db, actor.staffId);
  const campaigns: CampaignWork[] = [];
  const allowedTeams: number[] = [];
  for (const campaignId of [...new Set(teams.map((t) => Number(t.campaign_id)))]) {
    let access: CampaignAccess;
    try {
      access = await campaignAccess(db, actor, campaignId, 'field.work');
    } catch (e) {
      // A campaign no longer visible to the volunteer (moved to another unit) is left out, not an error.
      if (e instanceof AppError && (e.status === 403 || e.status === 404)) continue;
      throw e;
    }
    const mine = teams.filter((t) => Number(t.campaign_id) === campaignId);
    allowedTeams.push(...mine.map((t) => Number(t.id)));
    const c = access.campaign;
    campaigns.push({ code: c.code, name: c.name, windowStart: c.window_start, windowEnd: c.window_end, teams: mine.map((t) => ({ id: Number(t.id), name: t.name })), hamlets: [] });
  }
  const rows = await repo.openWork(db, allowedTeams, MAX_HOUSEHOLDS);
  const codeOf = new Map(teams.map((t) => [Number(t.campaign_id), t.campaign_code]));
  for (const c of campaigns) c.hamlets = groupWork(rows.filter((r) => codeOf.get(Number(r.campaign_id)) === c.code));
  await recordAudit(db, {
    actor,
    action: 'field.list.download',
    target: 'field_assignments',
    unitId: actor.unitId,
    requestId: ctx.requestId,
    details: { campaigns: campaigns.map((c) => c.code), people: rows.length, households: new Set(rows.map((r) => r.household_id)).size },
  });
  return { generatedAt: ctx.now.toISOString(), campaigns };
}

interface Rejected {
  clientId: string;
  personId: number;
  reason: string;
}

/**
 * Records a batch of outcomes from a phone. Idempotent on clientId: a record already received (a lost
 * answer, a replayed queue) is answered "duplicate" and counted once. The batch is all or nothing:
 * a person not in the caller's teams → 404, a clientId reused for another record → 409, a time out of
 * bounds → 400; details.rejected names every bad record so the phone can set them aside.
 */
export async function recordOutcomes(db: Db, ctx: FieldContext, batch: FieldOutcomeBatch): Promise<FieldOutcomeBatchResult> {
  const actor = requireVolunteer(ctx.actor);
  const notAssigned: Rejected[] = [];
  const conflicts: Rejected[] = [];
  const invalid: Rejected[] = [];
  const items = batch.items.map((i) => ({ ...i, clientId: i.clientId.toLowerCase(), note: tidy(i.note), at: parseInstant(i.recordedAt) }));

  // The same clientId twice in one batch must be the same record.
  const firstOf = new Map<string, (typeof items)[number]>();
  for (const i of items) {
    const f = firstOf.get(i.clientId);
    if (!f) firstOf.set(i.clientId, i);
    else if (f.personId !== i.personId || f.outcome !== i.outcome || f.at?.getTime() !== i.at?.getTime())
      conflicts.push({ clientId: i.clientId, personId: i.personId, reason: 'cùng mã clientId cho hai bản ghi khác nhau' });
  }
  const unique = [...firstOf.values()];
  const known = new Map((await repo.outcomesByClientIds(db, unique.map((i) => i.clientId))).map((o) => [String(o.client_id).toLowerCase(), o]));
  const fresh = unique.filter((i) => {
    const k = known.get(i.clientId);
    if (!k) return true;
    if (Number(k.recorded_by) !== actor.staffId || Number(k.person_id) !== i.personId)
      conflicts.push({ clientId: i.clientId, personId: i.personId, reason: 'mã clientId đã dùng cho một bản ghi khác' });
    return false;
  });

  const myTeams = new Set((await repo.teamsOfMember(db, actor.staffId)).map((t) => Number(t.id)));
  const people = new Map((await repo.peopleForOutcomes(db, fresh.map((i) => i.personId))).map((p) => [p.id, p]));
  const campaigns = new Map<number, CampaignAccess>();
  for (const campaignId of new Set([...people.values()].filter((p) => p.teamId !== null && myTeams.has(p.teamId)).map((p) => p.campaignId)))
    campaigns.set(campaignId, await campaignAccess(db, actor, campaignId, 'field.work'));

  const latest = ctx.now.getTime() + CLOCK_SKEW_MS;
  for (const i of fresh) {
    const p = people.get(i.personId);
    if (!p || p.teamId === null || !myTeams.has(p.teamId)) {
      notAssigned.push({ clientId: i.clientId, personId: i.personId, reason: 'người này không thuộc hộ được giao cho tổ của bạn' });
      continue;
    }
    const windowStart = new Date(`${campaigns.get(p.campaignId)!.campaign.window_start}T00:00:00+07:00`);
    if (!i.at) invalid.push({ clientId: i.clientId, personId: i.personId, reason: 'thời điểm ghi nhận phải là ISO 8601 có múi giờ' });
    else if (i.at.getTime() > latest) invalid.push({ clientId: i.clientId, personId: i.personId, reason: 'thời điểm ghi nhận ở tương lai (kiểm tra đồng hồ điện thoại)' });
    else if (i.at < windowStart) invalid.push({ clientId: i.clientId, personId: i.personId, reason: 'thời điểm ghi nhận trước khi chiến dịch bắt đầu' });
  }
  const rejected = [...notAssigned, ...conflicts, ...invalid];
  if (notAssigned.length) throw errors.notFound('người được giao cho tổ của bạn', 'Person assigned to your team', { rejected });
  if (conflicts.length) throw errors.conflict('Có mã clientId trùng với bản ghi khác; không ghi bản nào.', 'A clientId was reused for another record; nothing written.', { rejected });
  if (invalid.length) throw errors.validation({ rejected }, 'Có kết quả có thời điểm ghi nhận không hợp lệ; không ghi bản nào.');

  const inserted = await repo.insertOutcomes(
    db,
    fresh.map((i) => {
      const p = people.get(i.personId)!;
      return { client_id: i.clientId, campaign_id: p.campaignId, person_id: p.id, unit_id: p.unitId, outcome: i.outcome, note: i.note, recorded_at: i.at!, received_at: ctx.now, recorded_by: actor.staffId, team_id: p.teamId };
    }),
  );
  for (const o of inserted) await repo.applyOutcome(db, Number(o.person_id), { id: Number(o.id), outcome: o.outcome, recorded_at: o.recorded_at });
  const created = new Set(inserted.map((o) => String(o.client_id).toLowerCase()));
  const current = await repo.currentOutcomes(db, [...new Set(items.map((i) => i.personId))]);
  const reported = new Set<string>();
  return {
    created: created.size,
    duplicates: items.length - created.size,
    items: items.map((i) => {
      // The first mention of a new record is "created"; any repeat of it in the batch is a duplicate.
      const isNew = created.has(i.clientId) && !reported.has(i.clientId);
      reported.add(i.clientId);
      return { clientId: i.clientId, status: isNew ? ('created' as const) : ('duplicate' as const), personId: i.personId, outcome: current.get(i.personId) ?? i.outcome };
    }),
  };
}

// -------------------------------------------------------------------------------------- progress

/** Progress per commune and hamlet of the actor's part of the campaign, as of a VN date (default today). */
export async function fieldProgress(db: Db, ctx: FieldContext, ref: string, q: { unit?: string; asOf?: string }): Promise<FieldProgress> {
  const access = await campaignAccess(db, ctx.actor, ref, 'campaign.read');
  let path = access.scopePath;
  if (q.unit) {
    const code = q.unit.trim().toUpperCase();
    const unit = (await findUnitByCode(db, code, vnToday(ctx.now))) ?? (await findUnitByCode(db, code, access.campaign.window_start));
    if (!unit) throw errors.notFound(`đơn vị ${code}`, `Unit ${code}`);
    if (!unit.path.startsWith(access.scopePath) && !access.scopePath.startsWith(unit.path)) throw errors.forbidden({ unitCode: code });
    // A unit above the actor's scope narrows to the scope itself.
    path = unit.path.startsWith(access.scopePath) ? unit.path : access.scopePath;
  }
  const today = vnToday(ctx.now);
  const asOf = q.asOf ?? today;
  if (!isIsoDate(asOf)) throw errors.validation([{ field: 'asOf', message: 'ngày YYYY-MM-DD' }]);
  const rows = await repo.countsByHamlet(db, access.campaign.id, path, asOf >= today ? null : endOfVnDay(asOf));
  return presentProgress(access.campaign.code, asOf, rows);
}

// ----------------------------------------------------------------------------------- people list

export interface PeopleQuery {
  unit?: string;
  hamlet?: string;
  outcome?: FieldPeopleOutcomeFilter;
  limit?: number;
  offset?: number;
}

/** Rows a CSV export may hold: far above a province's lists of one outcome, low enough for memory. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * The people of the coordinator's part of the list with their current outcome, filtered by unit,
 * hamlet and outcome; `all` = every matching row (the CSV export), else one page. Seed 003 V.2.d asks
 * for "danh sách xác nhận sau khi đã kích hoạt thành công và danh sách không có mặt, danh sách công
 * dân không đủ điều kiện": the police and the commune act on those lists. field.manage in scope; a
 * unit outside it is not disclosed (404). Each read is audited: it hands out names of citizens.
 */
export async function listPeople(db: Db, ctx: FieldContext, ref: string, q: PeopleQuery, all = false): Promise<FieldPeopleList> {
  const access = await campaignAccess(db, ctx.actor, ref, 'field.manage');
  let path = access.scopePath;
  let unitCode: string | null = null;
  if (q.unit) {
    unitCode = q.unit.trim().toUpperCase();
    const unit = (await findUnitByCode(db, unitCode, vnToday(ctx.now))) ?? (await findUnitByCode(db, unitCode, access.campaign.window_start));
    // Outside the caller's part of the campaign: the same answer as a unit that does not exist.
    if (!unit || !(unit.path.startsWith(access.scopePath) || access.scopePath.startsWith(unit.path)))
      throw errors.notFound(`đơn vị ${unitCode} trong phạm vi của bạn`, `Unit ${unitCode} in your scope`);
    path = unit.path.startsWith(access.scopePath) ? unit.path : access.scopePath;
  }
  const hamlet = q.hamlet === undefined ? undefined : tidy(q.hamlet) || undefined;
  const limit = all ? MAX_EXPORT_ROWS + 1 : (q.limit ?? 50);
  const offset = all ? 0 : (q.offset ?? 0);
  const { total, rows } = await repo.peopleList(db, access.campaign.id, { unitPath: path, hamlet, outcome: q.outcome }, { limit, offset });
  if (all && total > MAX_EXPORT_ROWS)
    throw errors.validation([{ field: 'unit', message: `tối đa ${MAX_EXPORT_ROWS} người một tệp` }], `Danh sách có ${total} người: lọc theo xã, ấp hoặc kết quả để tải từng phần.`);
  await recordAudit(db, {
    actor: ctx.actor,
    action: all ? 'field.people.export' : 'field.people.read',
    target: `campaign:${access.campaign.code}`,
    unitId: ctx.actor!.unitId,
    requestId: ctx.requestId,
    details: { unit: unitCode, hamlet: hamlet ?? null, outcome: q.outcome ?? null, offset, people: rows.length, total },
  });
  return { total, limit: all ? rows.length : limit, offset, items: rows.map(presentPersonRow) };
}
