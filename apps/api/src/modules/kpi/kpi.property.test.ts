/**
 * Property: whatever sequence of lifecycle changes reaches applyDossierChange, (1) the live
 * aggregates answer every period exactly as the definitions computed over the dossiers would, and
 * (2) a rebuild from the final facts agrees with them row for row. A seeded PRNG drives the
 * changes, so a failure replays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { getUnit } from '../units/units.service.ts';
import { finishedOnTime } from './kpi.contributions.ts';
import type { DossierFacts } from './kpi.facts.ts';
import { reportForConsole, applyDossierChange, rebuildAggregates } from './kpi.service.ts';
import { mulberry32 } from './kpi.test-helpers.ts';

let sys: TestSystem;
let units: number[];
beforeAll(async () => {
  sys = await createTestSystem();
  units = await Promise.all(
    ['30307', '30313', '30316', '91.STP', '91.CA'].map(async (c) => (await getUnit(sys.database.db, c)).id),
  );
});
afterAll(async () => sys?.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-01-01T00:00:00+07:00');

function simulate(seed: number, operations: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Instants land on whole hours a third of the time, so "finished exactly at due" and midnight
  // boundaries happen often.
  const instant = (from: number, spanDays: number) => {
    const t = from + Math.floor(rnd() * spanDays * DAY);
    return new Date(rnd() < 0.33 ? t - (t % HOUR) : t);
  };
  const live = new Map<number, DossierFacts>();
  const changes: [DossierFacts | null, DossierFacts | null][] = [];
  let next = 1;
  for (let i = 0; i < operations; i++) {
    const ids = [...live.keys()];
    const id = ids.length && rnd() < 0.8 ? pick(ids) : next++;
    const before = live.get(id) ?? null;
    let after: DossierFacts | null;
    if (!before) {
      const receivedAt = instant(START, 120);
      after = {
        unitId: pick(units),
        channel: pick(['online', 'counter', 'post'] as const),
        receivedAt,
        dueAt: new Date(receivedAt.getTime() + Math.floor(rnd() * 15 * DAY) + (rnd() < 0.05 ? -2 * DAY : 0)),
        finishedAt: null,
        supplementRequests: 0,
        feeVnd: pick([0, 0, 15_000, 50_000]),
        paid: 'none',
        digitizedDossier: rnd() < 0.6,
        digitizedResult: false,
        reusedData: rnd() < 0.3,
        rating: null,
        complaint: false,
      };
    } else {
      const f = { ...before };
      switch (
        pick(['finish', 'finish', 'supplement', 'rate', 'complain', 'transfer', 'pay', 'reopen', 'delete', 'due'] as const)
      ) {
        case 'finish':
          f.finishedAt = rnd() < 0.15 ? f.dueAt : instant(f.receivedAt.getTime(), 20);
          f.digitizedResult = rnd() < 0.5;
          break;
        case 'supplement':
          f.supplementRequests += 1;
          f.dueAt = new Date(f.dueAt.getTime() + Math.floor(rnd() * 5) * DAY);
          break;
        case 'rate':
          f.rating = pick(['satisfied', 'neutral', 'unsatisfied', null] as const);
          break;
        case 'complain':
          f.complaint = !f.complaint;
          break;
        case 'transfer':
          f.unitId = pick(units);
          break;
        case 'pay':
          f.paid = pick(['online', 'counter', 'none'] as const);
          break;
        case 'reopen':
          f.finishedAt = null;
          break;
        case 'due':
          // Sometimes before receipt, as a bad import might have it.
          f.dueAt = instant(f.receivedAt.getTime() - 4 * DAY, 25);
          break;
        case 'delete':
          live.delete(id);
          changes.push([before, null]);
          continue;
      }
      after = f;
    }
    live.set(id, after);
    changes.push([before, after]);
  }
  return { changes, final: [...live.values()] };
}

/** The definitions of docs/indicators.md §1, evaluated instant by instant over the dossiers. */
function byDefinition(all: DossierFacts[], from: string, to: string) {
  const start = Date.parse(`${from}T00:00:00+07:00`);
  const end = Date.parse(`${to}T00:00:00+07:00`) + DAY;
  const inP = (d: Date | null) => d !== null && d.getTime() >= start && d.getTime() < end;
  const received = all.filter((f) => inP(f.receivedAt));
  const finished = all.filter((f) => inP(f.finishedAt));
  const fee = received.filter((f) => f.feeVnd > 0 && f.paid !== 'none');
  return {
    received: received.length,
    received_online: received.filter((f) => f.channel === 'online').length,
    finished: finished.length,
    finished_on_time: finished.filter(finishedOnTime).length,
    overdue_unfinished: all.filter(
      (f) => f.receivedAt.getTime() < end && (f.finishedAt === null || f.finishedAt.getTime() >= end) && f.dueAt.getTime() < end,
    ).length,
    digitized: received.filter((f) => f.digitizedDossier).length,
    reused: received.filter((f) => f.reusedData).length,
    fee: [fee.filter((f) => f.paid === 'online').length, fee.length],
    result: finished.filter((f) => f.digitizedResult).length,
    satisfied: finished.filter((f) => finishedOnTime(f) && f.rating !== 'unsatisfied' && !f.complaint).length,
  };
}

const r4 = (n: number, d: number) => (d === 0 ? null : Math.round((n * 10_000) / d) / 10_000);

