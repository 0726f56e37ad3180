/** Issue 6 acceptance, rules part: each rule, each name/date normalisation case, the rule order. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_PER_ID,
  canonicalDate,
  checkId,
  classify,
  hash32,
  nameHashes,
  nameParts,
  parseDob,
  registryViewOf,
} from './reconcile.rules.ts';
import { nameKey } from '@motcua/contracts';
import { RECONCILE_STATUSES, type RegistryLookup, type SubscriberRow } from './reconcile.types.ts';

const CCCD = '089090001234'; // An Giang, man born 1990
const CMND = '351234567';

const sub = (over: Partial<SubscriberRow> = {}): SubscriberRow => ({
  msisdn: '0961234567',
  carrier: 'Viettel',
  idType: 'cccd',
  idNumber: CCCD,
  fullName: 'Nguyễn Văn Hòa',
  dateOfBirth: '1990-05-14',
  registeredAt: '2019-03-01',
  ...over,
});

const person = (over: Partial<{ full_name: string; date_of_birth: string; status: string; commune_code: string }> = {}) =>
  registryViewOf({ full_name: 'Nguyễn Văn Hòa', date_of_birth: '1990-05-14', status: 'alive', commune_code: '30280', ...over });

const byId = (over: Parameters<typeof person>[0] = {}): RegistryLookup => ({ found: 'by_id', person: person(over) });
const NONE: RegistryLookup = { found: 'none' };

describe('parseDob', () => {
  it('reads YYYY-MM-DD, DD/MM/YYYY and D/M/YYYY as the same day', () => {
    expect(parseDob('1990-05-14')).toBe(7438);
    expect(parseDob('14/05/1990')).toBe(7438);
    expect(parseDob(' 14/5/1990 ')).toBe(7438);
    expect(parseDob('1970-01-01')).toBe(0);
    expect(parseDob('31/12/1969')).toBe(-1);
    expect(parseDob('29/02/2000')).toBe(11016);
  });

  it('refuses impossible or unreadable dates', () => {
    expect(parseDob('31/02/1990')).toBeNull();
    expect(parseDob('29/02/1900')).toBeNull();
    expect(parseDob('2023-13-01')).toBeNull();
    expect(parseDob('1990-00-10')).toBeNull();
    expect(parseDob('00/05/1990')).toBeNull();
    expect(parseDob('')).toBeNull();
    expect(parseDob('14.05.1990')).toBeNull();
    expect(parseDob('05/14/90')).toBeNull();
    expect(parseDob('1990')).toBeNull();
    expect(parseDob('01/01/0990')).toBeNull();
  });

  it('round-trips through canonicalDate', () => {
    expect(canonicalDate(7438)).toBe('1990-05-14');
    expect(canonicalDate(-1)).toBe('1969-12-31');
    expect(canonicalDate(parseDob('1/2/2003')!)).toBe('2003-02-01');
  });
});

describe('checkId', () => {
  it('accepts a CCCD and a 9-digit CMND, spaces and dots ignored', () => {
    expect(checkId('cccd', CCCD)).toEqual({ ok: true, kind: 'cccd' });
    expect(checkId(' CCCD ', '089 090 001234')).toEqual({ ok: true, kind: 'cccd' });
    expect(checkId('cmnd', CMND)).toEqual({ ok: true, kind: 'cmnd' });
    expect(checkId('cmnd', ' 351.234.567 ')).toEqual({ ok: true, kind: 'cmnd' });
  });

  it('refuses an unknown province code, a century digit for a birth after today, a wrong length', () => {
    expect(checkId('cccd', '099090001234')).toEqual({ ok: false, reason: 'CCCD: mã tỉnh nơi đăng ký khai sinh 099 không tồn tại' });
    expect(checkId('cccd', '003090001234')).toEqual({ ok: false, reason: 'CCCD: mã tỉnh nơi đăng ký khai sinh 003 không tồn tại' });
    expect(checkId('cccd', '089490001234')).toEqual({ ok: false, reason: 'CCCD: chữ số thứ 4 (mã thế kỷ sinh và giới tính) không hợp lệ' });
    expect(checkId('cccd', '08909000123')).toEqual({ ok: false, reason: 'Số CCCD phải có 12 chữ số (có 11)' });
    expect(checkId('cccd', '08909000123X')).toEqual({ ok: false, reason: 'Số CCCD có ký tự không phải chữ số' });
    expect(checkId('cccd', '')).toEqual({ ok: false, reason: 'Thiếu số CCCD' });
    expect(checkId('cmnd', '35123456')).toEqual({ ok: false, reason: 'Số CMND phải có 9 chữ số (có 8)' });
  });

  it('refuses a type that disagrees with the length', () => {
    expect(checkId('cccd', CMND)).toEqual({ ok: false, reason: 'Loại giấy tờ là CCCD nhưng số có 9 chữ số (số CMND)' });
    expect(checkId('cmnd', CCCD)).toEqual({ ok: false, reason: 'Loại giấy tờ là CMND nhưng số có 12 chữ số (số CCCD)' });
  });

  it('puts passport and other documents out of scope, and an unknown type', () => {
    expect(checkId('passport', 'B1234567')).toEqual({
      ok: false,
      reason: 'Đăng ký bằng hộ chiếu: ngoài phạm vi đối soát với CSDL dân cư (báo cáo riêng)',
    });
    expect(checkId('Other', '123')).toEqual({
      ok: false,
      reason: 'Đăng ký bằng giấy tờ khác: ngoài phạm vi đối soát với CSDL dân cư (báo cáo riêng)',
    });
    expect(checkId('', CCCD)).toEqual({ ok: false, reason: 'Thiếu loại giấy tờ' });
    expect(checkId('cmt', CMND)).toEqual({ ok: false, reason: 'Loại giấy tờ không xác định (cần cccd hoặc cmnd)' });
  });
});

describe('nameParts and hashes', () => {
  it('splits family, middle and given names of the canonical key', () => {
    expect(nameParts('Nguyễn Văn Hòa')).toEqual(['nguyễn', 'văn', 'hòa']);
    expect(nameParts('Tôn Nữ Thị Minh Khai')).toEqual(['tôn', 'nữ thị minh', 'khai']);
    expect(nameParts('Lê Hoa')).toEqual(['lê', '', 'hoa']);
    expect(nameParts('H’Hen')).toEqual(['', '', 'h’hen']);
    expect(nameParts('   ')).toEqual(['', '', '']);
  });

  it('normalises NFD input, double spaces, upper case and old tone placement', () => {
    const canonical = nameParts('Nguyễn Văn Hòa');
    expect(nameParts('Nguyễn Văn Hòa'.normalize('NFD'))).toEqual(canonical);
    expect(nameParts('  Nguyễn   Văn  Hòa ')).toEqual(canonical);
    expect(nameParts('NGUYỄN VĂN HÒA')).toEqual(canonical);
    expect(nameParts('Nguyễn Văn Hoà')).toEqual(canonical);
    expect(nameParts('NGUYỄN  VĂN HOÀ'.normalize('NFD'))).toEqual(canonical);
    expect(nameParts('Trần Thị Thuỷ')).toEqual(nameParts('Trần Thị Thủy'));
  });

  it('gives the same parts as splitting nameKey of the whole name (word cache)', () => {
    const names = [
      'Nguyễn Văn Hòa', '  NGUYỄN  VĂN HOÀ '.normalize('NFD'), 'Trần\tThị\u00A0Thuỷ', 'Ng\u200Buyễn \u200B Hòa', 'Ng\uFEFFuyễn Hòa',
      'ÐOÀN Thị Khỏe', 'Lê', '', 'Quách Thị Quỳnh Giang', 'KHUỶU Xoáy Ngoài',
    ];
    for (const n of names) {
      const words = nameKey(n).split(' ').filter((w) => w !== '');
      const expected = words.length === 0 ? ['', '', ''] : words.length === 1 ? ['', '', words[0]] : [words[0], words.slice(1, -1).join(' '), words.at(-1)];
      expect(nameParts(n)).toEqual(expected);
      expect(nameParts(n)).toEqual(nameParts(n)); // second call from the cache
    }
    expect(nameParts('Ng\uFEFFuyễn Hòa')).toEqual(['nguyễn', '', 'hòa']);
  });

  it('keeps diacritics: Nguyễn is not Nguyên', () => {
    expect(nameHashes('Nguyễn Văn Hòa')[0]).not.toBe(nameHashes('Nguyên Văn Hòa')[0]);
    expect(nameHashes('Nguyễn Văn Hòa')[0]).not.toBe(nameHashes('Nguyen Van Hoa')[0]);
  });

  it('hash32 is FNV-1a 32-bit', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
    expect(hash32('foobar')).toBe(0xbf9cf968);
    expect(nameHashes('Lê Hoa')).toEqual([hash32('lê'), hash32(''), hash32('hoa')]);
  });

  it('registryViewOf keeps hashes, days, deceased and commune', () => {
    expect(registryViewOf({ full_name: 'Lê Hoa', date_of_birth: '14/05/1990', status: ' Deceased ', commune_code: ' 30280 ' })).toEqual({
      nameHashes: [hash32('lê'), hash32(''), hash32('hoa')],
      dobDays: 7438,
      deceased: true,
      communeCode: '30280',
    });
    expect(registryViewOf({ full_name: 'Lê Hoa', date_of_birth: '', status: 'alive', commune_code: '' }).dobDays).toBeNull();
  });
});

describe('classify', () => {
  it('match, whatever the form of the name and the date', () => {
    const m = { status: 'match', detail: '', communeCode: '30280' };
    expect(classify(sub(), byId())).toEqual(m);
    expect(classify(sub({ fullName: '  NGUYỄN  VĂN HOÀ '.normalize('NFD'), dateOfBirth: '14/5/1990' }), byId())).toEqual(m);
    expect(classify(sub({ fullName: 'Trần Thị Thuỷ' }), byId({ full_name: 'Trần Thị Thủy' }))).toEqual(m);
  });

  it('invalid_id for a bad CCCD, a passport, a type/length disagreement', () => {
    expect(classify(sub({ idNumber: '099090001234' }), byId())).toEqual({
      status: 'invalid_id',
      detail: 'CCCD: mã tỉnh nơi đăng ký khai sinh 099 không tồn tại',
      communeCode: '',
    });
    expect(classify(sub({ idNumber: '089490001234' }), NONE).status).toBe('invalid_id');
    expect(classify(sub({ idType: 'passport', idNumber: 'B1234567' }), NONE)).toEqual({
      status: 'invalid_id',
      detail: 'Đăng ký bằng hộ chiếu: ngoài phạm vi đối soát với CSDL dân cư (báo cáo riêng)',
      communeCode: '',
    });
    expect(classify(sub({ idType: 'cccd', idNumber: CMND }), NONE).status).toBe('invalid_id');
  });

  it('invalid_dob for an impossible or unreadable date', () => {
    const r = { status: 'invalid_dob', detail: 'Ngày sinh không đọc được hoặc không có thật (cần dạng YYYY-MM-DD hoặc DD/MM/YYYY)', communeCode: '' };
    expect(classify(sub({ dateOfBirth: '31/02/1990' }), byId())).toEqual(r);
    expect(classify(sub({ dateOfBirth: '' }), byId())).toEqual(r);
  });

  it('old_id for a 9-digit CMND the registry knows, id_not_found for one it does not', () => {
    const cmnd = sub({ idType: 'cmnd', idNumber: CMND });
    expect(classify(cmnd, { found: 'by_old_id', person: person(), currentId: CCCD })).toEqual({
      status: 'old_id',
      detail: 'Đăng ký bằng CMND 9 số; CCCD tương ứng …234',
      communeCode: '30280',
    });
    expect(classify(cmnd, { found: 'by_old_id', person: person() })).toEqual({
      status: 'old_id',
      detail: 'Đăng ký bằng CMND 9 số; đã có CCCD trong CSDL dân cư',
      communeCode: '30280',
    });
    expect(classify(cmnd, NONE)).toEqual({
      status: 'id_not_found',
      detail: 'Số CMND 9 số không có trong CSDL dân cư (kể cả số CMND cũ)',
      communeCode: '',
    });
  });

  it('id_not_found for a CCCD the registry does not know', () => {
    expect(classify(sub(), NONE)).toEqual({ status: 'id_not_found', detail: 'Số CCCD không có trong CSDL dân cư', communeCode: '' });
  });

  it('deceased before any mismatch', () => {
    expect(classify(sub({ fullName: 'Lê Hoa' }), byId({ status: 'deceased' }))).toEqual({
      status: 'deceased',
      detail: 'CSDL dân cư ghi nhận người mang số giấy tờ này đã mất',
      communeCode: '30280',
    });
  });

  it('name_mismatch says which parts differ, never the registry value', () => {
    expect(classify(sub({ fullName: 'Nguyên Văn Hòa' }), byId())).toEqual({ status: 'name_mismatch', detail: 'Họ khác', communeCode: '30280' });
    expect(classify(sub({ fullName: 'Trần Thị Hòa' }), byId())).toEqual({
      status: 'name_mismatch',
      detail: 'Họ khác; tên đệm khác',
      communeCode: '30280',
    });
    expect(classify(sub({ fullName: 'Nguyễn Hòa' }), byId()).detail).toBe('Tên đệm khác');
    expect(classify(sub({ fullName: 'Nguyễn Văn Hoa' }), byId()).detail).toBe('Tên khác');
  });

  it('dob_mismatch tells a different year from a different day', () => {
    const d = (dateOfBirth: string) => classify(sub({ dateOfBirth }), byId());
    expect(d('1991-05-14')).toEqual({ status: 'dob_mismatch', detail: 'Năm sinh khác', communeCode: '30280' });
    expect(d('1990-05-15').detail).toBe('Ngày sinh khác (tháng, năm sinh trùng)');
    expect(d('1990-06-15').detail).toBe('Ngày, tháng sinh khác (năm sinh trùng)');
    expect(d('05/12/1990').detail).toBe('Ngày, tháng sinh khác (năm sinh trùng)');
    expect(classify(sub({ dateOfBirth: '1990-03-04' }), byId({ date_of_birth: '1990-04-03' })).detail).toBe(
      'Ngày và tháng sinh bị đảo chỗ (năm sinh trùng)',
    );
    expect(classify(sub(), byId({ date_of_birth: '' }))).toEqual({
      status: 'dob_mismatch',
      detail: 'CSDL dân cư không có ngày sinh để so khớp',
      communeCode: '30280',
    });
  });

  it('name_dob_mismatch when both differ', () => {
    expect(classify(sub({ fullName: 'Nguyễn Văn Hoa', dateOfBirth: '1989-05-14' }), byId())).toEqual({
      status: 'name_dob_mismatch',
      detail: 'Tên khác; năm sinh khác',
      communeCode: '30280',
    });
  });

  it('applies the rules in order', () => {
    // invalid id beats invalid date of birth, which beats a registry miss, which beats everything else.
    expect(classify(sub({ idNumber: '099090001234', dateOfBirth: '31/02/1990' }), NONE).status).toBe('invalid_id');
    expect(classify(sub({ dateOfBirth: '31/02/1990' }), NONE).status).toBe('invalid_dob');
    expect(classify(sub({ idType: 'cmnd', idNumber: CMND, fullName: 'Lê Hoa' }), { found: 'by_old_id', person: person({ status: 'deceased' }) }).status).toBe(
      'old_id',
    );
    expect(classify(sub({ fullName: 'Lê Hoa', dateOfBirth: '2000-01-01' }), byId({ status: 'deceased' })).status).toBe('deceased');
    expect(RECONCILE_STATUSES).toEqual([
      'invalid_id', 'invalid_dob', 'old_id', 'id_not_found', 'deceased', 'name_dob_mismatch', 'name_mismatch', 'dob_mismatch', 'match',
    ]);
  });

  it('a CMND stored as a registry id_number goes on to the other rules', () => {
    expect(classify(sub({ idType: 'cmnd', idNumber: CMND }), byId()).status).toBe('match');
  });
});

describe('DEFAULT_MAX_PER_ID', () => {
  it('is 3 numbers per person per carrier (docs/reconcile.md)', () => {
    expect(DEFAULT_MAX_PER_ID).toBe(3);
  });
});
