/**
 * Vietnamese personal identification numbers: the 12-digit CCCD (căn cước công dân, now "thẻ căn
 * cước"; the number is the số định danh cá nhân) and the old 9-digit CMND (chứng minh nhân dân).
 *
 * Structure of the 12 digits, Thông tư 07/2016/TT-BCA, Điều 7 (repeated in Thông tư 59/2021/TT-BCA;
 * the structure itself is set by Điều 13 Nghị định 137/2015/NĐ-CP, and Điều 12 Luật Căn cước 2023
 * keeps the 12 digits):
 *   "Mã thế kỷ và mã giới tính được quy ước như sau: Thế kỷ 20 (từ năm 1900 đến hết năm 1999): Nam 0,
 *   nữ 1; Thế kỷ 21 (từ năm 2000 đến hết năm 2099): Nam 2, nữ 3; Thế kỷ 22 (từ năm 2100 đến hết năm
 *   2199): Nam 4, nữ 5; Thế kỷ 23 (từ năm 2200 đến hết năm 2299): Nam 6, nữ 7; Thế kỷ 24 (từ năm 2300
 *   đến hết năm 2399): Nam 8, nữ 9. Mã năm sinh: thể hiện hai số cuối năm sinh của công dân."
 * (wording as reproduced by the secondary sources listed in data/reference/SOURCES.md §2.)
 * So: digits 1–3 the province (or country) where the birth was registered, digit 4 century and
 * gender, digits 5–6 the last two digits of the birth year, digits 7–12 random.
 *
 * The number is not a checksum: a well-formed number may still belong to nobody. Only the population
 * registry can say whether it exists.
 */

export type CccdGender = 'male' | 'female';

/** One place-of-birth-registration code of Thông tư 07/2016/TT-BCA, Phụ lục 1. */
export interface CccdProvince {
  code: string;
  /** The province as it was when the code was set (63 provinces). */
  name: string;
  /** The province it belongs to since the reorganisation of 1 July 2025; the code itself does not change. */
  province2025Code: string;
  province2025Name: string;
}

