/**
 * Desk support records (seed 000 IV.2.b: "Thực hiện chuẩn hóa TTTB trực tiếp tại điểm cung cấp dịch vụ
 * công, điểm cung cấp dịch vụ viễn thông"): an intake officer records each standardisation; lists are
 * masked; reading a record unmasked is audited (Decree 13/2023, DESIGN §4.3).
 */
import { DESK_MONTH_PATTERN, type DeskRecordInput, type DeskRecordList, type DeskRecordView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { authorize, inSubtree, type Actor } from '../../shared/policy.ts';
import { addDays } from '../calendar/calendar.dates.ts';
import { presentRecord } from './desk.presenter.ts';
import * as repo from './desk.repo.ts';
import { checkRecordInput } from './desk.rules.ts';
import { hasAction, readPaths, unitInScope } from './desk.scope.ts';

export interface DeskContext {
  actor: Actor | null;
  now: Date;
  requestId?: string;
}

/** How far back an officer may date a record: a desk catches up at the end of the week, not later. */
export const BACKDATE_DAYS = 7;
// A phone's clock a little ahead of the server's is not a record "in the future".
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Stores one standardisation for the officer's own unit and links it to the subscriber-verification
 * campaigns covering that unit on that date. The same idempotency key from the same officer returns
 * the record already stored (created = false) instead of a second one.
 */
export async function recordStandardisation(db: Db, ctx: DeskContext, input: DeskRecordInput): Promise<{ view: DeskRecordView; created: boolean }> {
  const actor = ctx.actor;
  authorize(actor, 'desk.record', { unitPath: actor?.unitPath ?? '' });
  const checked = checkRecordInput(input);
  const at = input.recordedAt ? new Date(input.recordedAt) : ctx.now;
  const issues = checked.ok ? [] : [...checked.issues];
  if (at.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) issues.push({ field: 'recordedAt', message: 'Thời điểm thực hiện không được sau hiện tại' });
  else if (vnDateOf(at) < addDays(vnDateOf(ctx.now), -BACKDATE_DAYS))
    issues.push({ field: 'recordedAt', message: `Chỉ ghi nhận lượt thực hiện trong ${BACKDATE_DAYS} ngày gần đây` });
  if (!checked.ok || issues.length > 0) throw errors.validation(issues, issues.map((i) => i.message).join('. ') + '.');

  const v = checked.value;
  const recordedOn = vnDateOf(at);
  const { id, created } = await repo.insertRecord(db, {
    staff_id: actor.staffId,
    unit_id: actor.unitId,
    recorded_on: recordedOn,
    recorded_at: at,
    phone: v.phone,
    detected_carrier: v.detectedCarrier,
    carrier: v.carrier,
    carrier_override: v.carrierOverride,
    id_kind: v.idKind,
    id_number: v.idNumber,
    place_kind: input.placeKind,
    result: input.result,
    failure_reason: v.failureReason,
    idempotency_key: input.idempotencyKey,
  });
  if (created) {
    await repo.linkCampaigns(db, id, await repo.campaignsCovering(db, actor.unitPath, recordedOn));
    await recordAudit(db, { actor, action: 'desk.record.create', target: `desk_record:${id}`, unitId: actor.unitId, requestId: ctx.requestId });
  }
  const row = await repo.findRecord(db, id);
  return { view: presentRecord(row!, { masked: true }), created };
}

export interface ListQuery {
  unit?: string;
  month?: string;
  date?: string;
  staff?: number;
  limit?: number;
  offset?: number;
}

/** Month 'YYYY-MM' → first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  if (!new RegExp(DESK_MONTH_PATTERN).test(month)) throw errors.validation([{ field: 'month', message: 'Tháng dạng YYYY-MM' }]);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Records, masked. desk.read roles read their scope (desk.scope.ts); an officer with desk.record only
 * reads their own records, and asking for another officer's or another unit's is refused.
 */
export async function listRecords(db: Db, ctx: DeskContext, q: ListQuery): Promise<DeskRecordList> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const range = q.date ? { from: q.date, to: q.date } : q.month ? monthRange(q.month) : {};
  const page = { limit: q.limit ?? 50, offset: q.offset ?? 0 };
  let filter: repo.RecordFilter;
  if (hasAction(actor, 'desk.read')) {
    const unit = await unitInScope(db, await readPaths(db, actor), q.unit);
    filter = { unitPath: unit.path, staffId: q.staff, ...range, ...page };
  } else if (hasAction(actor, 'desk.record')) {
    if ((q.staff !== undefined && q.staff !== actor.staffId) || (q.unit !== undefined && q.unit !== actor.unitCode))
      throw errors.forbidden({ action: 'desk.read' });
    filter = { unitPath: actor.unitPath, staffId: actor.staffId, ...range, ...page };
  } else {
    throw errors.forbidden({ action: 'desk.read' });
  }
  const { rows, total, successes } = await repo.listRecords(db, filter);
  return { items: rows.map((r) => presentRecord(r, { masked: true })), total, successes };
}

/**
 * One record with the phone and ID number in clear, for the officer who recorded it or a desk.read
 * role whose scope holds its unit; every such read is audited. Out of scope: 404 (not disclosed).
 */
export async function getRecord(db: Db, ctx: DeskContext, id: number): Promise<DeskRecordView> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const row = await repo.findRecord(db, id);
  const own = row !== undefined && Number(row.staff_id) === actor.staffId;
  const inScope = row !== undefined && (await readPaths(db, actor)).some((p) => inSubtree(p, row.unit_path));
  if (!row || !(own || inScope)) throw errors.notFound(`lượt hỗ trợ ${id}`, `Desk record ${id}`);
  await recordAudit(db, {
    actor,
    action: 'desk.record.read',
    target: `desk_record:${id}`,
    unitId: Number(row.unit_id),
    requestId: ctx.requestId,
    details: { fields: ['phone', 'id_number'] },
  });
  return presentRecord(row, { masked: false });
}
