/**
 * The carriers' support to the people who standardise subscriber information, per staff member and
 * unit per month (seed 000 V.2: "Các doanh nghiệp viễn thông di động chủ động bố trí kinh phí hỗ trợ
 * nhân sự thực hiện chuẩn hóa TTTB … với mức hỗ trợ tối thiểu: 10.000 đồng/lượt chuẩn hóa TTTB thành
 * công"). The subscriber's carrier (the record's carrier, after any porting) pays for its success.
 * Rates per carrier live in desk_payout_rates with a start date; the database refuses a rate below
 * the seed's minimum, and without a rate the minimum applies. Money is whole đồng.
 */
import {
  DESK_MIN_PAYOUT_VND,
  MOBILE_CARRIERS,
  type DeskPayoutRate,
  type DeskPayoutRateInput,
  type DeskPayoutRateList,
  type DeskPayoutReport,
  type DeskPayoutRow,
  type MobileCarrier,
} from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnToday } from '../../shared/dates.ts';
import type { Actor } from '../../shared/policy.ts';
import * as repo from './desk.repo.ts';
import { monthRange, type DeskContext } from './desk.service.ts';
import { carrierOfActor, provincePathOf, readPaths, unitByPath, unitInScope, type ScopedUnit } from './desk.scope.ts';

export const SEED_MINIMUM_SOURCE = 'Mức tối thiểu, KH hỗ trợ chuẩn hóa TTTB (seed 000) mục V.2';

export interface PayoutQuery {
  month: string;
  carrier?: MobileCarrier;
  unit?: string;
}

/**
 * Whose payout the actor reads: desk.read roles their scope; a carrier's reporter its own carrier in
 * the whole province (asking for another carrier is refused).
 */
async function payoutScope(db: Db, actor: Actor, q: PayoutQuery): Promise<{ unit: ScopedUnit; carrier?: MobileCarrier }> {
  const paths = await readPaths(db, actor);
  if (paths.length > 0) return { unit: await unitInScope(db, paths, q.unit), carrier: q.carrier };
  const own = carrierOfActor(actor);
  if (!own || (q.carrier && q.carrier !== own)) throw errors.forbidden({ action: 'desk.read' });
  const province = provincePathOf(actor.unitPath);
  return { unit: await unitInScope(db, [province], q.unit), carrier: own };
}

export async function payoutReport(db: Db, ctx: DeskContext, q: PayoutQuery): Promise<DeskPayoutReport> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const { from, to } = monthRange(q.month);
  const scope = await payoutScope(db, actor, q);
  const groups = await repo.payoutGroups(db, { unitPath: scope.unit.path, from, to, carrier: scope.carrier });
  return {
    month: q.month,
    carrier: scope.carrier ?? null,
    rates: await ratesOfMonth(db, from, to, scope.carrier, groups),
    rows: withSubtotals(groups),
    total: { successes: sum(groups, 'successes'), amountVnd: sum(groups, 'amount_vnd') },
  };
}

const sum = (rows: repo.PayoutGroupRow[], k: 'successes' | 'amount_vnd') => rows.reduce((s, r) => s + r[k], 0);

/** Staff rows in unit and carrier order, each unit–carrier group closed by its total (staff = null). */
export function withSubtotals(groups: repo.PayoutGroupRow[]): DeskPayoutRow[] {
  const out: DeskPayoutRow[] = [];
  const flush = (g: repo.PayoutGroupRow[]) => {
    const first = g[0];
    if (!first) return;
    const successes = sum(g, 'successes');
    const amountVnd = sum(g, 'amount_vnd');
    const one = g.every((r) => r.min_rate === first.min_rate && r.max_rate === first.min_rate);
    out.push({ unit: { code: first.unit_code, name: first.unit_name }, carrier: first.carrier as MobileCarrier, staff: null, successes, rateVnd: one ? first.min_rate : null, amountVnd });
  };
  let group: repo.PayoutGroupRow[] = [];
  for (const r of groups) {
    if (group[0] && (group[0].unit_id !== r.unit_id || group[0].carrier !== r.carrier)) {
      flush(group);
      group = [];
    }
    group.push(r);
    out.push({
      unit: { code: r.unit_code, name: r.unit_name },
      carrier: r.carrier as MobileCarrier,
      staff: { id: r.staff_id, name: r.staff_name, username: r.username },
      successes: r.successes,
      rateVnd: r.min_rate === r.max_rate ? r.min_rate : null,
      amountVnd: r.amount_vnd,
    });
  }
  flush(group);
  return out;
}