// From data/reference/cccd_province_codes.csv (a test checks they stay equal). Each code is "0" +
// the old GSO province code. Whether births registered after 1/7/2025 get new codes is not known;
// issued numbers do not change.
const PROVINCE_ROWS: readonly (readonly [string, string, string, string])[] = [
  ['001', 'Hà Nội', '01', 'Thành phố Hà Nội'],
  ['002', 'Hà Giang', '08', 'Tỉnh Tuyên Quang'],
  ['004', 'Cao Bằng', '04', 'Tỉnh Cao Bằng'],
  ['006', 'Bắc Kạn', '19', 'Tỉnh Thái Nguyên'],
  ['008', 'Tuyên Quang', '08', 'Tỉnh Tuyên Quang'],
  ['010', 'Lào Cai', '15', 'Tỉnh Lào Cai'],
  ['011', 'Điện Biên', '11', 'Tỉnh Điện Biên'],
  ['012', 'Lai Châu', '12', 'Tỉnh Lai Châu'],
  ['014', 'Sơn La', '14', 'Tỉnh Sơn La'],
  ['015', 'Yên Bái', '15', 'Tỉnh Lào Cai'],
  ['017', 'Hòa Bình', '25', 'Tỉnh Phú Thọ'],
  ['019', 'Thái Nguyên', '19', 'Tỉnh Thái Nguyên'],
  ['020', 'Lạng Sơn', '20', 'Tỉnh Lạng Sơn'],
  ['022', 'Quảng Ninh', '22', 'Tỉnh Quảng Ninh'],
  ['024', 'Bắc Giang', '24', 'Tỉnh Bắc Ninh'],
  ['025', 'Phú Thọ', '25', 'Tỉnh Phú Thọ'],
  ['026', 'Vĩnh Phúc', '25', 'Tỉnh Phú Thọ'],
  ['027', 'Bắc Ninh', '24', 'Tỉnh Bắc Ninh'],
  ['030', 'Hải Dương', '31', 'Thành phố Hải Phòng'],
  ['031', 'Hải Phòng', '31', 'Thành phố Hải Phòng'],
  ['033', 'Hưng Yên', '33', 'Tỉnh Hưng Yên'],
  ['034', 'Thái Bình', '33', 'Tỉnh Hưng Yên'],
  ['035', 'Hà Nam', '37', 'Tỉnh Ninh Bình'],
  ['036', 'Nam Định', '37', 'Tỉnh Ninh Bình'],
  ['037', 'Ninh Bình', '37', 'Tỉnh Ninh Bình'],
  ['038', 'Thanh Hóa', '38', 'Tỉnh Thanh Hóa'],
  ['040', 'Nghệ An', '40', 'Tỉnh Nghệ An'],
  ['042', 'Hà Tĩnh', '42', 'Tỉnh Hà Tĩnh'],
  ['044', 'Quảng Bình', '44', 'Tỉnh Quảng Trị'],
  ['045', 'Quảng Trị', '44', 'Tỉnh Quảng Trị'],
  ['046', 'Thừa Thiên Huế', '46', 'Thành phố Huế'],
  ['048', 'Đà Nẵng', '48', 'Thành phố Đà Nẵng'],
  ['049', 'Quảng Nam', '48', 'Thành phố Đà Nẵng'],
  ['051', 'Quảng Ngãi', '51', 'Tỉnh Quảng Ngãi'],
  ['052', 'Bình Định', '52', 'Tỉnh Gia Lai'],
  ['054', 'Phú Yên', '66', 'Tỉnh Đắk Lắk'],
  ['056', 'Khánh Hòa', '56', 'Tỉnh Khánh Hòa'],
  ['058', 'Ninh Thuận', '56', 'Tỉnh Khánh Hòa'],
  ['060', 'Bình Thuận', '68', 'Tỉnh Lâm Đồng'],
  ['062', 'Kon Tum', '51', 'Tỉnh Quảng Ngãi'],
  ['064', 'Gia Lai', '52', 'Tỉnh Gia Lai'],
  ['066', 'Đắk Lắk', '66', 'Tỉnh Đắk Lắk'],
  ['067', 'Đắk Nông', '68', 'Tỉnh Lâm Đồng'],
  ['068', 'Lâm Đồng', '68', 'Tỉnh Lâm Đồng'],
  ['070', 'Bình Phước', '75', 'Tỉnh Đồng Nai'],
  ['072', 'Tây Ninh', '80', 'Tỉnh Tây Ninh'],
  ['074', 'Bình Dương', '79', 'Thành phố Hồ Chí Minh'],
  ['075', 'Đồng Nai', '75', 'Tỉnh Đồng Nai'],
  ['077', 'Bà Rịa - Vũng Tàu', '79', 'Thành phố Hồ Chí Minh'],
  ['079', 'Hồ Chí Minh', '79', 'Thành phố Hồ Chí Minh'],
  ['080', 'Long An', '80', 'Tỉnh Tây Ninh'],
  ['082', 'Tiền Giang', '82', 'Tỉnh Đồng Tháp'],
  ['083', 'Bến Tre', '86', 'Tỉnh Vĩnh Long'],
  ['084', 'Trà Vinh', '86', 'Tỉnh Vĩnh Long'],
  ['086', 'Vĩnh Long', '86', 'Tỉnh Vĩnh Long'],
  ['087', 'Đồng Tháp', '82', 'Tỉnh Đồng Tháp'],
  ['089', 'An Giang', '91', 'Tỉnh An Giang'],
  ['091', 'Kiên Giang', '91', 'Tỉnh An Giang'],
  ['092', 'Cần Thơ', '92', 'Thành phố Cần Thơ'],
  ['093', 'Hậu Giang', '92', 'Thành phố Cần Thơ'],
  ['094', 'Sóc Trăng', '92', 'Thành phố Cần Thơ'],
  ['095', 'Bạc Liêu', '96', 'Tỉnh Cà Mau'],
  ['096', 'Cà Mau', '96', 'Tỉnh Cà Mau'],
];

/** The 63 place-of-birth-registration codes, in code order. */
export const CCCD_PROVINCES: readonly CccdProvince[] = PROVINCE_ROWS.map(([code, name, province2025Code, province2025Name]) => ({
  code,
  name,
  province2025Code,
  province2025Name,
}));

