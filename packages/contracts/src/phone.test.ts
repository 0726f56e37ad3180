import { describe, expect, it } from 'vitest';
import { MOBILE_PREFIXES, findMobilePrefix, maskPhone, parseMobile } from './phone.ts';
import { readReferenceCsv } from './testing/reference-csv.ts';

describe('embedded prefix table', () => {
  it('equals mobile_prefixes.csv, carriers without their parenthesised gloss', () => {
    const csv = readReferenceCsv('mobile_prefixes.csv');
    expect(csv).toHaveLength(42);
    expect(MOBILE_PREFIXES).toEqual(
      csv.map((r) => ({
        prefix: r.prefix,
        carrier: r.carrier!.split(' (')[0],
        oldPrefix: r.old_11digit_prefix === '' ? null : r.old_11digit_prefix,
      })),
    );
    expect([...new Set(MOBILE_PREFIXES.map((p) => p.carrier))].sort()).toEqual([
      'Gmobile',
      'Indochina Telecom',
      'Itelecom',
      'MobiFone',
      'Reddi',
      'Vietnamobile',
      'Viettel',
      'VinaPhone',
    ]);
  });
});

describe('parseMobile', () => {
  const vinaphone = {
    ok: true,
    e164: '+84912345678',
    national: '0912345678',
    carrier: 'VinaPhone',
    prefix: '091',
    converted: false,
  };

  it('accepts the ways people write a number', () => {
    for (const typed of [
      '0912345678',
      '+84912345678',
      '84 91 234 5678',
      '091.234.5678',
      ' 0912-345-678 ',
      '0084 912 345 678',
      '+84 (0) 91 234 5678',
      '(+84) 912 345 678',
      // A spreadsheet dropped the leading zero.
      '912345678',
    ]) {
      expect(parseMobile(typed), typed).toEqual(vinaphone);
    }
  });

  it('converts old 11-digit numbers to their new prefix', () => {
    expect(parseMobile('01621234567')).toEqual({
      ok: true,
      e164: '+84321234567',
      national: '0321234567',
      carrier: 'Viettel',
      prefix: '032',
      converted: true,
    });
    expect(parseMobile('+84 162 123 4567')).toMatchObject({ national: '0321234567', converted: true });
    expect(parseMobile('0199 123 4567')).toMatchObject({
      national: '0591234567',
      carrier: 'Gmobile',
      prefix: '059',
      converted: true,
    });
    expect(parseMobile('01201234567')).toMatchObject({ national: '0701234567', carrier: 'MobiFone', prefix: '070' });
    expect(parseMobile('01271234567')).toMatchObject({ national: '0811234567', carrier: 'VinaPhone', prefix: '081' });
    expect(parseMobile('01861234567')).toMatchObject({ national: '0561234567', carrier: 'Vietnamobile', prefix: '056' });
  });

  it('maps every row of the table, new and old prefixes', () => {
    for (const row of MOBILE_PREFIXES) {
      // The two libphonenumber 01 ranges only accept their exact patterns, tested below.
      if (row.prefix.startsWith('01')) continue;
      const national = (row.prefix + '1234567').slice(0, 10);
      expect(parseMobile(national), national).toEqual({
        ok: true,
        e164: '+84' + national.slice(1),
        national,
        carrier: row.carrier,
        prefix: row.prefix,
        converted: false,
      });
      if (row.oldPrefix !== null) {
        expect(parseMobile(row.oldPrefix + '7654321')).toEqual({
          ok: true,
          e164: '+84' + row.prefix.slice(1) + '7654321',
          national: row.prefix + '7654321',
          carrier: row.carrier,
          prefix: row.prefix,
          converted: true,
        });
      }
    }
  });

  it('prefers the longer prefix inside 099', () => {
    expect(parseMobile('0993123456')).toMatchObject({ carrier: 'Gmobile', prefix: '099' });
    expect(parseMobile('0998123456')).toMatchObject({ carrier: 'Indochina Telecom', prefix: '0998' });
    expect(parseMobile('0999123456')).toMatchObject({ carrier: 'Indochina Telecom', prefix: '0999' });
    expect(parseMobile('0871234567')).toMatchObject({ carrier: 'Itelecom', prefix: '087' });
  });

  it('accepts 10-digit 01 numbers only in the two libphonenumber ranges', () => {
    expect(parseMobile('0121012345')).toMatchObject({ ok: true, carrier: 'MobiFone', prefix: '0121', converted: false });
    expect(parseMobile('0160123456')).toMatchObject({ ok: true, carrier: 'Viettel', prefix: '016', converted: false });
    const oldMissingDigit = {
      ok: false,
      reason: 'prefix',
      message: 'Số di động cũ bắt đầu bằng 01 gồm 11 chữ số. Nhập đủ số cũ hoặc nhập số mới gồm 10 chữ số',
    };
    expect(parseMobile('0121412345')).toEqual(oldMissingDigit);
    expect(parseMobile('0162123456')).toEqual(oldMissingDigit);
    expect(findMobilePrefix('0162123456')).toBeUndefined();
  });

  it('gives a stable reason and a Vietnamese message', () => {
    expect(parseMobile('')).toEqual({ ok: false, reason: 'empty', message: 'Nhập số điện thoại di động' });
    expect(parseMobile('09123abc78')).toEqual({
      ok: false,
      reason: 'not_digits',
      message: 'Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng +84',
    });
    const foreign = { ok: false, reason: 'country', message: 'Nhập số điện thoại di động Việt Nam, bắt đầu bằng 0 hoặc +84' };
    expect(parseMobile('+1 415 555 0100')).toEqual(foreign);
    expect(parseMobile('0044 20 7946 0000')).toEqual(foreign);
    const length = { ok: false, reason: 'length', message: 'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678' };
    expect(parseMobile('091234567')).toEqual(length);
    expect(parseMobile('09123456789')).toEqual(length);
    expect(parseMobile('+84 91 234 56')).toEqual(length);
    expect(parseMobile('0296 3123 456')).toEqual({
      ok: false,
      reason: 'prefix',
      message: 'Số bắt đầu bằng 02 là số máy bàn. Nhập số điện thoại di động',
    });
    expect(parseMobile('0601234567')).toEqual({
      ok: false,
      reason: 'prefix',
      message: 'Đầu số 060 không phải đầu số di động. Kiểm tra lại số điện thoại',
    });
    expect(parseMobile('01301234567')).toEqual({
      ok: false,
      reason: 'prefix',
      message: 'Đầu số 0130 không phải đầu số di động cũ. Kiểm tra lại số điện thoại',
    });
  });
});

describe('maskPhone', () => {
  it('hides the middle of the 10-digit form', () => {
    expect(maskPhone('0912345678')).toBe('091****678');
    expect(maskPhone('+84 91 234 5678')).toBe('091****678');
    expect(maskPhone('01621234567')).toBe('032****567');
    expect(maskPhone('0296 3123 456')).toBe('029*****456');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
  });
});
