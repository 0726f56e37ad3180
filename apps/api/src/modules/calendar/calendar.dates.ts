/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' strings and instants seen in Việt Nam (UTC+7, no daylight
 * saving since 1975). Only UTC methods of Date are used, so the host time zone never leaks in.
 */
import { isIsoDate, VN_OFFSET_MINUTES } from '../../shared/dates.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.ts';

const DAY_MS = 86_400_000;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

/** The years the calendar can answer for: those the lunar calendar covers. */
export const CALENDAR_MIN_YEAR = LUNAR_MIN_YEAR;
export const CALENDAR_MAX_YEAR = LUNAR_MAX_YEAR;

export const yearOf = (date: string) => Number(date.slice(0, 4));

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const isWeekend = (date: string) => {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
};

export function isoDateOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A valid YYYY-MM-DD inside the supported years. */
export function isCalendarDate(s: string): boolean {
  return isIsoDate(s) && yearOf(s) >= CALENDAR_MIN_YEAR && yearOf(s) <= CALENDAR_MAX_YEAR;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 date-time that states its offset ("…+07:00" or "…Z"); a bare local time is
 * refused because it would mean different instants on different hosts. Returns null when invalid.
 */
export function parseInstant(s: string): Date | null {
  const m = INSTANT.exec(s);
  if (!m) return null;
  const [date, hh, mi] = [m[1]!, m[2]!, m[3]!];
  const ss = m[4] ?? '00';
  const frac = m[5] ?? '';
  const zone = m[6]!;
  if (!isIsoDate(date) || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return null;
  let offsetMin = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) return null;
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  const localMs = Date.parse(`${date}T${hh}:${mi}:${ss}Z`) + ms;
  return new Date(localMs - offsetMin * 60_000);
}

/** The instant as Việt Nam sees it: its calendar date and the milliseconds since local midnight. */
export function vnLocal(instant: Date): { date: string; msOfDay: number } {
  const shifted = instant.getTime() + OFFSET_MS;
  const msOfDay = ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: new Date(shifted - msOfDay).toISOString().slice(0, 10), msOfDay };
}

/** "HH:MM" → milliseconds since midnight. */
export function msOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) * 60_000;
}

/** ISO 8601 in Việt Nam's offset, e.g. 2026-02-25T17:00:00+07:00 (milliseconds only when present). */
export function formatVn(instant: Date): string {
  const iso = new Date(instant.getTime() + OFFSET_MS).toISOString();
  const ms = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${ms === '.000' ? '' : ms}+07:00`;
}

/** The instant at local clock time `hhmm` on a Vietnamese calendar date. */
export function vnInstant(date: string, hhmm: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + msOfClock(hhmm) - OFFSET_MS);
}