const PROVINCE_BY_CODE = new Map(CCCD_PROVINCES.map((p) => [p.code, p]));

/** The province behind a 3-digit CCCD prefix, if it is one of the 63 codes. */
export function findCccdProvince(code: string): CccdProvince | undefined {
  return PROVINCE_BY_CODE.get(code);
}

export type CccdInvalidReason = 'empty' | 'not_digits' | 'length' | 'province' | 'century' | 'birth_year';

export interface ParsedCccd {
  ok: true;
  /** The 12 digits without separators. */
  number: string;
  provinceCode: string;
  provinceName: string;
  gender: CccdGender;
  /** Ordinal century as the law counts it: 20 for 1900–1999, 21 for 2000–2099. */
  century: number;
  /** Two digits, as written in the number ("05"). */
  birthYearSuffix: string;
  birthYear: number;
}

export interface InvalidIdNumber<R extends string> {
  ok: false;
  reason: R;
  /** Plain Vietnamese, ready to show beside the field. */
  message: string;
}

export type CccdResult = ParsedCccd | InvalidIdNumber<CccdInvalidReason>;

// People type numbers in groups ("079 095 012345", "079.095.012345"); separators carry no meaning.
const SEPARATORS = /[\s.-]/g;

function digitsOf(s: string): string {
  return s.trim().replace(SEPARATORS, '');
}

/** The current year in Việt Nam (UTC+7), whatever the host's time zone. */
function vietnamYear(): number {
  return new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
}

function invalid<R extends string>(reason: R, message: string): InvalidIdNumber<R> {
  return { ok: false, reason, message };
}

/**
 * Checks the form of a 12-digit CCCD number and reads what it encodes. `currentYear` (default: this
 * year in Việt Nam) bounds the birth year, since no one can be born in the future.
 */
export function parseCccd(input: string, options: { currentYear?: number } = {}): CccdResult {
  const number = digitsOf(input);
  if (number === '') return invalid('empty', 'Nhập số CCCD');
  if (!/^\d+$/.test(number)) return invalid('not_digits', 'Số CCCD chỉ gồm chữ số');
  if (number.length !== 12) {
    return number.length === 9
      ? invalid('length', 'Nhập số CCCD gồm 12 chữ số (số có 9 chữ số là số CMND cũ)')
      : invalid('length', 'Nhập số CCCD gồm 12 chữ số');
  }

  // Citizens whose birth was registered abroad get a country code here instead (Điều 13 NĐ
  // 137/2015/NĐ-CP: "mã quốc gia nơi công dân đăng ký khai sinh"). That list is not in our sources,
  // so such numbers are rejected as 'province' until it is added.
  const province = findCccdProvince(number.slice(0, 3));
  if (!province) {
    return invalid(
      'province',
      'Ba chữ số đầu của số CCCD không phải mã tỉnh, thành phố nơi đăng ký khai sinh. Kiểm tra lại số CCCD',
    );
  }

  const centuryDigit = Number(number[3]);
  const centuryIndex = Math.floor(centuryDigit / 2);
  const birthYearSuffix = number.slice(4, 6);
  const birthYear = 1900 + 100 * centuryIndex + Number(birthYearSuffix);
  const currentYear = options.currentYear ?? vietnamYear();
  // Digits 4–9 are defined by the law but mean a birth in 2100 or later: a typo today.
  if (1900 + 100 * centuryIndex > currentYear) {
    return invalid('century', 'Chữ số thứ 4 của số CCCD (mã thế kỷ sinh và giới tính) không hợp lệ. Kiểm tra lại số CCCD');
  }
  if (birthYear > currentYear) {
    return invalid(
      'birth_year',
      `Chữ số thứ 4 đến thứ 6 của số CCCD cho năm sinh ${birthYear}, là năm chưa tới. Kiểm tra lại số CCCD`,
    );
  }

  return {
    ok: true,
    number,
    provinceCode: province.code,
    provinceName: province.name,
    gender: centuryDigit % 2 === 0 ? 'male' : 'female',
    century: 20 + centuryIndex,
    birthYearSuffix,
    birthYear,
  };
}

/**
 * Whether a CCCD number agrees with a date of birth ('YYYY-MM-DD') and, when given, a gender: the
 * century digit and the two year digits must give the same year. False for a malformed number or date.
 */
