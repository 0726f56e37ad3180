/**
 * Two years of realistic historic dossiers for the demo, in the column layout of `motcua import
 * dossiers`, so the demo goes through the same validated import path as a province switching systems.
 * Deterministic for a seed. The story the dashboard should tell (seeds 001, 003, 004): the online share
 * rises from about a fifth to about two thirds, digitisation and reuse of data rise, online payment
 * catches up with the counter, most dossiers are on time, some wait for supplements, a few are late.
 */
import { addWorkingDays, effectiveReceiptDay, nextWorkingDay } from '../modules/calendar/calendar.due.ts';
import { daysBetween, addDays, formatVn, vnInstant } from '../modules/calendar/calendar.dates.ts';
import type { WorkingCalendar } from '../modules/calendar/calendar.rules.ts';
import { Random } from './random.ts';

export interface HistoryProcedure {
  code: string;
  /** Handled by every commune (commune level) or by one agency (its unit code). */
  agencyCode: string | null;
  workingDays: number;
  feeVnd: number;
  /** Relative volume: birth registration and certification are far more common than a passport. */
  weight: number;
}

export interface HistoryInput {
  seed: number;
  count: number;
  /** First and last day of the history (YYYY-MM-DD, Việt Nam dates). */
  from: string;
  to: string;
  /** Dossiers still open at `to` stay unfinished; `asOf` is "now" for the demo. */
  calendar: WorkingCalendar;
  communeCodes: string[];
  procedures: HistoryProcedure[];
  /**
   * Units changed on this day (the 1/7/2025 reform): before it, a commune's dossiers were handled by
   * one of its predecessors, and agencies of the new province did not exist yet.
   */
  reformDate?: string;
  predecessors?: Map<string, string[]>;
}

export const HISTORY_COLUMNS = [
  'code', 'procedure_code', 'unit_code', 'channel', 'received_at', 'due_at', 'finished_at', 'status',
  'supplement_requests', 'fee_vnd', 'paid', 'digitized_dossier', 'digitized_result', 'reused_data', 'rating', 'complaint',
] as const;
export type HistoryRow = Record<(typeof HISTORY_COLUMNS)[number], string>;

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** Minutes after 07:30 within a working day (07:30–17:30, a few after hours). */
function clockOf(rng: Random): string {
  const minutes = 7 * 60 + 30 + rng.int(0, 10 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function generateHistory(input: HistoryInput): HistoryRow[] {
  const rng = new Random(input.seed);
  const span = daysBetween(input.from, input.to);
  const weighted = input.procedures.map((p) => ({ value: p, weight: p.weight }));
  const rows: HistoryRow[] = [];
  const perDay = new Map<string, number>();
  for (let i = 0; i < input.count; i++) {
    // Receipt day: uniform over working days of the span (retry a few times on days off).
    let day = addDays(input.from, rng.int(0, span));
    for (let k = 0; k < 5 && !input.calendar.isWorkingDay(day); k++) day = addDays(input.from, rng.int(0, span));
    if (!input.calendar.isWorkingDay(day)) day = nextWorkingDay(input.calendar, day);
    if (day > input.to) continue;
    const t = daysBetween(input.from, day) / Math.max(1, span); // 0 at the start, 1 at the end
    const p = rng.weighted(weighted);
    const beforeReform = input.reformDate !== undefined && day < input.reformDate;
    // The new province's agencies only exist after the reform: move such a receipt into that time.
    if (beforeReform && p.agencyCode) {
      day = addDays(input.reformDate!, rng.int(0, Math.max(0, daysBetween(input.reformDate!, input.to))));
      if (!input.calendar.isWorkingDay(day)) day = nextWorkingDay(input.calendar, day);
      if (day > input.to) continue;
    }
    const commune = rng.pick(input.communeCodes);
    const olds = input.predecessors?.get(commune);
    const unit = p.agencyCode ?? (input.reformDate !== undefined && day < input.reformDate && olds?.length ? rng.pick(olds) : commune);
    const online = rng.chance(lerp(0.2, 0.68, t));
    const channel = online ? 'online' : rng.chance(0.05) ? 'post' : 'counter';
    const receivedAt = vnInstant(day, clockOf(rng));
    const supplements = rng.weighted([
      { value: 0, weight: 86 },
      { value: 1, weight: 11 },
      { value: 2, weight: 3 },
    ]);
    // Each supplement waits 1–6 working days; the promised date moves by the wait (clock paused).
    const counted = effectiveReceiptDay(input.calendar, receivedAt, '17:00');
    let waited = 0;
    for (let s = 0; s < supplements; s++) waited += rng.int(1, 6);
    const dueDay = addWorkingDays(input.calendar, counted, p.workingDays + waited);
    const dueAt = vnInstant(dueDay, '17:00');
    // Finishing: mostly before the due day, sometimes late; late is likelier early in the history.
    const late = rng.chance(lerp(0.12, 0.04, t));
    const finishOffset = late ? rng.int(1, 8) : -rng.int(0, Math.max(0, p.workingDays + waited - 1));
    const finishDay = finishOffset >= 0 ? addWorkingDays(input.calendar, dueDay, finishOffset) : addWorkingDays(input.calendar, counted, Math.max(0, p.workingDays + waited + finishOffset));
    let finishedAt = vnInstant(finishDay, clockOf(rng));
    // A same-day result cannot come before the receipt: then it came halfway between receipt and due
    // time (or, for a late one, an hour and a half after the receipt).
    if (finishedAt.getTime() <= receivedAt.getTime()) {
      const r = receivedAt.getTime();
      finishedAt = new Date(!late && dueAt.getTime() > r ? Math.floor((r + dueAt.getTime()) / 2) : r + 90 * 60_000);
    }
    const finished = finishDay <= input.to;
    const fee = p.feeVnd;
    const paid = fee === 0 ? 'none' : rng.chance(lerp(0.15, 0.55, t) + (online ? 0.2 : 0)) ? 'online' : 'counter';
    const rated = finished && rng.chance(lerp(0.3, 0.7, t));
    const rating = !rated ? '' : rng.weighted([
      { value: 'satisfied', weight: 88 },
      { value: 'neutral', weight: 8 },
      { value: 'unsatisfied', weight: late ? 30 : 4 },
    ]);
    const seq = (perDay.get(`${unit}${day}`) ?? 0) + 1;
    perDay.set(`${unit}${day}`, seq);
    rows.push({
      code: `${unit}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-H${String(seq).padStart(4, '0')}`,
      procedure_code: p.code,
      unit_code: unit,
      channel,
      received_at: formatVn(receivedAt),
      due_at: formatVn(dueAt),
      finished_at: finished ? formatVn(finishedAt) : '',
      status: finished ? 'returned' : 'in_progress',
      supplement_requests: String(supplements),
      fee_vnd: String(fee),
      paid: finished || paidEarly(rng) ? paid : 'none',
      digitized_dossier: String(rng.chance(lerp(0.55, 0.95, t))),
      digitized_result: String(finished && rng.chance(lerp(0.5, 0.92, t))),
      reused_data: String(rng.chance(lerp(0.08, 0.5, t))),
      rating,
      complaint: String(finished && rng.chance(late ? 0.05 : 0.004)),
    });
  }
  return rows.sort((a, b) => (a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : a.code < b.code ? -1 : 1));
}

/** Most fees are paid at receipt; the rest at the result. */
const paidEarly = (rng: Random) => rng.chance(0.8);
