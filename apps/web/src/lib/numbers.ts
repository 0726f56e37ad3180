/**
 * Numbers of the indicators as Vietnamese readers write them: "50,0 %" (decimal comma, a no-break
 * space before the sign so it never wraps alone), "1.234" hồ sơ, gaps in percentage points whose
 * direction the words say ("thiếu", "vượt", "tăng", "giảm").
 */
import type { Lang } from '../i18n/messages.ts';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** 1234 → "1.234". */
export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(locale(lang));
}

/** 12.5 → "12,5"; at most `digits` decimals. */
export function formatDecimal(n: number, lang: Lang, digits = 2): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);
}

/** A rate in [0, 1] → "50,0 %" with one decimal; null (no denominator) → "—". */
export function formatPercent(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined) return '—';
  const n = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate * 100);
  return `${n}\u00a0%`;
}

/** The size of a difference of two rates in percentage points, unsigned: −0.2 → "20,0" (the words say which way). */
export function formatPoints(delta: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.abs(delta * 100),
  );
}
