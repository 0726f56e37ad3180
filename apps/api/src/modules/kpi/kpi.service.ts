/**
 * Indicators (DESIGN §3.8, §4.2; docs/indicators.md). Dossier changes feed additive day counters in
 * their own transaction (applyDossierChange); reports sum those counters, never the dossiers; a
 * rebuild recomputes them from the dossiers' facts and says whether they agreed; months are frozen
 * and published. Knows no HTTP; throws domain errors.
 */
import type { KpiLevel, KpiPublishedMonth, KpiPublishedSummary, KpiReport } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnToday } from '../../shared/dates.ts';
import { authorize, type Actor } from '../../shared/policy.ts';
import { findUnitById, getUnit } from '../units/units.service.ts';
import { changeDeltas, netDeltas } from './kpi.contributions.ts';
import type { DossierFacts } from './kpi.facts.ts';
import { presentPublished, presentPublishedMonth } from './kpi.presenter.ts';
import { buildReport, checkPeriod, toReport, type ScopeUnit } from './kpi.report.ts';
import * as repo from './kpi.repo.ts';

export type { DossierFacts } from './kpi.facts.ts';
export type { CounterDifference } from './kpi.repo.ts';

/**
 * Keeps the indicator aggregates in step with one dossier change; call it in the same transaction as
 * the change, with the facts before (null when created) and after (null when deleted).
 */
export async function applyDossierChange(db: Db, before: DossierFacts | null, after: DossierFacts | null): Promise<void> {
  const deltas = changeDeltas(before, after);
  if (deltas.length) await repo.addDeltas(db, deltas);
}

export interface RebuildReport {
  /** True when the live counters equalled the recount (before they were replaced). */
  agreed: boolean;
  dossiers: number;
  /** (unit, day) rows whose counters differed. */
  differingRows: number;
  /** The differences, counter by counter, for the first rows (see `maxRows`). */
  differences: repo.CounterDifference[];
  replaced: boolean;
}

/**
 * Recounts the aggregates from the dossiers (`source`) and compares them with the live counters;
 * with `replace` (the default) the live counters are corrected to the recount.
 *
 * Outside a transaction nothing is locked: the recount runs in a REPEATABLE READ snapshot, where
 * the dossiers and the counters are consistent with each other because every dossier change writes
 * both in one transaction; the comparison is made in that snapshot. The correction (recount − the
 * snapshot's counters, usually nothing) is then added to the live counters in a short second
 * transaction with the increment-only upsert, which keeps whatever changed meanwhile. At 10 M
 * dossiers the previous design held an EXCLUSIVE lock on the counters for the whole ~10 min
 * recount, stopping every intake (docs/performance.md §4.2).
 *
 * Inside a caller's transaction (tests) the counters are locked and replaced as before.
 */
export async function rebuildAggregates(
  db: Db,
  source: (trx: Db) => AsyncIterable<DossierFacts[]>,
  opts: { replace?: boolean; maxRows?: number } = {},
): Promise<RebuildReport> {
  const replace = opts.replace ?? true;
  const recount = async (trx: Db) => {
    await repo.createRebuildTable(trx);
    let dossiers = 0;
    for await (const batch of source(trx)) {
      dossiers += batch.length;
      await repo.addDeltas(trx, netDeltas(batch.map((facts) => ({ facts, sign: 1 as const }))), 'kpi_rebuild');
    }
    const diff = await repo.diffRebuild(trx, opts.maxRows ?? 1_000);
    return { agreed: diff.rows === 0, dossiers, differingRows: diff.rows, differences: diff.differences };
  };
  if (db.isTransaction) {
    await repo.lockCounters(db);
    const report = await recount(db);
    if (replace) await repo.replaceFromRebuild(db);
    return { ...report, replaced: replace };
  }
  const { report, corrections } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const r = await recount(trx);
      return { report: r, corrections: replace && !r.agreed ? await repo.correctionsFromRebuild(trx) : null };
    });
  if (corrections) await db.transaction().execute((trx) => repo.applyCorrections(trx, corrections));
  return { ...report, replaced: replace };
}

/** A unit code is resolved on the last day of the period (codes were reused in 2025), or today if later. */
const resolveOn = (to: string) => {
  const today = vnToday();
  return to < today ? to : today;
};

