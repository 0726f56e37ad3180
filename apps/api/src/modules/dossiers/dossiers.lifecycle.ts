/**
 * The transitions after receipt (DESIGN §3.3): assign, transfer, process, supplement pause, payment,
 * decision, result, return, withdrawal, apology, and the applicant's rating and complaint. Each one
 * checks role, unit scope, version and status through `loadForAction` and writes through `commit`.
 */
import {
  type ApologyAction,
  type AssignAction,
  type DossierStatus,
  type IssueResultAction,
  type PaymentAction,
  type RatingAction,
  type TransferAction,
  type VersionOnly,
  type WithOptionalNote,
  type WithReason,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { formatVn, parseInstant } from '../calendar/calendar.dates.ts';
import { getProcedure } from '../catalog/catalog.service.ts';
import { findStaffById } from '../staff/staff.service.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { issueSignedResult } from '../results/results.service.ts';
import { openChainedDossiers } from './dossiers.chain.ts';
import { commit, loadForAction, OPEN_STATUSES, reasonOf, type ActionContext } from './dossiers.core.ts';
import { shiftForPause } from './dossiers.due.ts';
import { checkHandlingUnit } from './dossiers.intake.ts';
import type { DossierPatch, DossierRow } from './dossiers.repo.ts';

const DECIDED: readonly DossierStatus[] = ['approved', 'refused', 'result_issued', 'returned'];
export const ASSIGNABLE_ROLES = ['processor', 'approver'] as const;

/** Gives the dossier to an officer of the handling unit (or a unit under it) who can process or decide. */
export async function assign(db: Db, ctx: ActionContext, code: string, body: AssignAction): Promise<DossierRow> {
  const { row, unit } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.assign'], from: OPEN_STATUSES, what: 'phân công' });
  const staff = await findStaffById(db, body.staffId);
  if (!staff || !staff.active || !staff.unit_path.startsWith(unit.path) || !staff.roles.some((r) => (ASSIGNABLE_ROLES as readonly string[]).includes(r))) {
    throw errors.validation(
      [{ field: 'staffId', message: 'không phải cán bộ xử lý của đơn vị' }],
      `Chỉ giao hồ sơ cho chuyên viên hoặc lãnh đạo đang làm việc tại ${unit.name}.`,
    );
  }
  return commit(db, ctx, row, { action: 'assigned', patch: { assigned_staff_id: staff.id }, details: { staffId: staff.id, staffName: staff.full_name } });
}

/**
 * Sends the dossier to another unit of the province that handles the procedure. The old unit keeps
 * read access (past_unit_ids), so both see the transfer in the history; the assignment is cleared.
 */
export async function transfer(db: Db, ctx: ActionContext, code: string, body: TransferAction): Promise<DossierRow> {
  const { row, unit } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.assign'], from: OPEN_STATUSES, what: 'chuyển đơn vị' });
  const reason = reasonOf(body.reason);
  const target = await findUnitByCode(db, body.unitCode.trim().toUpperCase(), vnDateOf(ctx.now));
  const province = (path: string) => path.split('/')[1];
  if (!target || province(target.path) !== province(unit.path)) {
    throw errors.validation([{ field: 'unitCode', message: 'không có đơn vị này' }], `Không có đơn vị mã ${body.unitCode} trong tỉnh để chuyển hồ sơ đến.`);
  }
  if (target.id === unit.id) throw errors.validation([{ field: 'unitCode', message: 'trùng đơn vị hiện tại' }], 'Hồ sơ đang ở chính đơn vị này.');
  await checkHandlingUnit(db, await getProcedure(db, row.procedure_code), target, vnDateOf(ctx.now));
  const past = [...new Set([...(row.past_unit_ids ?? []).map(Number), unit.id])];
  return commit(db, ctx, row, {
    action: 'transferred',
    reason,
    patch: { handling_unit_id: target.id, past_unit_ids: past, assigned_staff_id: null },
    details: { fromUnit: unit.code, toUnit: target.code, toUnitName: target.name },
  });
}

/** A processor takes the dossier up; unassigned dossiers become theirs. */
export async function start(db: Db, ctx: ActionContext, code: string, body: VersionOnly): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.process'], from: ['received'], what: 'bắt đầu xử lý' });
  return commit(db, ctx, row, { action: 'started', to: 'in_progress', patch: { assigned_staff_id: row.assigned_staff_id ?? ctx.actor!.staffId } });
}