describe('aggregates under random lifecycles', () => {
  it('answer every period as the definitions do, and a rebuild agrees exactly', async () => {
    const db = sys.database.db;
    const { changes, final } = simulate(20261123, 1_200);
    for (const [before, after] of changes) await db.transaction().execute((trx) => applyDossierChange(trx, before, after));

    const rnd = mulberry32(42);
    for (let i = 0; i < 40; i++) {
      const a = START + Math.floor(rnd() * 150) * DAY;
      const b = a + Math.floor(rnd() * (rnd() < 0.5 ? 3 : 60)) * DAY;
      const day = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
      const [from, to] = [day(a), day(b)];
      const e = byDefinition(final, from, to);
      const row = (await reportForConsole(db, '91', { from, to, unit: '91' })).rows[0]!;
      expect(row, `${from}..${to}`).toMatchObject({
        received: e.received,
        received_online: e.received_online,
        finished: e.finished,
        finished_on_time: e.finished_on_time,
        overdue_unfinished: e.overdue_unfinished,
        online_rate: r4(e.received_online, e.received),
        on_time_rate: r4(e.finished_on_time, e.finished + e.overdue_unfinished),
        digitized_rate: r4(e.digitized, e.received),
        result_digitized_rate: r4(e.result, e.finished),
        reuse_rate: r4(e.reused, e.received),
        payment_online_rate: r4(e.fee[0]!, e.fee[1]!),
        satisfaction_rate: r4(e.satisfied, e.finished),
      });
    }

    const batches = async function* () {
      for (let i = 0; i < final.length; i += 37) yield final.slice(i, i + 37);
    };
    const report = await rebuildAggregates(db, batches);
    expect(report).toMatchObject({ agreed: true, differingRows: 0, differences: [], dossiers: final.length });
  });

  it('reports drift when a caller passed a wrong "before", repairs it, and agrees afterwards', async () => {
    const db = sys.database.db;
    const { final } = simulate(20261123, 1_200);
    const victim = final[0]!;
    // A caller forgets the dossier was already counted and "creates" it a second time.
    await applyDossierChange(db, null, victim);
    const source = async function* () {
      yield final;
    };
    const first = await rebuildAggregates(db, source);
    expect(first.agreed).toBe(false);
    expect(first.differences).toContainEqual({
      table: 'kpi_daily',
      unitId: victim.unitId,
      day: new Date(victim.receivedAt.getTime() + 7 * HOUR).toISOString().slice(0, 10),
      counter: 'received',
      live: expect.any(Number),
      rebuilt: expect.any(Number),
    });
    for (const x of first.differences) expect(x.live - x.rebuilt).toBe(1);
    expect(await rebuildAggregates(db, source)).toMatchObject({ agreed: true, differingRows: 0 });
  });

  it('a dry run compares without replacing', async () => {
    const db = sys.database.db;
    const { final } = simulate(20261123, 1_200);
    await applyDossierChange(db, final[1]!, null);
    const source = async function* () {
      yield final;
    };
    const dry = await rebuildAggregates(db, source, { replace: false });
    expect(dry).toMatchObject({ agreed: false, replaced: false });
    expect((await rebuildAggregates(db, source, { replace: false })).agreed).toBe(false);
    expect((await rebuildAggregates(db, source)).agreed).toBe(false);
    expect((await rebuildAggregates(db, source)).agreed).toBe(true);
  });

  // Needs a second connection while the recount runs: PostgreSQL only (PGlite has one connection).
  it.runIf(process.env.DATABASE_URL)('repairs drift without blocking a change made during the recount, and keeps it', async () => {
    const db = sys.database.db;
    const { final } = simulate(777, 600);
    const [victim, extra] = [final[0]!, { ...final[1]!, unitId: units[2]! }];
    await applyDossierChange(db, null, victim); // drift: counted twice
    let changedDuringRecount = false;
    const source = async function* () {
      yield final.slice(0, 300);
      // With the old EXCLUSIVE lock this change would wait for the rebuild, which waits for it.
      await applyDossierChange(db, null, extra);
      changedDuringRecount = true;
      yield final.slice(300);
    };
    const report = await rebuildAggregates(db, source);
    expect(changedDuringRecount).toBe(true);
    expect(report).toMatchObject({ agreed: false, replaced: true });
    const withExtra = async function* () {
      yield [...final, extra];
    };
    expect(await rebuildAggregates(db, withExtra, { replace: false })).toMatchObject({ agreed: true, differingRows: 0 });
  });

  it('concurrent changes to the same day rows lose no increment', async () => {
    const db = sys.database.db;
    const receivedAt = new Date('2026-07-07T09:00:00+07:00');
    const one = (i: number): DossierFacts => ({
      unitId: units[0]!,
      channel: i % 2 ? 'online' : 'counter',
      receivedAt,
      dueAt: new Date('2026-07-14T17:00:00+07:00'),
      finishedAt: new Date('2026-07-10T09:00:00+07:00'),
      supplementRequests: 0,
      feeVnd: 0,
      paid: 'none',
      digitizedDossier: false,
      digitizedResult: false,
      reusedData: false,
      rating: null,
      complaint: false,
    });
    // On PostgreSQL these run on several connections at once; PGlite takes them in turn.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.transaction().execute((trx) => applyDossierChange(trx, null, one(i)))),
    );
    const row = (await reportForConsole(db, '91', { from: '2026-07-01', to: '2026-07-31', unit: '30307' })).rows[0]!;
    expect(row).toMatchObject({ received: 40, received_online: 20, finished: 40, finished_on_time: 40 });
  });
});
