import { useEffect, useMemo, useState } from 'react';
import type { CalendarYear } from '@motcua/contracts';
import { apiGet } from '../../lib/api.ts';
import { buildCalendar, type WorkCalendar } from '../../lib/working-days.ts';

// Years change rarely; one load per year per page load, shared by every queue and dossier page.
const years = new Map<number, Promise<CalendarYear | null>>();

function loadYear(year: number): Promise<CalendarYear | null> {
  let p = years.get(year);
  if (!p) {
    // A year the server cannot give still counts Monday to Friday: approximate beats nothing.
    p = apiGet<CalendarYear>(`/api/v1/calendar/days?year=${year}`).catch(() => {
      years.delete(year);
      return null;
    });
    years.set(year, p);
  }
  return p;
}

/** The calendar of the years `dates` (YYYY-MM-DD) fall in; null until loaded. At most four years back. */
export function useWorkCalendar(dates: string[]): WorkCalendar | null {
  const key = useMemo(() => {
    const ys = dates.map((d) => Number(d.slice(0, 4))).filter((y) => y >= 2000);
    if (!ys.length) return '';
    const hi = Math.max(...ys);
    const lo = Math.max(Math.min(...ys), hi - 4);
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).join(',');
  }, [dates]);
  const [loaded, setLoaded] = useState<{ key: string; cal: WorkCalendar } | null>(null);

  useEffect(() => {
    if (!key) return;
    let live = true;
    Promise.all(key.split(',').map((y) => loadYear(Number(y)))).then((list) => {
      if (live) setLoaded({ key, cal: buildCalendar(list.filter((y): y is CalendarYear => y !== null)) });
    });
    return () => {
      live = false;
    };
  }, [key]);

  if (!key) return buildCalendar([]);
  return loaded?.key === key ? loaded.cal : null;
}