/** Asks the applicant for a supplement: the clock stops until it arrives; every request is counted. */
export async function requestSupplement(db: Db, ctx: ActionContext, code: string, body: WithReason): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, {
    code,
    version: body.version,
    actions: ['dossier.process', 'dossier.intake'],
    from: ['in_progress'],
    what: 'yêu cầu bổ sung',
  });
  const count = row.supplement_requests + 1;
  return commit(db, ctx, row, {
    action: 'supplement_requested',
    to: 'supplement_requested',
    reason: reasonOf(body.reason),
    patch: { paused_since: ctx.now, supplement_requests: count },
    details: { supplementRequests: count },
  });
}

/** Resume after a pause: the promised date moves by the working days the applicant took. */
async function resumePatch(db: Db, ctx: ActionContext, row: DossierRow): Promise<{ patch: DossierPatch; details: Record<string, unknown> }> {
  // An imported dossier may be paused without a known start: its due date is already final.
  if (!row.paused_since || !row.due_at) return { patch: { paused_since: null }, details: { waitedWorkingDays: null } };
  const shift = await shiftForPause(db, row.paused_since, ctx.now, row.due_at, ctx.officeHoursEnd);
  return {
    patch: { paused_since: null, due_at: shift.dueAt },
    details: { waitedWorkingDays: shift.waitedWorkingDays, previousDueAt: formatVn(row.due_at), dueAt: formatVn(shift.dueAt) },
  };
}

export async function provideSupplement(db: Db, ctx: ActionContext, code: string, body: WithOptionalNote): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, {
    code,
    version: body.version,
    actions: ['dossier.intake', 'dossier.process'],
    from: ['supplement_requested'],
    what: 'ghi nhận bổ sung',
  });
  const { patch, details } = await resumePatch(db, ctx, row);
  return commit(db, ctx, row, { action: 'supplement_provided', to: 'in_progress', reason: body.note?.trim() || null, patch, details });
}

/** The processor asks for the fee before deciding (the optional awaiting_payment step). */
export async function requestPayment(db: Db, ctx: ActionContext, code: string, body: VersionOnly): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.process'], from: ['in_progress'], what: 'yêu cầu nộp phí' });
  if (row.fee_vnd <= 0) throw errors.validation([{ field: 'feeVnd', message: 'không thu phí' }], 'Hồ sơ này không có lệ phí phải nộp.');
  if (row.paid !== 'none') throw errors.conflict('Hồ sơ đã được ghi nhận nộp phí.', 'The fee is already paid.', { reason: 'already_paid' });
  return commit(db, ctx, row, { action: 'payment_requested', to: 'awaiting_payment', details: { feeVnd: row.fee_vnd } });
}

/** Records the payment of the fee; a dossier waiting for it goes back to processing. */
export async function recordPayment(db: Db, ctx: ActionContext, code: string, body: PaymentAction): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, {
    code,
    version: body.version,
    actions: ['dossier.intake'],
    from: ['submitted', ...OPEN_STATUSES, 'approved', 'result_issued'],
    what: 'ghi nhận nộp phí',
  });
  if (row.fee_vnd <= 0) throw errors.validation([{ field: 'method', message: 'không thu phí' }], 'Hồ sơ này không có lệ phí phải nộp.');
  if (row.paid !== 'none') throw errors.conflict('Hồ sơ đã được ghi nhận nộp phí.', 'The fee is already paid.', { reason: 'already_paid' });
  return commit(db, ctx, row, {
    action: 'paid',
    to: row.status === 'awaiting_payment' ? 'in_progress' : row.status,
    patch: { paid: body.method },
    details: { method: body.method, feeVnd: row.fee_vnd },
  });
}

export async function approve(db: Db, ctx: ActionContext, code: string, body: VersionOnly): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.decide'], from: ['in_progress'], what: 'phê duyệt' });
  return commit(db, ctx, row, { action: 'approved', to: 'approved', patch: { finished_at: row.finished_at ?? ctx.now } });
}

