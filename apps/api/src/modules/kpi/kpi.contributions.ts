/**
 * What one dossier adds to the day counters of kpi_daily (docs/indicators.md §2). Pure: the same
 * facts always give the same contributions, so "subtract before, add after" keeps the counters equal
 * to what a full recount from the current facts would give — the property the rebuild checks.
 */
import { vnDateOf } from '../../shared/dates.ts';
import { errors } from '../../errors.ts';
import type { DossierFacts } from './kpi.facts.ts';

export const KPI_COUNTERS = [
  'received',
  'received_online',
  'digitized',
  'reused',
  'fee_total',
  'fee_online',
  'finished',
  'finished_on_time',
  'result_digitized',
  'satisfied',
  'due',
  'due_closed',
] as const;
export type Counter = (typeof KPI_COUNTERS)[number];
export type Counts = Record<Counter, number>;

export interface Contribution {
  unitId: number;
  /** Asia/Ho_Chi_Minh date, YYYY-MM-DD. */
  day: string;
  counter: Counter;
  delta: number;
}

/** The net change of one (unit, day) row. */
export interface DayDelta {
  unitId: number;
  day: string;
  counts: Counts;
}

export const zeroCounts = (): Counts => Object.fromEntries(KPI_COUNTERS.map((c) => [c, 0])) as Counts;

/** On time (DESIGN §4.2): finished no later than due, and at most one supplement request. */
export function finishedOnTime(f: DossierFacts): boolean {
  return f.finishedAt !== null && f.finishedAt.getTime() <= f.dueAt.getTime() && f.supplementRequests <= 1;
}

const maxDay = (...days: string[]) => days.reduce((a, b) => (a > b ? a : b));

function checkFacts(f: DossierFacts): void {
  const bad: string[] = [];
  if (!Number.isSafeInteger(f.unitId) || f.unitId <= 0) bad.push('unitId');
  for (const k of ['receivedAt', 'dueAt'] as const) if (!(f[k] instanceof Date) || Number.isNaN(f[k].getTime())) bad.push(k);
  if (f.finishedAt !== null && (!(f.finishedAt instanceof Date) || Number.isNaN(f.finishedAt.getTime()))) bad.push('finishedAt');
  if (!Number.isInteger(f.supplementRequests) || f.supplementRequests < 0) bad.push('supplementRequests');
  if (!Number.isFinite(f.feeVnd) || f.feeVnd < 0) bad.push('feeVnd');
  if (bad.length) throw errors.validation({ fields: bad }, `Dữ liệu chỉ số của hồ sơ không hợp lệ: ${bad.join(', ')}.`);
}

/**
 * Every counter this dossier adds 1 to, and on which day. `due`/`due_closed` are cumulative
 * counters: a dossier is overdue-unfinished at the end of day T exactly when it is counted in `due`
 * on some day <= T and not in `due_closed` on some day <= T (proof in docs/indicators.md §2.3).
 */
export function contributions(f: DossierFacts): Contribution[] {
  checkFacts(f);
  const out: Contribution[] = [];
  const add = (day: string, counter: Counter) => out.push({ unitId: f.unitId, day, counter, delta: 1 });
  const received = vnDateOf(f.receivedAt);
  const due = vnDateOf(f.dueAt);

  add(received, 'received');
  if (f.channel === 'online') add(received, 'received_online');
  if (f.digitizedDossier) add(received, 'digitized');
  if (f.reusedData) add(received, 'reused');
  if (f.feeVnd > 0 && (f.paid === 'online' || f.paid === 'counter')) {
    add(received, 'fee_total');
    if (f.paid === 'online') add(received, 'fee_online');
  }

  // max(received, due): "received by the end of the period" and "due before its end" both hold
  // from this day on, even for odd imported rows whose due date precedes receipt.
  add(maxDay(received, due), 'due');
  if (f.finishedAt !== null) {
    const finished = vnDateOf(f.finishedAt);
    const onTime = finishedOnTime(f);
    add(finished, 'finished');
    if (onTime) add(finished, 'finished_on_time');
    if (f.digitizedResult) add(finished, 'result_digitized');
    if (onTime && f.rating !== 'unsatisfied' && !f.complaint) add(finished, 'satisfied');
    add(maxDay(received, due, finished), 'due_closed');
  }
  return out;
}

/**
 * Sums signed contributions into one delta per (unit, day), dropping rows that net to zero: one
 * upsert row per key (ON CONFLICT may touch a row only once per statement) and no write at all for
 * a change the indicators do not see.
 */
export function netDeltas(items: { facts: DossierFacts; sign: 1 | -1 }[]): DayDelta[] {
  const byKey = new Map<string, DayDelta>();
  for (const { facts, sign } of items) {
    for (const c of contributions(facts)) {
      const key = `${c.unitId}|${c.day}`;
      let row = byKey.get(key);
      if (!row) byKey.set(key, (row = { unitId: c.unitId, day: c.day, counts: zeroCounts() }));
      row.counts[c.counter] += sign * c.delta;
    }
  }
  // Sorted so concurrent changes lock shared rows in the same order and cannot deadlock each other.
  return [...byKey.values()]
    .filter((r) => KPI_COUNTERS.some((c) => r.counts[c] !== 0))
    .sort((a, b) => a.unitId - b.unitId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The change of the counters when a dossier's facts go from `before` to `after` (null = absent). */
export function changeDeltas(before: DossierFacts | null, after: DossierFacts | null): DayDelta[] {
  const items: { facts: DossierFacts; sign: 1 | -1 }[] = [];
  if (before) items.push({ facts: before, sign: -1 });
  if (after) items.push({ facts: after, sign: 1 });
  return netDeltas(items);
}

/** The month row (first day of the month) a day row rolls up into. */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** The same deltas summed per calendar month, zero rows dropped, in (unit, month) order. */
export function monthDeltas(days: DayDelta[]): DayDelta[] {
  const byKey = new Map<string, DayDelta>();
  for (const d of days) {
    const month = monthOf(d.day);
    const key = `${d.unitId}|${month}`;
    let row = byKey.get(key);
    if (!row) byKey.set(key, (row = { unitId: d.unitId, day: month, counts: zeroCounts() }));
    for (const c of KPI_COUNTERS) row.counts[c] += d.counts[c];
  }
  return [...byKey.values()]
    .filter((r) => KPI_COUNTERS.some((c) => r.counts[c] !== 0))
    .sort((a, b) => a.unitId - b.unitId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthEnd = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** How a period [from, to] is read: whole months from kpi_monthly, the edges day by day. */
export interface PeriodParts {
  /** First days of the first and last whole month inside the period; null when there is none. */
  months: [string, string] | null;
  /** Day ranges (inclusive) at the edges not covered by whole months. */
  days: [string, string][];
  /** First day of the month of `to`: the overdue stock is whole months before it plus its days up to `to`. */
  stockMonth: string;
}

export function periodParts(from: string, to: string): PeriodParts {
  const first = from.endsWith('-01') ? from : addDays(monthEnd(from), 1);
  const last = to === monthEnd(to) ? to : addDays(monthOf(to), -1);
  const stockMonth = monthOf(to);
  if (first > last) return { months: null, days: [[from, to]], stockMonth };
  const days: [string, string][] = [];
  if (from < first) days.push([from, addDays(first, -1)]);
  if (last < to) days.push([addDays(last, 1), to]);
  return { months: [first, monthOf(last)], days, stockMonth };
}