export function cccdMatchesBirth(cccd: string, dateOfBirth: string, gender?: CccdGender): boolean {
  const parsed = parseCccd(cccd);
  if (!parsed.ok) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return parsed.birthYear === year && (gender === undefined || parsed.gender === gender);
}

/**
 * Known issuing-province prefixes of the 9-digit CMND, prefix → province(s) as written in the source
 * (data/reference/cmnd_9digit_prefixes_PARTIAL.csv; a test checks they stay equal).
 *
 * PARTIAL: the source stops at "Kiê…", so Kiên Giang, Tiền Giang, Long An, Cần Thơ, Đồng Tháp and
 * others are missing. An unknown prefix says nothing about validity and is never a reason to reject.
 */
export const CMND_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  '01': 'Hà Nội',
  '02': 'TP. Hồ Chí Minh',
  '03': 'Hải Phòng',
  '05': 'Sơn La',
  '07': 'Hà Giang',
  '095': 'Bắc Cạn (Bắc Kạn)',
  '10': 'Quảng Ninh',
  '11': 'Hòa Bình; Hà Tây (cũ)',
  '12': 'Bắc Ninh; Bắc Giang',
  '13': 'Phú Thọ',
  '14': 'Hải Dương; Hưng Yên',
  '16': 'Hà Nam',
  '18': 'Hà Tĩnh',
  '19': 'Quảng Bình; Quảng Trị',
  '20': 'Quảng Nam',
  '21': 'Quảng Ngãi; Bình Định',
  '22': 'Phú Yên; Khánh Hòa',
  '230': 'Gia Lai',
  '231': 'Gia Lai',
  '26': 'Ninh Thuận; Bình Thuận',
  '27': 'Bà Rịa - Vũng Tàu',
  '280': 'Bình Dương',
  '285': 'Bình Phước',
  '29': 'Tây Ninh',
  '32': 'Bến Tre',
  '35': 'An Giang',
  '36': 'Hậu Giang; Sóc Trăng',
  '38': 'Bạc Liêu',
};

export type CmndInvalidReason = 'empty' | 'not_digits' | 'length';

export interface ParsedCmnd {
  ok: true;
  /** The 9 digits without separators. */
  number: string;
  /** The matching known prefix, or null when the partial table has none. */
  issuingPrefix: string | null;
  /** Province(s) that used the prefix; several where the source lists a shared prefix; empty when unknown. */
  issuingProvinces: string[];
}

export type CmndResult = ParsedCmnd | InvalidIdNumber<CmndInvalidReason>;

/**
 * Checks the form of an old 9-digit CMND number and names its issuing province when the prefix is in
 * the partial table. (12-digit CMND cards carry a personal identifier: read those with parseCccd.)
 */
export function parseCmnd(input: string): CmndResult {
  const number = digitsOf(input);
  if (number === '') return invalid('empty', 'Nhập số CMND');
  if (!/^\d+$/.test(number)) return invalid('not_digits', 'Số CMND chỉ gồm chữ số');
  if (number.length !== 9) {
    return number.length === 12
      ? invalid('length', 'Nhập số CMND gồm 9 chữ số (số có 12 chữ số là số CCCD)')
      : invalid('length', 'Nhập số CMND gồm 9 chữ số');
  }
  // Three-digit prefixes first: 095, 230, 280… are more specific than any two-digit one.
  const issuingPrefix = [number.slice(0, 3), number.slice(0, 2)].find((p) => Object.hasOwn(CMND_KNOWN_PREFIXES, p)) ?? null;
  const asWritten = issuingPrefix === null ? undefined : CMND_KNOWN_PREFIXES[issuingPrefix];
  return {
    ok: true,
    number,
    issuingPrefix,
    issuingProvinces: asWritten === undefined ? [] : asWritten.split(';').map((p) => p.trim()),
  };
}

/** A CCCD or CMND number for display with only its last 3 digits visible: "*********123". */
export function maskIdNumber(input: string): string {
  const number = digitsOf(input);
  if (number.length <= 3) return '*'.repeat(number.length);
  return '*'.repeat(number.length - 3) + number.slice(-3);
}