/** Refusal, also while a supplement never came; the wait is taken out of the promised date first. */
export async function refuse(db: Db, ctx: ActionContext, code: string, body: WithReason): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, {
    code,
    version: body.version,
    actions: ['dossier.decide'],
    from: ['in_progress', 'supplement_requested', 'awaiting_payment'],
    what: 'từ chối giải quyết',
  });
  const reason = reasonOf(body.reason);
  const resumed = row.status === 'supplement_requested' ? await resumePatch(db, ctx, row) : { patch: {}, details: {} };
  return commit(db, ctx, row, {
    action: 'refused',
    to: 'refused',
    reason,
    patch: { ...resumed.patch, finished_at: row.finished_at ?? ctx.now },
    details: resumed.details,
  });
}

/**
 * Issues the result of a decision; an approved dossier of a chained procedure opens the next one. An
 * approved dossier with an electronic result gets its signed PDF with QR link in the same transaction
 * (docs/results.md); the event names the result.
 */
export async function issueResult(db: Db, ctx: ActionContext, code: string, body: IssueResultAction): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.decide'], from: ['approved', 'refused'], what: 'cấp kết quả' });
  const signed = row.status === 'approved' && body.digitizedResult ? await issueSignedResult(db, ctx, row) : null;
  const after = await commit(db, ctx, row, {
    action: 'result_issued',
    to: 'result_issued',
    patch: { digitized_result: body.digitizedResult },
    details: { digitizedResult: body.digitizedResult, decision: row.status, ...(signed ? { resultId: signed.id, resultNumber: signed.number } : {}) },
  });
  if (row.status === 'approved') await openChainedDossiers(db, ctx, after);
  return after;
}

export async function returnResult(db: Db, ctx: ActionContext, code: string, body: VersionOnly): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.intake'], from: ['result_issued'], what: 'trả kết quả' });
  return commit(db, ctx, row, { action: 'returned', to: 'returned' });
}

/** The applicant withdraws before a decision; the dossier leaves the indicators (docs/dossiers.md). */
export async function withdraw(db: Db, ctx: ActionContext, code: string, body: WithReason): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, {
    code,
    version: body.version,
    actions: ['dossier.intake'],
    from: ['submitted', ...OPEN_STATUSES],
    what: 'rút hồ sơ',
  });
  return commit(db, ctx, row, { action: 'withdrawn', to: 'withdrawn', reason: reasonOf(body.reason), patch: { paused_since: null } });
}

/**
 * Registers an apology letter with a new promised date. The due date does not move: the dossier
 * still counts as late against it (DESIGN §3.3, seed 001).
 */
export async function registerApology(db: Db, ctx: ActionContext, code: string, body: ApologyAction): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.decide'], from: OPEN_STATUSES, what: 'gửi thư xin lỗi' });
  const reason = reasonOf(body.reason);
  const newDue = parseInstant(body.newDueAt);
  if (!newDue) throw errors.validation([{ field: 'newDueAt', message: 'không phải thời điểm hợp lệ' }], 'Ngày hẹn mới không hợp lệ.');
  const floor = [row.due_at, row.apology_due_at, ctx.now].filter((d): d is Date => d !== null).reduce((a, b) => (a > b ? a : b));
  if (newDue <= floor) {
    throw errors.validation(
      [{ field: 'newDueAt', message: 'phải sau ngày hẹn hiện tại' }],
      `Ngày hẹn mới phải sau ${formatVn(floor)} (ngày hẹn hiện tại, thư xin lỗi trước và thời điểm hiện tại).`,
    );
  }
  return commit(db, ctx, row, {
    action: 'apology',
    reason,
    patch: { apology_due_at: newDue },
    details: { newDueAt: formatVn(newDue), dueAt: row.due_at ? formatVn(row.due_at) : null },
  });
}

/** The applicant's rating of a decided dossier, recorded by the desk (the citizen portal comes later). */
export async function rate(db: Db, ctx: ActionContext, code: string, body: RatingAction): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.intake'], from: DECIDED, what: 'ghi nhận đánh giá' });
  return commit(db, ctx, row, { action: 'rated', patch: { rating: body.rating }, details: { rating: body.rating } });
}

/** A complaint (phản ánh, kiến nghị) about a received dossier; it marks the dossier as not satisfying. */
export async function complain(db: Db, ctx: ActionContext, code: string, body: WithReason): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, {
    code,
    version: body.version,
    actions: ['dossier.intake'],
    from: [...OPEN_STATUSES, ...DECIDED],
    what: 'ghi nhận phản ánh',
  });
  return commit(db, ctx, row, { action: 'complaint', reason: reasonOf(body.reason), patch: { complaint: true } });
}
