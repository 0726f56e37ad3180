import { describe, expect, it } from 'vitest';
import {
  CCCD_PROVINCES,
  CMND_KNOWN_PREFIXES,
  cccdMatchesBirth,
  findCccdProvince,
  maskIdNumber,
  parseCccd,
  parseCmnd,
} from './cccd.ts';
import { readReferenceCsv } from './testing/reference-csv.ts';

const CURRENT_YEAR = 2026;

/** A small seeded generator (mulberry32) so the property loop is reproducible. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('embedded tables equal the reference CSVs', () => {
  it('has the 63 CCCD province codes of cccd_province_codes.csv', () => {
    const csv = readReferenceCsv('cccd_province_codes.csv');
    expect(csv).toHaveLength(63);
    expect(CCCD_PROVINCES).toEqual(
      csv.map((r) => ({
        code: r.cccd_code,
        name: r.old_province_name,
        province2025Code: r.new_province_code_2025,
        province2025Name: r.new_province_name_2025,
      })),
    );
  });

  it('has the partial CMND prefixes of cmnd_9digit_prefixes_PARTIAL.csv', () => {
    const expected: Record<string, string> = {};
    for (const r of readReferenceCsv('cmnd_9digit_prefixes_PARTIAL.csv')) {
      for (const prefix of r.prefix!.split(';')) expected[prefix] = r.province_as_written_on_source!;
    }
    expect(CMND_KNOWN_PREFIXES).toEqual(expected);
    expect(Object.keys(CMND_KNOWN_PREFIXES)).toHaveLength(28);
  });

  it('reads the century/gender digit as cccd_century_gender_digit.csv says', () => {
    for (const r of readReferenceCsv('cccd_century_gender_digit.csv')) {
      const parsed = parseCccd(`089${r.digit}00000001`, { currentYear: 2399 });
      const [from] = r.birth_year_range!.split('-');
      expect(parsed).toMatchObject({
        ok: true,
        century: Number(r.century),
        birthYear: Number(from),
        gender: r.gender!.startsWith('Nam') ? 'male' : 'female',
      });
    }
  });
});

describe('parseCccd', () => {
  it('reads a number typed in groups', () => {
    expect(parseCccd('079 095 012345', { currentYear: CURRENT_YEAR })).toEqual({
      ok: true,
      number: '079095012345',
      provinceCode: '079',
      provinceName: 'Hồ Chí Minh',
      gender: 'male',
      century: 20,
      birthYearSuffix: '95',
      birthYear: 1995,
    });
    expect(parseCccd(' 089.305.000123 ', { currentYear: CURRENT_YEAR })).toEqual({
      ok: true,
      number: '089305000123',
      provinceCode: '089',
      provinceName: 'An Giang',
      gender: 'female',
      century: 21,
      birthYearSuffix: '05',
      birthYear: 2005,
    });
  });

  it('gives a stable reason and a Vietnamese message', () => {
    const at = (s: string) => parseCccd(s, { currentYear: CURRENT_YEAR });
    expect(at('  ')).toEqual({ ok: false, reason: 'empty', message: 'Nhập số CCCD' });
    expect(at('07909501234')).toEqual({ ok: false, reason: 'length', message: 'Nhập số CCCD gồm 12 chữ số' });
    expect(at('351 234 567')).toEqual({
      ok: false,
      reason: 'length',
      message: 'Nhập số CCCD gồm 12 chữ số (số có 9 chữ số là số CMND cũ)',
    });
    expect(at('07909501234O')).toEqual({ ok: false, reason: 'not_digits', message: 'Số CCCD chỉ gồm chữ số' });
    expect(at('003095012345')).toEqual({
      ok: false,
      reason: 'province',
      message: 'Ba chữ số đầu của số CCCD không phải mã tỉnh, thành phố nơi đăng ký khai sinh. Kiểm tra lại số CCCD',
    });
    expect(at('079495012345')).toEqual({
      ok: false,
      reason: 'century',
      message: 'Chữ số thứ 4 của số CCCD (mã thế kỷ sinh và giới tính) không hợp lệ. Kiểm tra lại số CCCD',
    });
    expect(at('079235012345')).toEqual({
      ok: false,
      reason: 'birth_year',
      message: 'Chữ số thứ 4 đến thứ 6 của số CCCD cho năm sinh 2035, là năm chưa tới. Kiểm tra lại số CCCD',
    });
    expect(at('079226012345')).toMatchObject({ ok: true, birthYear: 2026 });
  });

  it('round-trips random valid numbers built from the table', () => {
    const random = seeded(20260213);
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 500; i++) {
      const province = CCCD_PROVINCES[pick(CCCD_PROVINCES.length)]!;
      const centuryDigit = pick(10);
      const suffix = String(pick(100)).padStart(2, '0');
      const serial = String(pick(1_000_000)).padStart(6, '0');
      const number = `${province.code}${centuryDigit}${suffix}${serial}`;
      const typed = i % 3 === 0 ? `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}` : number;
      const birthYear = 1900 + 100 * Math.floor(centuryDigit / 2) + Number(suffix);
      const gender = centuryDigit % 2 === 0 ? 'male' : 'female';

      expect(parseCccd(typed, { currentYear: 2399 })).toEqual({
        ok: true,
        number,
        provinceCode: province.code,
        provinceName: province.name,
        gender,
        century: 20 + Math.floor(centuryDigit / 2),
        birthYearSuffix: suffix,
        birthYear,
      });
      expect(findCccdProvince(number.slice(0, 3))).toBe(province);
      expect(maskIdNumber(typed)).toBe('*********' + serial.slice(3));
      if (centuryDigit < 2) {
        expect(cccdMatchesBirth(typed, `${birthYear}-06-30`, gender)).toBe(true);
        expect(cccdMatchesBirth(typed, `${birthYear + 100}-06-30`)).toBe(false);
        expect(cccdMatchesBirth(typed, `${birthYear}-06-30`, gender === 'male' ? 'female' : 'male')).toBe(false);
      }
    }
  });
});

describe('cccdMatchesBirth', () => {
  it('checks century, year and gender', () => {
    expect(cccdMatchesBirth('079095012345', '1995-03-15')).toBe(true);
    expect(cccdMatchesBirth('079 095 012345', '1995-03-15', 'male')).toBe(true);
    expect(cccdMatchesBirth('079095012345', '1995-03-15', 'female')).toBe(false);
    expect(cccdMatchesBirth('079095012345', '1996-03-15')).toBe(false);
    expect(cccdMatchesBirth('079095012345', '2095-03-15')).toBe(false);
    expect(cccdMatchesBirth('089305000123', '2005-12-31', 'female')).toBe(true);
  });

  it('is false for a malformed number or date', () => {
    expect(cccdMatchesBirth('07909501234', '1995-03-15')).toBe(false);
    expect(cccdMatchesBirth('079095012345', '15/03/1995')).toBe(false);
    expect(cccdMatchesBirth('079095012345', '1995-02-30')).toBe(false);
    expect(cccdMatchesBirth('079095012345', '1995-3-15')).toBe(false);
  });
});

describe('parseCmnd', () => {
  it('names the issuing province when the partial table knows the prefix', () => {
    expect(parseCmnd('351 234 567')).toEqual({
      ok: true,
      number: '351234567',
      issuingPrefix: '35',
      issuingProvinces: ['An Giang'],
    });
    expect(parseCmnd('231234567')).toEqual({
      ok: true,
      number: '231234567',
      issuingPrefix: '231',
      issuingProvinces: ['Gia Lai'],
    });
    expect(parseCmnd('095123456')).toEqual({
      ok: true,
      number: '095123456',
      issuingPrefix: '095',
      issuingProvinces: ['Bắc Cạn (Bắc Kạn)'],
    });
    expect(parseCmnd('121234567')).toEqual({
      ok: true,
      number: '121234567',
      issuingPrefix: '12',
      issuingProvinces: ['Bắc Ninh', 'Bắc Giang'],
    });
  });

  it('accepts an unknown prefix without a province', () => {
    expect(parseCmnd('371234567')).toEqual({ ok: true, number: '371234567', issuingPrefix: null, issuingProvinces: [] });
    expect(parseCmnd('281234567')).toEqual({ ok: true, number: '281234567', issuingPrefix: null, issuingProvinces: [] });
  });

  it('rejects what is not 9 digits', () => {
    expect(parseCmnd('')).toEqual({ ok: false, reason: 'empty', message: 'Nhập số CMND' });
    expect(parseCmnd('35123456x')).toEqual({ ok: false, reason: 'not_digits', message: 'Số CMND chỉ gồm chữ số' });
    expect(parseCmnd('3512345678')).toEqual({ ok: false, reason: 'length', message: 'Nhập số CMND gồm 9 chữ số' });
    expect(parseCmnd('089095012345')).toEqual({
      ok: false,
      reason: 'length',
      message: 'Nhập số CMND gồm 9 chữ số (số có 12 chữ số là số CCCD)',
    });
  });
});

describe('maskIdNumber', () => {
  it('keeps only the last 3 digits', () => {
    expect(maskIdNumber('079095012345')).toBe('*********345');
    expect(maskIdNumber(' 079.095.012.345 ')).toBe('*********345');
    expect(maskIdNumber('351234567')).toBe('******567');
    expect(maskIdNumber('12')).toBe('**');
    expect(maskIdNumber('')).toBe('');
  });
});
