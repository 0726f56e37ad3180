import { maskPersonName } from '@motcua/contracts';
import { describe, expect, it } from 'vitest';
import {
  documentNumber,
  formLines,
  issuerAbbreviation,
  issuerLines,
  kindAbbreviation,
  placeAndDate,
  resultTitle,
  signerCapacity,
  vnTimeAndDate,
} from './results.format.ts';
import { newResultId } from './results.service.ts';

describe('place and date line (NĐ 30/2020)', () => {
  it('pads days below 10 and the months January and February only', () => {
    expect(placeAndDate('Tỉnh An Giang', '2026-03-05')).toBe('An Giang, ngày 05 tháng 3 năm 2026');
    expect(placeAndDate('Tỉnh An Giang', '2026-02-01')).toBe('An Giang, ngày 01 tháng 02 năm 2026');
    expect(placeAndDate('Tỉnh An Giang', '2026-01-31')).toBe('An Giang, ngày 31 tháng 01 năm 2026');
    expect(placeAndDate('Tỉnh An Giang', '2026-12-10')).toBe('An Giang, ngày 10 tháng 12 năm 2026');
    expect(placeAndDate('Thành phố Cần Thơ', '2026-11-09')).toBe('Cần Thơ, ngày 09 tháng 11 năm 2026');
  });

  it('writes the signing time in Việt Nam whatever the host zone', () => {
    expect(vnTimeAndDate(new Date('2026-03-05T09:05:00Z'))).toBe('16:05 05/03/2026');
    expect(vnTimeAndDate(new Date('2026-03-05T18:30:00Z'))).toBe('01:30 06/03/2026');
  });
});

describe('document number', () => {
  const commune = { kind: 'commune' as const, name: 'Phường Long Xuyên', short_name: null };
  const agency = { kind: 'agency' as const, name: 'Sở Xây dựng', short_name: null };

  it('abbreviates the kind of document from the result type', () => {
    expect(kindAbbreviation('Giấy chứng nhận đăng ký hộ kinh doanh')).toBe('GCN');
    expect(kindAbbreviation('Quyết định hưởng bảo hiểm xã hội một lần')).toBe('QĐ');
    expect(kindAbbreviation('Giấy xác nhận tình trạng hôn nhân')).toBe('GXN');
    expect(kindAbbreviation('Giấy phép xây dựng (cấp lại)')).toBe('GP');
    expect(kindAbbreviation('Cập nhật thông tin tạm trú vào Cơ sở dữ liệu về cư trú và thông báo kết quả cho người đăng ký')).toBe('TB');
    expect(kindAbbreviation('Thẻ căn cước')).toBe('KQ');
  });

  it('names the issuer UBND for a People\'s Committee and by initials for an agency', () => {
    expect(issuerAbbreviation(commune)).toBe('UBND');
    expect(issuerAbbreviation(agency)).toBe('SXD');
    expect(issuerAbbreviation({ ...agency, short_name: 'SXD-AG' })).toBe('SXD-AG');
    expect(documentNumber(123, 'Giấy chứng nhận quyền sử dụng đất', commune)).toBe('123/GCN-UBND');
    expect(documentNumber(7, 'Giấy phép xây dựng (cấp lại)', agency)).toBe('7/GP-SXD');
  });
});

describe('title and header', () => {
  it('takes the first document of the result type, without remarks, in capitals', () => {
    expect(resultTitle('Giấy khai sinh (bản chính); trích lục khai sinh (bản sao) nếu có yêu cầu', 'Đăng ký khai sinh')).toBe('GIẤY KHAI SINH');
    expect(resultTitle('', 'Đăng ký khai sinh')).toBe('KẾT QUẢ GIẢI QUYẾT THỦ TỤC ĐĂNG KÝ KHAI SINH');
  });

  it('heads a commune document with its committee, an agency with the province above it', () => {
    expect(issuerLines('Tỉnh An Giang', { kind: 'commune', name: 'Xã Mỹ Hòa Hưng' })).toEqual({
      parent: 'UBND TỈNH AN GIANG',
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ MỸ HÒA HƯNG'],
    });
    expect(issuerLines('Tỉnh An Giang', { kind: 'province', name: 'Tỉnh An Giang' })).toEqual({ parent: null, issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH AN GIANG'] });
    expect(issuerLines('Tỉnh An Giang', { kind: 'agency', name: 'Sở Xây dựng' })).toEqual({ parent: 'UBND TỈNH AN GIANG', issuer: ['SỞ XÂY DỰNG'] });
    expect(signerCapacity({ kind: 'commune', name: 'Xã Mỹ Hòa Hưng' })).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(signerCapacity({ kind: 'agency', name: 'Sở Xây dựng' })).toBe('SỞ XÂY DỰNG');
  });
});

describe('form lines', () => {
  it('prints labelled values in form order, dates as dd/mm/yyyy, and leaves out contact details and blanks', () => {
    const form = [
      { name: 'fullName', label: 'Họ, chữ đệm và tên', type: 'string' as const, required: true },
      { name: 'applicantPhone', label: 'Số điện thoại', type: 'string' as const, required: true },
      { name: 'birth', label: 'Ngày sinh', type: 'date' as const, required: true },
      { name: 'consent', label: 'Đồng ý', type: 'boolean' as const, required: false },
      { name: 'note', label: 'Ghi chú', type: 'string' as const, required: false },
      { name: 'months', label: 'Số tháng', type: 'integer' as const, required: true },
    ];
    const data = { months: 12, birth: '1990-05-12', fullName: 'Nguyễn Thị Mai Anh'.normalize('NFD'), applicantPhone: '0912345678', consent: false, note: '' };
    expect(formLines(form, data)).toEqual([
      { label: 'Họ, chữ đệm và tên', value: 'Nguyễn Thị Mai Anh' },
      { label: 'Ngày sinh', value: '12/05/1990' },
      { label: 'Đồng ý', value: 'Không' },
      { label: 'Số tháng', value: '12' },
    ]);
  });
});

describe('public id and masked name', () => {
  it('makes 26-character base32 ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newResultId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{26}$/);
  });

  it('keeps the family name and the initials of the other words', () => {
    expect(maskPersonName('Nguyễn Thị Thu Hà')).toBe('Nguyễn T. T. H.');
    expect(maskPersonName('  đặng   ngọc ẩn ')).toBe('đặng N. Ẩ.');
    expect(maskPersonName('Lê')).toBe('Lê');
  });
});
