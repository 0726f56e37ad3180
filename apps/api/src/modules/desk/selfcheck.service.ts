/**
 * Officials' self-check of their own subscriber information (seed 002 IV.2.a and IV.3.a: "Yêu cầu 100%
 * CBCCVC-NLĐ chủ động tự kiểm tra (soạn tin nhắn TTTB [Số_CCCD] gửi 1414) và thực hiện xác thực thông
 * tin thuê bao di động nếu chưa trùng khớp"). Any staff member records their own; the latest on or
 * before a date counts. Compliant: matched, or mismatched and then fixed. The officials counted are the
 * active staff holding a role of the administration (not volunteers' or partners' accounts: they are
 * not CBCCVC-NLĐ of the unit).
 */
import type { ComplianceReport, MySelfCheck, Role, SelfCheckInput, SelfCheckResult, SelfCheckView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { vnToday } from '../../shared/dates.ts';
import { listActiveWithRoles } from '../staff/staff.service.ts';
import { presentSelfCheck } from './desk.presenter.ts';
import { readPaths, unitInScope } from './desk.scope.ts';
import type { DeskContext } from './desk.service.ts';
import * as repo from './selfcheck.repo.ts';

/** Roles of the administration's own officials (CBCCVC-NLĐ), the population of the 100% target. */
export const OFFICIAL_ROLES: readonly Role[] = ['admin', 'intake_officer', 'processor', 'approver', 'monitor', 'campaign_coordinator'];
export const COMPLIANT: readonly SelfCheckResult[] = ['matched', 'mismatched_fixed'];
/** Seed 002: 100% of officials. */
export const SELFCHECK_TARGET = 1;
// The 1414 check exists since the 2023 standardisation plan (seed 000); earlier dates are typos.
const EARLIEST = '2023-01-01';

export async function recordSelfCheck(db: Db, ctx: DeskContext, input: SelfCheckInput): Promise<SelfCheckView> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const today = vnToday(ctx.now);
  if (input.checkedOn > today) throw errors.validation([{ field: 'checkedOn', message: 'Ngày tự kiểm tra không được sau hôm nay' }], 'Ngày tự kiểm tra không được sau hôm nay.');
  if (input.checkedOn < EARLIEST) throw errors.validation([{ field: 'checkedOn', message: 'Ngày tự kiểm tra không hợp lệ' }], 'Ngày tự kiểm tra không hợp lệ.');
  const row = await repo.insertSelfCheck(db, { staff_id: actor.staffId, checked_on: input.checkedOn, result: input.result, carrier: input.carrier ?? null });
  return presentSelfCheck(row);
}

export async function mySelfCheck(db: Db, ctx: DeskContext): Promise<MySelfCheck> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const history = (await repo.listForStaff(db, actor.staffId)).map(presentSelfCheck);
  const latest = history[0] ?? null;
  return { latest, compliant: latest !== null && COMPLIANT.includes(latest.result), history };
}

export interface UnitCompliance {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitPath: string;
  staff: number;
  checked: number;
  pending: number;
}

/** Per unit of the subtree that has officials: how many, how many compliant on asOf, how many found a mismatch not yet fixed. */
export async function complianceOf(db: Db, scopePath: string, asOf: string): Promise<UnitCompliance[]> {
  const staff = await listActiveWithRoles(db, scopePath, OFFICIAL_ROLES);
  const latest = await repo.latestOf(db, staff.map((s) => s.id), asOf);
  const byUnit = new Map<number, UnitCompliance>();
  for (const s of staff) {
    const u = byUnit.get(s.unit_id) ?? { unitId: s.unit_id, unitCode: s.unit_code, unitName: s.unit_name, unitPath: s.unit_path, staff: 0, checked: 0, pending: 0 };
    const result = latest.get(s.id)?.result;
    u.staff++;
    if (result && COMPLIANT.includes(result)) u.checked++;
    if (result === 'mismatched_pending') u.pending++;
    byUnit.set(s.unit_id, u);
  }
  return [...byUnit.values()].sort((a, b) => (a.unitPath < b.unitPath ? -1 : a.unitPath > b.unitPath ? 1 : 0));
}

const rateOf = (checked: number, staff: number) => (staff === 0 ? null : checked / staff);

export async function complianceReport(db: Db, ctx: DeskContext, q: { unit?: string; asOf?: string }): Promise<ComplianceReport> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const unit = await unitInScope(db, await readPaths(db, actor), q.unit);
  const asOf = q.asOf ?? vnToday(ctx.now);
  const rows = await complianceOf(db, unit.path, asOf);
  const total = rows.reduce((t, r) => ({ staff: t.staff + r.staff, checked: t.checked + r.checked, pending: t.pending + r.pending }), { staff: 0, checked: 0, pending: 0 });
  return {
    asOf,
    unit: { code: unit.code, name: unit.name },
    target: SELFCHECK_TARGET,
    units: rows.map((r) => ({
      unit: { code: r.unitCode, name: r.unitName },
      staff: r.staff,
      checked: r.checked,
      pending: r.pending,
      rate: rateOf(r.checked, r.staff),
      met: r.checked >= r.staff * SELFCHECK_TARGET,
    })),
    total: { ...total, rate: rateOf(total.checked, total.staff) },
  };
}