const scopeOf = (u: ScopeUnit): ScopeUnit => ({
  id: Number(u.id),
  code: u.code,
  name: u.name,
  kind: u.kind,
  subtype: u.subtype,
  path: u.path,
});

export interface KpiQuery {
  from: string;
  to: string;
  unit?: string;
  level?: KpiLevel;
}

/**
 * GET /api/v1/kpi: with `unit`, one row for that unit's subtree (per `level` unit when given);
 * without, one row per handling unit of the actor's subtree plus the total. kpi.read in scope.
 */
export async function reportForActor(db: Db, actor: Actor | null, q: KpiQuery): Promise<KpiReport> {
  if (!actor) throw errors.unauthenticated();
  checkPeriod(q.from, q.to);
  let scope: ScopeUnit;
  if (q.unit) {
    scope = scopeOf(await getUnit(db, q.unit, resolveOn(q.to)));
  } else {
    const own = await findUnitById(db, actor.unitId);
    if (!own) throw errors.notFound(`đơn vị của cán bộ`, 'Actor unit');
    scope = scopeOf(own);
  }
  authorize(actor, 'kpi.read', { unitPath: scope.path });
  return toReport(await buildReport(db, scope, { from: q.from, to: q.to, level: q.level, single: !!q.unit && !q.level }));
}

/**
 * `motcua kpi`: the operator at the console sees the whole installation; without `unit` the scope is
 * the province of the configuration (as it is today).
 */
export async function reportForConsole(db: Db, provinceCode: string, q: KpiQuery): Promise<KpiReport> {
  checkPeriod(q.from, q.to);
  const scope = scopeOf(q.unit ? await getUnit(db, q.unit, resolveOn(q.to)) : await getUnit(db, provinceCode));
  return toReport(await buildReport(db, scope, { from: q.from, to: q.to, level: q.level, single: !!q.unit && !q.level }));
}

/** First and last day of a YYYY-MM month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Freezes a finished month's rows (every handling unit of the province with figures, plus the
 * total) and publishes them. kpi.publish at the province; a month is published once (CONFLICT).
 * Call inside a transaction.
 */
export async function publishMonth(
  db: Db,
  actor: Actor | null,
  month: string,
  ctx: { provinceCode: string; requestId?: string },
): Promise<KpiPublishedMonth> {
  const province = await getUnit(db, ctx.provinceCode);
  authorize(actor, 'kpi.publish', { unitPath: province.path });
  const { from, to } = monthBounds(month);
  if (to >= vnToday()) {
    throw errors.validation(
      [{ field: 'month', message: 'tháng chưa kết thúc' }],
      `Tháng ${month} chưa kết thúc: chỉ công bố số liệu của tháng đã qua.`,
    );
  }
  const conflict = () =>
    errors.conflict(`Số liệu tháng ${month} đã được công bố và không thể thay đổi.`, `Month ${month} is already published.`, {
      month,
    });
  if (await repo.findSnapshot(db, month)) throw conflict();
  const report = await buildReport(db, scopeOf(province), { from, to });
  const written = await repo.insertSnapshot(
    db,
    { month, from, to, scopeUnitId: Number(province.id), publishedBy: actor.staffId },
    report.rows,
  );
  if (!written) throw conflict();
  await recordAudit(db, {
    actor,
    action: 'kpi.publish',
    target: `kpi_snapshots/${month}`,
    unitId: Number(province.id),
    requestId: ctx.requestId,
    details: { month, rows: report.rows.length },
  });
  return getPublishedMonth(db, month);
}

/** Published months, newest first. Public. */
export async function listPublished(db: Db): Promise<KpiPublishedSummary[]> {
  return (await repo.listSnapshots(db)).map(presentPublished);
}

/** One published month's frozen rows; NOT_FOUND when not published. Public. */
export async function getPublishedMonth(db: Db, month: string): Promise<KpiPublishedMonth> {
  const s = await repo.findSnapshot(db, month);
  if (!s) throw errors.notFound(`số liệu công bố tháng ${month}`, `Published month ${month}`, { month });
  return presentPublishedMonth(s, await repo.snapshotRows(db, month));
}
