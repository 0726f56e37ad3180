/**
 * What the deadline of a dossier means today, in working days (DESIGN §4.1): left before the promised
 * date, due today, or overdue by so many; paused while the applicant prepares a supplement.
 */
import type { DossierStatus, DossierSummary } from '@motcua/contracts';
import { vnDateOf, vnToday } from '../../lib/format.ts';
import { workingDaysBetween, type WorkCalendar } from '../../lib/working-days.ts';

export type Deadline =
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'paused' }
  | { kind: 'done'; late: boolean };

/** Statuses after a decision: the clock has stopped (finishedAt is set). */
const DECIDED: readonly DossierStatus[] = ['approved', 'refused', 'result_issued', 'returned'];

/** Null when there is no promised date (not yet received, rejected, withdrawn) or no calendar yet. */
export function deadlineOf(
  d: Pick<DossierSummary, 'dueAt' | 'status' | 'late' | 'finishedAt'>,
  cal: WorkCalendar | null,
  now = new Date(),
): Deadline | null {
  if (!d.dueAt || d.status === 'withdrawn' || d.status === 'rejected_at_intake') return null;
  if (d.finishedAt || DECIDED.includes(d.status)) return { kind: 'done', late: d.late };
  if (d.status === 'supplement_requested') return { kind: 'paused' };
  if (!cal) return null;
  const today = vnToday(now);
  const dueDay = vnDateOf(d.dueAt);
  if (now.getTime() > Date.parse(d.dueAt)) return { kind: 'overdue', days: workingDaysBetween(cal, dueDay, today) };
  const left = workingDaysBetween(cal, today, dueDay);
  return left === 0 ? { kind: 'today' } : { kind: 'left', days: left };
}
