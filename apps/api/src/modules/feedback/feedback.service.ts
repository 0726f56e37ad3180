/**
 * Phản ánh, kiến nghị (DESIGN §3.7: "Q&A and feedback with their own deadlines"). A citizen writes
 * about one of their dossiers or to a unit; the unit in charge answers within FEEDBACK_WORKING_DAYS
 * working days on the province's calendar. Feedback about a dossier marks it complained about, which
 * takes it out of the satisfied count (DESIGN §4.2). Knows no HTTP.
 */
import type { FeedbackAnswer, FeedbackList, FeedbackStaffList, FeedbackStaffView, FeedbackStatus, FeedbackSubmission, FeedbackView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { authorize, can, type Actor, type CitizenActor } from '../../shared/policy.ts';
import { parseInstant } from '../calendar/calendar.dates.ts';
import { computeDueDate } from '../calendar/calendar.service.ts';
import { complainAsCitizen, type ActionContext } from '../dossiers/dossiers.service.ts';
import { getUnit } from '../units/units.service.ts';
import { presentFeedback, presentForStaff } from './feedback.presenter.ts';
import * as repo from './feedback.repo.ts';

/**
 * Working days a unit has to answer. Neither DESIGN nor the seed plans give a time limit for
 * phản ánh, kiến nghị; this is the 10 working days of Decree 20/2008/NĐ-CP on receiving and handling
 * citizens' feedback on administrative regulations (docs/feedback.md).
 */
export const FEEDBACK_WORKING_DAYS = 10;

export interface CitizenContext {
  citizen: CitizenActor;
  now: Date;
  officeHoursEnd: string;
  requestId?: string;
}

export interface StaffContext {
  actor: Actor | null;
  now: Date;
  requestId?: string;
}

const notFoundFeedback = (id: number) => errors.notFound(`phản ánh, kiến nghị số ${id}`, `Feedback ${id}`, { id });

function text(s: string, field: string, what: string): string {
  const t = s.normalize('NFC').trim();
  if (!t) throw errors.validation([{ field, message: 'không được để trống' }], `Nhập ${what}.`);
  return t;
}

/** Due at the end of office hours of the N-th working day after receipt (DESIGN §4.1 counting). */
async function dueFor(db: Db, receivedAt: Date, officeHoursEnd: string): Promise<Date> {
  const due = await computeDueDate(db, receivedAt, FEEDBACK_WORKING_DAYS, officeHoursEnd);
  const at = parseInstant(due.dueAt);
  if (!at) throw new Error(`calendar gave an unreadable due date ${due.dueAt}`);
  return at;
}

/**
 * Files a citizen's phản ánh or kiến nghị; runs in the caller's transaction so the complaint mark on
 * the dossier commits with it. About a dossier: only the citizen's own (otherwise NOT_FOUND), and the
 * dossier's handling unit answers; otherwise the unit the citizen names.
 */
export async function submitFeedback(db: Db, ctx: CitizenContext, body: FeedbackSubmission): Promise<FeedbackView> {
  const content = text(body.content, 'content', 'nội dung phản ánh, kiến nghị');
  let unitId: number;
  let dossierId: number | null = null;
  if (body.dossierCode) {
    const actx: ActionContext = { actor: null, citizen: ctx.citizen, now: ctx.now, officeHoursEnd: ctx.officeHoursEnd, requestId: ctx.requestId };
    const dossier = await complainAsCitizen(db, actx, body.dossierCode.trim(), { kind: body.kind });
    unitId = Number(dossier.handling_unit_id);
    dossierId = dossier.id;
  } else if (body.unitCode) {
    unitId = (await getUnit(db, body.unitCode.trim(), vnDateOf(ctx.now))).id;
  } else {
    throw errors.validation([{ field: 'unitCode', message: 'bắt buộc khi không có mã hồ sơ' }], 'Chọn hồ sơ hoặc đơn vị nhận phản ánh, kiến nghị.');
  }
  const id = await repo.insertFeedback(db, {
    kind: body.kind,
    citizen_id: ctx.citizen.citizenId,
    dossier_id: dossierId,
    unit_id: unitId,
    content,
    status: 'received',
    received_at: ctx.now,
    due_at: await dueFor(db, ctx.now, ctx.officeHoursEnd),
  });
  return presentFeedback((await repo.findWithNames(db, id))!, ctx.now);
}

/** The citizen's own feedback, newest first. */
export async function listOwnFeedback(db: Db, citizen: CitizenActor, page: { limit: number; offset: number }, now: Date): Promise<FeedbackList> {
  const { rows, total } = await repo.listForCitizen(db, citizen.citizenId, page);
  return { items: rows.map((r) => presentFeedback(r, now)), total };
}

export interface StaffListQuery {
  unit?: string;
  status?: FeedbackStatus;
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * Feedback a unit's subtree must answer (the actor's own unit by default), nearest deadline first;
 * senders' names masked. The read is audited: the content is the citizens' own words.
 */
export async function listFeedback(db: Db, ctx: StaffContext, q: StaffListQuery): Promise<FeedbackStaffList> {
  if (!ctx.actor) throw errors.unauthenticated();
  const unit = q.unit ? await getUnit(db, q.unit) : null;
  const unitPath = unit ? unit.path : ctx.actor.unitPath;
  authorize(ctx.actor, 'feedback.read', { unitPath });
  const { rows, total } = await repo.listForUnits(db, {
    unitPath,
    statuses: q.status ? [q.status] : undefined,
    overdueAt: q.overdue ? ctx.now : undefined,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  if (rows.length) {
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'feedback.list',
      target: `unit:${unit?.code ?? ctx.actor.unitCode}`,
      unitId: unit?.id ?? ctx.actor.unitId,
      requestId: ctx.requestId,
      details: { ids: rows.map((r) => Number(r.id)) },
    });
  }
  return { items: rows.map((r) => presentForStaff(r, ctx.now, { maskName: true })), total };
}

/** Loads feedback for staff: unknown and out-of-scope answer the same NOT_FOUND. */
async function loadForStaff(db: Db, actor: Actor | null, id: number) {
  if (!actor) throw errors.unauthenticated();
  const row = await repo.findWithNames(db, id);
  if (!row || !can(actor, 'feedback.read', { unitPath: row.unit_path })) throw notFoundFeedback(id);
  return row;
}

/** One feedback with the sender's name, for staff in scope; audited. */
export async function getFeedback(db: Db, ctx: StaffContext, id: number): Promise<FeedbackStaffView> {
  const row = await loadForStaff(db, ctx.actor, id);
  await recordAudit(db, { actor: ctx.actor, action: 'feedback.read', target: `feedback:${id}`, unitId: Number(row.unit_id), requestId: ctx.requestId });
  return presentForStaff(row, ctx.now, { maskName: false });
}

/** A change by staff: scope, then status guarded in SQL under the row lock. */
async function act(
  db: Db,
  ctx: StaffContext,
  id: number,
  t: { from: readonly FeedbackStatus[]; what: string; patch: Parameters<typeof repo.updateFeedback>[3] },
): Promise<FeedbackStaffView> {
  const before = await loadForStaff(db, ctx.actor, id);
  authorize(ctx.actor, 'feedback.answer', { unitPath: before.unit_path });
  await repo.lockFeedback(db, id);
  if (!(await repo.updateFeedback(db, id, t.from, t.patch))) {
    const current = (await repo.findWithNames(db, id))!;
    throw errors.conflict(
      `Không thể ${t.what} khi phản ánh, kiến nghị đang ở trạng thái "${current.status}".`,
      `Cannot ${t.what} feedback in status ${current.status}.`,
      { reason: 'invalid_status', id, status: current.status, allowedFrom: t.from },
    );
  }
  return presentForStaff((await repo.findWithNames(db, id))!, ctx.now, { maskName: false });
}

/** The unit takes the feedback up. */
export function startFeedback(db: Db, ctx: StaffContext, id: number): Promise<FeedbackStaffView> {
  return act(db, ctx, id, { from: ['received'], what: 'bắt đầu xử lý', patch: { status: 'in_progress' } });
}

/** The unit's answer, sent to the citizen (the answering official is recorded). */
export function answerFeedback(db: Db, ctx: StaffContext, id: number, body: FeedbackAnswer): Promise<FeedbackStaffView> {
  const answer = text(body.answer, 'answer', 'nội dung trả lời');
  return act(db, ctx, id, {
    from: ['received', 'in_progress'],
    what: 'trả lời',
    patch: { status: 'answered', answer, answered_at: ctx.now, answered_by: ctx.actor?.staffId ?? null },
  });
}

/** Closes answered feedback (nothing more to do). */
export function closeFeedback(db: Db, ctx: StaffContext, id: number): Promise<FeedbackStaffView> {
  return act(db, ctx, id, { from: ['answered'], what: 'kết thúc', patch: { status: 'closed', closed_at: ctx.now } });
}