/** Rates in force during the month for the carriers in the report (the seed's minimum where none is stored). */
async function ratesOfMonth(db: Db, from: string, to: string, carrier: MobileCarrier | undefined, groups: repo.PayoutGroupRow[]): Promise<DeskPayoutRate[]> {
  const stored = (await repo.ratesDuring(db, from, to)).filter((r) => !carrier || r.carrier === carrier);
  const carriers = new Set<string>([...groups.map((g) => g.carrier), ...stored.map((r) => r.carrier)]);
  if (carrier) carriers.add(carrier);
  const out: DeskPayoutRate[] = [];
  for (const c of MOBILE_CARRIERS.filter((c) => carriers.has(c))) {
    const own = stored.filter((r) => r.carrier === c);
    // Before the first stored rate of the month (or without any), the seed's minimum applies.
    if (own.length === 0 || own[0]!.valid_from > from) out.push({ carrier: c, validFrom: null, amountVnd: DESK_MIN_PAYOUT_VND, source: SEED_MINIMUM_SOURCE });
    for (const r of own) out.push({ carrier: c, validFrom: r.valid_from, amountVnd: r.amount_vnd, source: r.source });
  }
  return out;
}

/** The carriers whose rate the actor may set: a province administrator any, a carrier's reporter its own. */
export function settableCarriers(actor: Actor): MobileCarrier[] {
  if (actor.roles.includes('admin') && provincePathOf(actor.unitPath) === actor.unitPath) return [...MOBILE_CARRIERS];
  const own = carrierOfActor(actor);
  return own ? [own] : [];
}

/**
 * The stored rates with their history (every start date, oldest first per carrier) and the one in
 * force today. desk.read roles see every carrier's; a carrier's reporter only its own — each carrier
 * decides its support itself, another's is not its business.
 */
export async function listRates(db: Db, ctx: DeskContext): Promise<DeskPayoutRateList> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const reads = (await readPaths(db, actor)).length > 0;
  const own = carrierOfActor(actor);
  if (!reads && !own) throw errors.forbidden({ action: 'desk.read' });
  const rows = await repo.listRates(db, reads ? undefined : own!);
  const today = vnToday(ctx.now);
  // The rate in force today: per carrier, the latest start on or before today.
  const current = new Map<string, string>();
  for (const r of rows) if (r.valid_from <= today) current.set(r.carrier, r.valid_from);
  return {
    items: rows.map((r) => ({
      carrier: r.carrier as MobileCarrier,
      validFrom: r.valid_from,
      amountVnd: r.amount_vnd,
      source: r.source,
      inForce: current.get(r.carrier) === r.valid_from,
      updatedAt: new Date(r.updated_at).toISOString(),
      updatedBy: r.updated_by_name,
    })),
    minimumVnd: DESK_MIN_PAYOUT_VND,
    settable: settableCarriers(actor),
  };
}

/**
 * Sets a carrier's rate from a date. The carrier decides its own support ("chủ động bố trí kinh phí"),
 * so its reporter sets its own rate; the province's administrator may set any. Never below 10,000 đ.
 */
export async function setRate(db: Db, ctx: DeskContext, input: DeskPayoutRateInput): Promise<DeskPayoutRate> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  if (!settableCarriers(actor).includes(input.carrier)) throw errors.forbidden({ action: 'desk.rate' });
  if (input.amountVnd < DESK_MIN_PAYOUT_VND)
    throw errors.validation([{ field: 'amountVnd', message: 'Mức hỗ trợ tối thiểu 10.000 đồng/lượt (KH seed 000 mục V.2)' }]);
  const source = (input.source ?? '').normalize('NFC').trim();
  await repo.upsertRate(db, { carrier: input.carrier, valid_from: input.validFrom, amount_vnd: input.amountVnd, source, updated_by: actor.staffId });
  const province = await unitByPath(db, provincePathOf(actor.unitPath));
  await recordAudit(db, { actor, action: 'desk.rate.set', target: `desk_rate:${input.carrier}:${input.validFrom}`, unitId: province.id, requestId: ctx.requestId, details: { amountVnd: input.amountVnd } });
  return { carrier: input.carrier, validFrom: input.validFrom, amountVnd: input.amountVnd, source };
}
