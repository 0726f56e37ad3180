/**
 * The desk form's values and checks, before anything is sent. The API checks again with the same
 * phone and ID rules (packages/contracts), so what the officer sees here is what the server says.
 */
import { parseCccd, parseCmnd, parseMobile, type DeskPlaceKind, type DeskRecordInput, type DeskResult, type MobileCarrier, type ParsedMobile } from '@motcua/contracts';
import type { FieldError } from '../../components/ErrorSummary.tsx';
import type { LangContextValue } from '../../i18n/LangProvider.tsx';

export interface DeskValues {
  phone: string;
  /** The carrier picked by hand; '' while it follows the prefix. */
  carrier: string;
  override: boolean;
  idNumber: string;
  placeKind: DeskPlaceKind | '';
  result: DeskResult | '';
  reason: string;
}

export const EMPTY_DESK: DeskValues = { phone: '', carrier: '', override: false, idNumber: '', placeKind: 'one_stop_desk', result: '', reason: '' };

/** Input ids, also the targets of the error summary's links. */
export const DESK_IDS = {
  phone: 'desk-phone',
  carrier: 'desk-carrier',
  override: 'desk-override',
  idNumber: 'desk-id',
  placeKind: 'desk-place',
  result: 'desk-result',
  failureReason: 'desk-reason',
  submit: 'desk-submit',
} as const;

/** The parsed number when the phone is valid, for the "carrier of the prefix" line. */
export function detectedOf(phone: string): ParsedMobile | null {
  const p = parseMobile(phone);
  return p.ok ? p : null;
}

/** The carrier the form will send: the one picked, else the prefix's. */
export function carrierOf(v: DeskValues): MobileCarrier | '' {
  return (v.carrier || detectedOf(v.phone)?.carrier || '') as MobileCarrier | '';
}

export function checkDesk(v: DeskValues, t: LangContextValue['t']): FieldError[] {
  const errors: FieldError[] = [];
  const phone = parseMobile(v.phone);
  if (!phone.ok) errors.push({ field: DESK_IDS.phone, text: v.phone.trim() ? phone.message : t('desk.err.phone') });
  const carrier = carrierOf(v);
  if (!carrier) errors.push({ field: DESK_IDS.carrier, text: t('desk.err.carrier') });
  else if (phone.ok && carrier !== phone.carrier && !v.override)
    errors.push({ field: DESK_IDS.override, text: t('desk.err.override', { detected: phone.carrier, carrier }) });
  const digits = v.idNumber.replace(/[\s.-]/g, '');
  const id = digits.length === 9 ? parseCmnd(digits) : digits.length === 12 ? parseCccd(digits) : null;
  if (!id || !id.ok) errors.push({ field: DESK_IDS.idNumber, text: id && !id.ok ? id.message : t('desk.err.id') });
  if (!v.placeKind) errors.push({ field: DESK_IDS.placeKind, text: t('desk.err.place') });
  if (!v.result) errors.push({ field: DESK_IDS.result, text: t('desk.err.result') });
  if (v.result === 'failed' && !v.reason.trim()) errors.push({ field: DESK_IDS.failureReason, text: t('desk.err.reason') });
  return errors;
}

export function bodyOf(v: DeskValues, idempotencyKey: string): DeskRecordInput {
  const carrier = carrierOf(v) as MobileCarrier;
  const detected = detectedOf(v.phone);
  return {
    phone: v.phone,
    carrier,
    carrierOverride: detected !== null && detected.carrier !== carrier ? v.override : undefined,
    idNumber: v.idNumber,
    placeKind: v.placeKind as DeskPlaceKind,
    result: v.result as DeskResult,
    failureReason: v.result === 'failed' ? v.reason : undefined,
    idempotencyKey,
  };
}

/** Server field names ("phone", "body.idNumber") → the form's input ids. */
export function inputIdOf(field: string): string {
  const name = field.replace(/^body\./, '') as keyof typeof DESK_IDS;
  return DESK_IDS[name] ?? DESK_IDS.submit;
}

/** A fresh key for one intended record: kept across retries of the same form, renewed after success. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `desk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
