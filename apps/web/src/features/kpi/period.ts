/**
 * Report periods of the dashboard, in whole Việt Nam days as the API counts them. A period that has
 * not ended stops today: a later end would count dossiers due before it as overdue already.
 */
export const PERIOD_KINDS = ['thang', 'quy', 'nam', 'tuy-chon'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Span {
  from: string;
  to: string;
}

export interface Period extends Span {
  kind: PeriodKind;
}

const DAY_MS = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Last day of month `m` (1–12) of `y`; month 0 is December of the year before, and so on. */
const monthEnd = (y: number, m: number) => iso(Date.UTC(y, m, 0));
const monthStart = (y: number, m: number) => iso(Date.UTC(y, m - 1, 1));
const min = (a: string, b: string) => (a < b ? a : b);

export const isIsoDate = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && iso(ms(s)) === s;

/** The period `kind` containing `today` (custom: the given span), ending today at the latest. */
export function periodOf(kind: PeriodKind, today: string, custom?: Span): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (kind) {
    case 'thang':
      return { kind, from: monthStart(y, m), to: today };
    case 'quy': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { kind, from: monthStart(y, first), to: today };
    }
    case 'nam':
      return { kind, from: `${y}-01-01`, to: today };
    case 'tuy-chon':
      return { kind, from: custom?.from ?? today, to: custom?.to ?? today };
  }
}

/** The period before, to compare with: the whole previous month, quarter or year; a custom span of the same length. */
export function previousPeriod(p: Period): Span {
  const y = Number(p.from.slice(0, 4));
  const m = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case 'thang':
      return { from: monthStart(y, m - 1), to: monthEnd(y, m - 1) };
    case 'quy':
      return { from: monthStart(y, m - 3), to: monthEnd(y, m - 1) };
    case 'nam':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'tuy-chon': {
      const days = (ms(p.to) - ms(p.from)) / DAY_MS + 1;
      return { from: iso(ms(p.from) - days * DAY_MS), to: iso(ms(p.from) - DAY_MS) };
    }
  }
}

export interface MonthSpan extends Span {
  /** "2025-09" */
  month: string;
}

/** The `n` months up to the one `to` falls in, oldest first; the last stops at `to`. */
export function monthsUpTo(to: string, n = 12): MonthSpan[] {
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  return Array.from({ length: n }, (_, i) => {
    const k = m - (n - 1 - i);
    const from = monthStart(y, k);
    return { month: from.slice(0, 7), from, to: min(monthEnd(y, k), to) };
  });
}

/** "2025-09" → "09/2025". */
export const formatMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
