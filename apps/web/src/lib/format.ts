/**
 * Dates and money as Vietnamese readers expect them. Every date-time is shown in Việt Nam time,
 * whatever the time zone of the phone or the server.
 */
import type { Lang } from '../i18n/messages.ts';

const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// en-GB with explicit parts gives stable two-digit fields that we assemble ourselves; vi-VN output
// differs between ICU versions (e.g. "lúc" between date and time).
const vnParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const p of vnParts.formatToParts(date)) {
    if (p.type in out) out[p.type as keyof typeof out] = p.value;
  }
  return out;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-07-01" or an ISO date-time → "01/07/2025" (the calendar day in Việt Nam). */
export function formatDate(value: string): string {
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const p = partsOf(new Date(value));
  return `${p.day}/${p.month}/${p.year}`;
}

/** An ISO date-time → "dd/mm/yyyy HH:mm" in Việt Nam time. */
export function formatDateTime(value: string): string {
  const p = partsOf(new Date(value));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** A date or ISO date-time → "Thứ Sáu" / "Friday", the weekday in Việt Nam. */
export function formatWeekday(value: string, lang: Lang): string {
  // A bare date is a Vietnamese calendar day: read it at noon in Việt Nam so no time zone can shift it.
  const instant = DATE_ONLY.test(value) ? `${value}T12:00:00+07:00` : value;
  const name = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VN_TIME_ZONE, weekday: 'long' }).format(new Date(instant));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 20000 → "20.000 đ" (vi-VN grouping; a no-break space keeps the unit with its number). */
export function formatVnd(amount: number): string {
  return `${vnd.format(amount)}\u00a0đ`;
}

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/**
 * The value of an <input type="datetime-local">, read as Việt Nam time → ISO with +07:00.
 * Null when the browser gave something else (partially filled inputs give "").
 */
export function vnLocalToIso(local: string): string | null {
  const m = LOCAL_DATETIME.exec(local.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}${m[3] ?? ':00'}+07:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Now in Việt Nam as a datetime-local value, e.g. "2026-05-04T09:30". */
export function vnNowLocal(now = new Date()): string {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** An ISO date-time → its calendar day in Việt Nam, "2026-02-25". */
export function vnDateOf(value: string): string {
  const p = partsOf(new Date(value));
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today in Việt Nam, "2026-05-04". */
export function vnToday(now = new Date()): string {
  return vnDateOf(now.toISOString());
}
