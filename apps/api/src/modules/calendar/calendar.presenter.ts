import type { CalendarDateView, CalendarDay } from '@motcua/contracts';
import type { CalendarEntry } from './calendar.rules.ts';

export function presentDay(e: CalendarEntry): CalendarDay {
  return {
    date: e.date,
    kind: e.kind,
    occasion: e.occasion,
    note: e.note,
    source: e.source,
    status: e.status,
    working: e.kind === 'working_day',
  };
}

export function presentDateView(date: string, working: boolean, entry: CalendarEntry | undefined): CalendarDateView {
  return { date, working, day: entry ? presentDay(entry) : null };
}
