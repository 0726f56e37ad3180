/**
 * Vietnamese mobile numbers: parsing what people type, carrier lookup, the 2018 conversion of
 * 11-digit numbers, and masking for display.
 *
 * On 15/09/2018 the 11-digit mobile ranges (01xx xxx xxxx) became 10-digit ones (0162 → 032,
 * 0120 → 070, …). Citizens still write the old numbers on forms and they sit in old records, so they
 * are accepted and converted rather than rejected.
 */

export type MobileCarrier =
  'Viettel' | 'MobiFone' | 'VinaPhone' | 'Itelecom' | 'Vietnamobile' | 'Gmobile' | 'Indochina Telecom' | 'Reddi';

export interface MobilePrefix {
  /** National prefix, leading 0 included: '091', or '0998' for a sub-range. */
  prefix: string;
  carrier: MobileCarrier;
  /** The 11-digit prefix that was converted into this one on 15/09/2018, if any. */
  oldPrefix: string | null;
}

// From data/reference/mobile_prefixes.csv (a test checks they stay equal); the carrier is the CSV's
// name without its parenthesised gloss ("VinaPhone (VNPT)" → "VinaPhone"). Where libphonenumber
// accepts only part of a range as mobile (089 → 0896–0899, 052, 055, 0990–0992 without a carrier),
// the whole range is still accepted: refusing a citizen's real number is worse than accepting an
// unassigned one, which fails at the first SMS anyway.
const PREFIX_ROWS: readonly (readonly [string, MobileCarrier, string | null])[] = [
  ['032', 'Viettel', '0162'],
  ['033', 'Viettel', '0163'],
  ['034', 'Viettel', '0164'],
  ['035', 'Viettel', '0165'],
  ['036', 'Viettel', '0166'],
  ['037', 'Viettel', '0167'],
  ['038', 'Viettel', '0168'],
  ['039', 'Viettel', '0169'],
  ['086', 'Viettel', null],
  ['096', 'Viettel', null],
  ['097', 'Viettel', null],
  ['098', 'Viettel', null],
  ['070', 'MobiFone', '0120'],
  ['079', 'MobiFone', '0121'],
  ['077', 'MobiFone', '0122'],
  ['076', 'MobiFone', '0126'],
  ['078', 'MobiFone', '0128'],
  ['089', 'MobiFone', null],
  ['090', 'MobiFone', null],
  ['093', 'MobiFone', null],
  ['051', 'MobiFone', null],
  ['030', 'MobiFone', null],
  ['083', 'VinaPhone', '0123'],
  ['084', 'VinaPhone', '0124'],
  ['085', 'VinaPhone', '0125'],
  ['081', 'VinaPhone', '0127'],
  ['082', 'VinaPhone', '0129'],
  ['088', 'VinaPhone', null],
  ['091', 'VinaPhone', null],
  ['094', 'VinaPhone', null],
  ['087', 'Itelecom', null],
  ['056', 'Vietnamobile', '0186'],
  ['058', 'Vietnamobile', '0188'],
  ['092', 'Vietnamobile', null],
  ['052', 'Vietnamobile', null],
  ['059', 'Gmobile', '0199'],
  ['099', 'Gmobile', null],
  ['0998', 'Indochina Telecom', null],
  ['0999', 'Indochina Telecom', null],
  ['055', 'Reddi', null],
  ['0121', 'MobiFone', null],
  ['016', 'Viettel', null],
];

/** The mobile prefix table, in the order of the reference CSV. */
export const MOBILE_PREFIXES: readonly MobilePrefix[] = PREFIX_ROWS.map(([prefix, carrier, oldPrefix]) => ({
  prefix,
  carrier,
  oldPrefix,
}));

// 10-digit numbers beginning 01 look like an old 11-digit number with a digit missing. libphonenumber
// (9.0.31, meaning not verified) re-lists two such ranges, so only its exact patterns are accepted.
const NARROW_PATTERNS: Readonly<Record<string, RegExp>> = {
  '0121': /^0121[0-3]\d{5}$/,
  '016': /^0160\d{6}$/,
};

// Longest prefix first, so '0998' (Indochina Telecom) wins over '099' (Gmobile).
const BY_LENGTH = [...MOBILE_PREFIXES].sort((a, b) => b.prefix.length - a.prefix.length);
const BY_OLD_PREFIX = new Map(MOBILE_PREFIXES.filter((p) => p.oldPrefix !== null).map((p) => [p.oldPrefix!, p]));

