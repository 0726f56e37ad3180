import type { ProcedureSummary, ProcessingTime } from '@motcua/contracts';
import type { MessageKey, Params } from '../../i18n/messages.ts';
import { formatVnd } from '../../lib/format.ts';

type T = (key: MessageKey, params?: Params) => string;

/**
 * The fee for a result line. "Unknown" is said as such, never as free: an empty fee list may only mean
 * the amount has not been found yet (hộ tịch fees are set by each province's council).
 */
export function feeSummary(p: Pick<ProcedureSummary, 'feeFromVnd' | 'feeStatus'>, t: T): string {
  if (p.feeStatus === 'unknown') return t('proc.feeUnknown');
  if (p.feeStatus === 'free' || !p.feeFromVnd) return t('proc.free');
  return t('proc.feeFrom', { amount: formatVnd(p.feeFromVnd) });
}

/** The statutory time as the legal text words it, or built from the numbers when the text is missing. */
export function processingText(p: ProcessingTime, t: T): string {
  if (p.text.trim()) return p.text;
  if (p.workingDays !== null) return t('due.daysCount', { n: p.workingDays });
  if (p.hours !== null) return t('proc.hours', { n: p.hours });
  return '—';
}
