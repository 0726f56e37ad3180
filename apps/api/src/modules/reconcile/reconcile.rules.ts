/**
 * The reconciliation rules of issue 6 §2 as pure functions, one subscriber at a time: reading dates
 * and ID numbers, splitting and hashing names, and `classify`, which applies the first rule that
 * fits. No I/O; the engine (reconcile.engine.ts) streams the files and builds the registry index.
 * docs/reconcile.md, section "Rules".
 *
 * Seed 002 (Kế hoạch xác thực thông tin thuê bao, An Giang) asks for "trùng khớp tuyệt đối" of the
 * CC/CCCD number, "họ, chữ đệm và tên" and "ngày, tháng, năm sinh": so a name differs as soon as one
 * of its three parts differs after normalisation (nameKey: NFC, spaces, case, tone placement; never
 * diacritics removed), and a date differs as soon as the day differs.
 */
import { maskIdNumber, nameKey, parseCccd, parseCmnd } from '@motcua/contracts';
import type { Classification, RegistryLookup, RegistryView, SubscriberRow } from './reconcile.types.ts';

/**
 * Default limit of subscriber numbers one person may hold at one carrier (`--max-per-id`).
 *
 * Verified: Thông tư 04/2012/TT-BTTTT, Điều 9 khoản 1 — "mỗi một cá nhân chỉ được sử dụng số chứng
 * minh nhân dân, hộ chiếu của mình để đăng ký tối đa ba (03) số thuê bao di động trả trước của mỗi
 * mạng thông tin di động" (100 for a person registering on behalf of an organisation); Nghị định
 * 49/2017/NĐ-CP kept 3 per carrier as the number registrable without the carrier's own point.
 * UNVERIFIED: Nghị định 163/2024/NĐ-CP (guiding the Luật Viễn thông 2023, in force 24/12/2024)
 * replaced Decree 49/2017; its article on the number of subscriptions per person could not be read
 * in our sources. Until it is, the default stays 3 per carrier and the operator overrides it with
 * --max-per-id. See docs/reconcile.md.
 */