/** The prefix-table row for a 10-digit national number, if it is a mobile number. */
export function findMobilePrefix(national: string): MobilePrefix | undefined {
  return BY_LENGTH.find((p) => national.startsWith(p.prefix) && (NARROW_PATTERNS[p.prefix]?.test(national) ?? true));
}

export type MobileInvalidReason = 'empty' | 'not_digits' | 'country' | 'length' | 'prefix';

export interface ParsedMobile {
  ok: true;
  /** '+84912345678' */
  e164: string;
  /** '0912345678': 10 digits with the leading 0, as shown to Vietnamese users. */
  national: string;
  carrier: MobileCarrier;
  prefix: string;
  /** True when an old 11-digit number was typed and converted to its 10-digit form. */
  converted: boolean;
}

export interface InvalidMobile {
  ok: false;
  reason: MobileInvalidReason;
  /** Plain Vietnamese, ready to show beside the field. */
  message: string;
}

export type MobileResult = ParsedMobile | InvalidMobile;

function invalid(reason: MobileInvalidReason, message: string): InvalidMobile {
  return { ok: false, reason, message };
}

/**
 * The national number (leading 0) from what was typed, or an error. Accepts 0…, +84…, 0084…, 84… and
 * the "+84 (0) 91…" habit; separators are spaces, dots, dashes and parentheses.
 */
function toNational(input: string): string | InvalidMobile {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (compact === '') return invalid('empty', 'Nhập số điện thoại di động');
  if (!/^\+?\d+$/.test(compact)) return invalid('not_digits', 'Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng +84');
  const digits = compact.replace('+', '');

  let rest: string;
  if (compact.startsWith('+') || digits.startsWith('00')) {
    const international = compact.startsWith('+') ? digits : digits.slice(2);
    if (!international.startsWith('84')) {
      return invalid('country', 'Nhập số điện thoại di động Việt Nam, bắt đầu bằng 0 hoặc +84');
    }
    rest = international.slice(2).replace(/^0/, '');
  } else if (digits.startsWith('0')) {
    rest = digits.slice(1);
  } else if (digits.startsWith('84') && digits.length >= 11) {
    // 84 + 9 or 10 digits; a national number never starts with 84, it starts with 0.
    rest = digits.slice(2).replace(/^0/, '');
  } else {
    // Spreadsheets drop the leading zero ("912345678"); the length check below still applies.
    rest = digits;
  }
  return '0' + rest;
}

/** Parses a Vietnamese mobile number as people type it and names its carrier. */
export function parseMobile(input: string): MobileResult {
  const national = toNational(input);
  if (typeof national !== 'string') return national;
  // Fixed lines are 02xx + 7 digits, 11 in all: say so before any length message.
  if (national.startsWith('02')) return invalid('prefix', 'Số bắt đầu bằng 02 là số máy bàn. Nhập số điện thoại di động');

  if (national.length === 11 && national.startsWith('01')) {
    const row = BY_OLD_PREFIX.get(national.slice(0, 4));
    if (!row) return invalid('prefix', `Đầu số ${national.slice(0, 4)} không phải đầu số di động cũ. Kiểm tra lại số điện thoại`);
    const converted = row.prefix + national.slice(4);
    return {
      ok: true,
      e164: '+84' + converted.slice(1),
      national: converted,
      carrier: row.carrier,
      prefix: row.prefix,
      converted: true,
    };
  }
  if (national.length !== 10) return invalid('length', 'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678');

  const row = findMobilePrefix(national);
  if (!row) {
    if (national.startsWith('01')) {
      return invalid('prefix', 'Số di động cũ bắt đầu bằng 01 gồm 11 chữ số. Nhập đủ số cũ hoặc nhập số mới gồm 10 chữ số');
    }
    return invalid('prefix', `Đầu số ${national.slice(0, 3)} không phải đầu số di động. Kiểm tra lại số điện thoại`);
  }
  return { ok: true, e164: '+84' + national.slice(1), national, carrier: row.carrier, prefix: row.prefix, converted: false };
}

/**
 * A phone number for display with the middle hidden: "091****678". Valid mobile numbers are shown
 * in their current 10-digit form; anything else keeps its first and last 3 digits.
 */
export function maskPhone(input: string): string {
  const parsed = parseMobile(input);
  const digits = parsed.ok ? parsed.national : input.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 6) + digits.slice(-3);
}
