/**
 * Reporting periods of a partner (docs/campaigns.md, "reporting periods"), shared by the partner
 * reports (is this report late? which period is it?) and the progress views (how many reports were
 * expected by a date: DHIS2's "expected / received / on time").
 *
 * - daily: every day of the window (seed 003 VII.2.a: "Định kỳ hàng ngày … đối với từng đơn vị cấp xã").
 * - weekly: ISO weeks, Monday to Sunday, clipped to the window (seed 002 IV.4.e: "Định kỳ hằng tuần
 *   tổng hợp kết quả"; seed 003: "Định kỳ thứ Hai hàng tuần").
 * - round: the campaign's reporting rounds, each with its own due date (seed 003 VII.2.b).
 * A period's report is due at the end of the day period_end + due_offset_days (for rounds: the
 * round's due date), Asia/Ho_Chi_Minh; a report received later is accepted and flagged late.
 */
import { addDays, weekdayOf } from '../calendar/calendar.dates.ts';
import type { PartnerCadence } from '@motcua/contracts';

export interface ReportingPeriod {
  periodStart: string;
  periodEnd: string;
  /** Last day on which the report is on time. */
  dueDate: string;
}

export interface PeriodRule {
  cadence: PartnerCadence;
  dueOffsetDays: number;
  windowStart: string;
  windowEnd: string;
  rounds?: { statsFrom: string; statsTo: string; dueDate: string }[];
}

/** Every period of the window, in order. */
export function periodsOf(rule: PeriodRule): ReportingPeriod[] {
  if (rule.cadence === 'round')
    return (rule.rounds ?? []).map((r) => ({ periodStart: r.statsFrom, periodEnd: r.statsTo, dueDate: r.dueDate }));
  const out: ReportingPeriod[] = [];
  let start = rule.windowStart;
  while (start <= rule.windowEnd) {
    // weekdayOf: 0 = Sunday … 6 = Saturday; a weekly period ends on the Sunday.
    const toSunday = rule.cadence === 'daily' ? 0 : (7 - weekdayOf(start)) % 7;
    const end = minDate(addDays(start, toSunday), rule.windowEnd);
    out.push({ periodStart: start, periodEnd: end, dueDate: addDays(end, rule.dueOffsetDays) });
    start = addDays(end, 1);
  }
  return out;
}

/** The period a report for `periodEnd` belongs to, or null when no period ends that day. */
export function periodEndingOn(rule: PeriodRule, periodEnd: string): ReportingPeriod | null {
  return periodsOf(rule).find((p) => p.periodEnd === periodEnd) ?? null;
}

/** Periods whose report is due on or before `asOf` (what a partner should have sent by then). */
export function expectedBy(rule: PeriodRule, asOf: string): ReportingPeriod[] {
  return periodsOf(rule).filter((p) => p.dueDate <= asOf);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
