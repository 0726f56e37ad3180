/**
 * Business dates live in Asia/Ho_Chi_Minh (UTC+7 all year: no daylight saving since 1975), whatever
 * the host TZ. These helpers never use the host's local-time methods.
 */
export const VN_OFFSET_MINUTES = 7 * 60;

/** The Vietnamese calendar date (YYYY-MM-DD) of an instant. */
export function vnDateOf(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Today's date in Việt Nam. */
export function vnToday(now: Date = new Date()): string {
  return vnDateOf(now);
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