export const DEFAULT_MAX_PER_ID = 3;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function daysOf(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC rolls 31/02 over into March: reading it back tells an impossible date.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/**
 * Days since 1970-01-01 (negative before) of a date written `YYYY-MM-DD` or `DD/MM/YYYY` (also
 * `D/M/YYYY`), the two forms carrier extracts use. Null for anything else, for an impossible date
 * (31/02/1990, 2023-13-01) and for a year before 1800 (a typo, not a living subscriber).
 */
export function parseDob(s: string): number | null {
  const t = s.trim();
  let m = ISO_DATE.exec(t);
  if (m) return checkedDays(Number(m[1]), Number(m[2]), Number(m[3]));
  m = VN_DATE.exec(t);
  if (m) return checkedDays(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function checkedDays(year: number, month: number, day: number): number | null {
  return year < 1800 ? null : daysOf(year, month, day);
}

/** `YYYY-MM-DD` of a day count from parseDob. */
export function canonicalDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export type IdCheck = { ok: true; kind: 'cccd' | 'cmnd' } | { ok: false; reason: string };

const CCCD_REASONS: Readonly<Record<string, string>> = {
  empty: 'Thiếu số CCCD',
  not_digits: 'Số CCCD có ký tự không phải chữ số',
  century: 'CCCD: chữ số thứ 4 (mã thế kỷ sinh và giới tính) không hợp lệ',
  birth_year: 'CCCD: năm sinh mã hóa trong số (chữ số 4–6) là năm chưa tới',
};

/**
 * Whether the subscriber's ID is in scope and well formed: a CCCD (12 digits, a province-of-birth
 * code that exists, a possible century/gender digit: parseCccd) or an old CMND (9 digits). Spaces,
 * dots and dashes inside the number are ignored. Passport and other documents are out of scope of
 * this reconciliation (reported separately); a type that disagrees with the length is invalid.
 */
export function checkId(idType: string, idNumber: string): IdCheck {
  const type = idType.trim().toLowerCase();
  if (type === 'passport' || type === 'other') {
    const label = type === 'passport' ? 'hộ chiếu' : 'giấy tờ khác';
    return { ok: false, reason: `Đăng ký bằng ${label}: ngoài phạm vi đối soát với CSDL dân cư (báo cáo riêng)` };
  }
  if (type === 'cccd') {
    const parsed = parseCccd(idNumber);
    if (parsed.ok) return { ok: true, kind: 'cccd' };
    const digits = idNumber.replace(/[\s.-]/g, '');
    if (parsed.reason === 'length') {
      return /^\d{9}$/.test(digits)
        ? { ok: false, reason: 'Loại giấy tờ là CCCD nhưng số có 9 chữ số (số CMND)' }
        : { ok: false, reason: `Số CCCD phải có 12 chữ số (có ${digits.length})` };
    }
    if (parsed.reason === 'province') {
      return { ok: false, reason: `CCCD: mã tỉnh nơi đăng ký khai sinh ${digits.slice(0, 3)} không tồn tại` };
    }
    return { ok: false, reason: CCCD_REASONS[parsed.reason] ?? 'Số CCCD không hợp lệ' };
  }
  if (type === 'cmnd') {
    const parsed = parseCmnd(idNumber);
    if (parsed.ok) return { ok: true, kind: 'cmnd' };
    const digits = idNumber.replace(/[\s.-]/g, '');
    if (parsed.reason === 'empty') return { ok: false, reason: 'Thiếu số CMND' };
    if (parsed.reason === 'not_digits') return { ok: false, reason: 'Số CMND có ký tự không phải chữ số' };
    return /^\d{12}$/.test(digits)
      ? { ok: false, reason: 'Loại giấy tờ là CMND nhưng số có 12 chữ số (số CCCD)' }
      : { ok: false, reason: `Số CMND phải có 9 chữ số (có ${digits.length})` };
  }
  return { ok: false, reason: type === '' ? 'Thiếu loại giấy tờ' : 'Loại giấy tờ không xác định (cần cccd hoặc cmnd)' };
}

/**
 * The canonical name key (nameKey) split as seed 002 counts it: family name (họ, first word), middle
 * names (chữ đệm, the words between, maybe ''), given name (tên, last word). A one-word name is a
 * given name only; an empty name is three empty parts.
 */
export function nameParts(name: string): [string, string, string] {
  const words: string[] = [];
  for (const raw of name.replace(ZERO_WIDTH, '').split(/\s+/)) {
    if (raw === '') continue;
    const w = wordKey(raw);
    if (w !== '') words.push(w);
  }
  if (words.length === 0) return ['', '', ''];
  if (words.length === 1) return ['', '', words[0]!];
  return [words[0]!, words.slice(1, -1).join(' '), words[words.length - 1]!];
}

// nameKey works word by word (tone placement is per syllable), so each distinct raw word is keyed
// once: a province's names use a few thousand distinct words, and nameKey costs microseconds.
// Same result as splitting nameKey(name); a test checks it.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const WORD_CACHE_MAX = 200_000;
const wordCache = new Map<string, string>();

function wordKey(raw: string): string {
  let key = wordCache.get(raw);
  if (key === undefined) {
    if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
    key = nameKey(raw);
    wordCache.set(raw, key);
  }
  return key;
}

/** FNV-1a, 32 bits, over the UTF-16 code units of s; an unsigned integer. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** hash32 of [family, middle, given] of the canonical name key. */
export function nameHashes(name: string): [number, number, number] {
  const [family, middle, given] = nameParts(name);
  return [hash32(family), hash32(middle), hash32(given)];
}

/** What the engine keeps of one registry row (RegistryView): hashes, day count, deceased, commune. */
export function registryViewOf(row: { full_name: string; date_of_birth: string; status: string; commune_code: string }): RegistryView {
  return {
    nameHashes: nameHashes(row.full_name),
    dobDays: parseDob(row.date_of_birth),
    deceased: row.status.trim().toLowerCase() === 'deceased',
    communeCode: row.commune_code.trim(),
  };
}

const NAME_PART_LABELS = ['họ khác', 'tên đệm khác', 'tên khác'] as const;

function nameDifferences(sub: readonly number[], reg: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < 3; i++) if (sub[i] !== reg[i]) out.push(NAME_PART_LABELS[i]!);
  return out;
}

/** What differs between two dates of birth, without saying the registry's date. */
function dobDifference(sub: number, reg: number | null): string | null {
  if (reg === null) return 'CSDL dân cư không có ngày sinh để so khớp';
  if (sub === reg) return null;
  const a = new Date(sub * DAY_MS);
  const b = new Date(reg * DAY_MS);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return 'năm sinh khác';
  if (a.getUTCMonth() === b.getUTCMonth()) return 'ngày sinh khác (tháng, năm sinh trùng)';
  if (a.getUTCDate() === b.getUTCMonth() + 1 && a.getUTCMonth() + 1 === b.getUTCDate()) {
    return 'ngày và tháng sinh bị đảo chỗ (năm sinh trùng)';
  }
  return 'ngày, tháng sinh khác (năm sinh trùng)';
}

function sentence(parts: string[]): string {
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lastDigits(id: string): string {
  const masked = maskIdNumber(id);
  return `…${masked.slice(-3)}`;
}

/**
 * One status per subscriber, the first rule of issue 6 §2 that applies: invalid_id, invalid_dob,
 * old_id, id_not_found, deceased, name_dob_mismatch / name_mismatch / dob_mismatch, match. `lookup`
 * is how the registry answered for the subscriber's ID (by id_number, or by old_id_number for a
 * CMND). The detail is Vietnamese and never carries a registry value (names are compared as hashes).
 */
export function classify(sub: SubscriberRow, lookup: RegistryLookup): Classification {
  const id = checkId(sub.idType, sub.idNumber);
  if (!id.ok) return { status: 'invalid_id', detail: id.reason, communeCode: '' };

  const dob = parseDob(sub.dateOfBirth);
  if (dob === null) {
    return {
      status: 'invalid_dob',
      detail: 'Ngày sinh không đọc được hoặc không có thật (cần dạng YYYY-MM-DD hoặc DD/MM/YYYY)',
      communeCode: '',
    };
  }

  if (lookup.found === 'none') {
    const detail =
      id.kind === 'cmnd'
        ? 'Số CMND 9 số không có trong CSDL dân cư (kể cả số CMND cũ)'
        : 'Số CCCD không có trong CSDL dân cư';
    return { status: 'id_not_found', detail, communeCode: '' };
  }
  const person = lookup.person;
  if (id.kind === 'cmnd' && lookup.found === 'by_old_id') {
    const detail = lookup.currentId
      ? `Đăng ký bằng CMND 9 số; CCCD tương ứng ${lastDigits(lookup.currentId)}`
      : 'Đăng ký bằng CMND 9 số; đã có CCCD trong CSDL dân cư';
    return { status: 'old_id', detail, communeCode: person.communeCode };
  }

  if (person.deceased) {
    return { status: 'deceased', detail: 'CSDL dân cư ghi nhận người mang số giấy tờ này đã mất', communeCode: person.communeCode };
  }

  const nameDiff = nameDifferences(nameHashes(sub.fullName), person.nameHashes);
  const dobDiff = dobDifference(dob, person.dobDays);
  if (nameDiff.length > 0 && dobDiff !== null) {
    return { status: 'name_dob_mismatch', detail: sentence([...nameDiff, dobDiff]), communeCode: person.communeCode };
  }
  if (nameDiff.length > 0) return { status: 'name_mismatch', detail: sentence(nameDiff), communeCode: person.communeCode };
  if (dobDiff !== null) return { status: 'dob_mismatch', detail: sentence([dobDiff]), communeCode: person.communeCode };
  return { status: 'match', detail: '', communeCode: person.communeCode };
}
