/** Pure rules of the dossier module: receipt codes, time limits, e-form checks, fees, competence, lateness. */
import { describe, expect, it } from 'vitest';
import type { FormField } from '@motcua/contracts';
import type { UnitRow } from '../units/units.service.ts';
import { processingWorkingDays } from './dossiers.due.ts';
import { checkFormData, feeFor, unitProblem } from './dossiers.form.ts';
import { isLate } from './dossiers.presenter.ts';
import { formatReceiptCode, parseReceiptCode } from './dossiers.receipt.ts';

describe('receipt codes', () => {
  it('formats unit, day and a sequence of at least 4 digits', () => {
    expect(formatReceiptCode('30307', '2026-02-13', 1)).toBe('30307-260213-0001');
    expect(formatReceiptCode('91.CA', '2026-12-31', 12345)).toBe('91.CA-261231-12345');
  });

  it('reads back codes of its own format only', () => {
    expect(parseReceiptCode('91.CA-261231-12345')).toEqual({ unitCode: '91.CA', day: '2026-12-31', seq: 12345 });
    expect(parseReceiptCode('H1-2024-0001')).toBeNull();
    expect(parseReceiptCode('30307-261399-0001')).toBeNull();
    expect(parseReceiptCode('30307-260213-99999999999')).toBeNull();
  });
});

describe('time limits', () => {
  it.each([
    [{ processing_working_days: 3, processing_hours: null }, 3],
    [{ processing_working_days: 0, processing_hours: null }, 0],
    [{ processing_working_days: null, processing_hours: 8 }, 0],
    [{ processing_working_days: null, processing_hours: 4 }, 0],
    [{ processing_working_days: null, processing_hours: 12 }, 2],
    [{ processing_working_days: null, processing_hours: 24 }, 3],
    [{ processing_working_days: null, processing_hours: null }, null],
  ])('%o → %s working days', (p, days) => expect(processingWorkingDays(p)).toBe(days));
});

describe('e-form values', () => {
  const form: FormField[] = [
    { name: 'fullName', label: 'Họ và tên', type: 'string', required: true },
    { name: 'born', label: 'Ngày sinh', type: 'date', required: true },
    { name: 'months', label: 'Số tháng', type: 'integer', required: false },
    { name: 'consent', label: 'Đồng ý', type: 'boolean', required: false },
    { name: 'gender', label: 'Giới tính', type: 'select', required: true, options: ['Nam', 'Nữ'] },
  ];

  it('keeps good values, NFC-normalised and trimmed, and drops empty optional ones', () => {
    const r = checkFormData(form, { fullName: ' Lê Thị Hoà '.normalize('NFD'), born: '1990-01-31', months: 6, consent: false, gender: 'Nữ' });
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ fullName: 'Lê Thị Hoà'.normalize('NFC'), born: '1990-01-31', months: 6, consent: false, gender: 'Nữ' });
  });

  it('names each bad field', () => {
    const r = checkFormData(form, { fullName: '', born: '31/01/1990', months: '6', gender: 'Khác', extra: 1 });
    expect(r.problems.map((p) => p.field)).toEqual(['formData.extra', 'formData.fullName', 'formData.born', 'formData.months', 'formData.gender']);
    expect(r.problems[1]!.message).toBe('Nhập họ và tên');
  });
});

describe('fees', () => {
  const fees = { fees: [{ label: 'Nộp hồ sơ trực tiếp', amountVnd: 20000 }, { label: 'Nộp hồ sơ trực tuyến', amountVnd: 10000 }] };
  it('takes the case of the channel unless stated', () => {
    expect(feeFor(fees, 'counter', undefined)).toBe(20000);
    expect(feeFor(fees, 'post', undefined)).toBe(20000);
    expect(feeFor(fees, 'online', undefined)).toBe(10000);
    expect(feeFor(fees, 'online', 0)).toBe(0);
    expect(feeFor({ fees: [] }, 'counter', undefined)).toBe(0);
  });
  it('refuses an amount the catalogue does not list', () => {
    expect(() => feeFor(fees, 'counter', 15000)).toThrow(/không có trong danh mục/);
  });
});

describe('competence', () => {
  const commune = { code: '30307', kind: 'commune', path: '/1/5/' } as UnitRow;
  const police = { code: '91.CA', kind: 'agency', path: '/1/9/' } as UnitRow;
  const communeLevel = { code: '1.004194', name: 'Đăng ký tạm trú', level: 'commune' as const, agency_code: null, agency_name: 'Công an cấp xã' };
  const agencyLevel = { code: '2.000001', name: 'Thủ tục tỉnh', level: 'province' as const, agency_code: '91.CA', agency_name: 'Công an tỉnh' };
  it('sends commune procedures to communes and named agencies to themselves', () => {
    expect(unitProblem(communeLevel, commune, null)).toBeNull();
    expect(unitProblem(communeLevel, police, null)).toMatch(/thẩm quyền cấp xã/);
    expect(unitProblem(agencyLevel, police, '/1/9/')).toBeNull();
    expect(unitProblem(agencyLevel, commune, '/1/9/')).toMatch(/do Công an tỉnh \(mã 91\.CA\) giải quyết/);
  });
});

describe('lateness', () => {
  const due = new Date('2026-02-25T10:00:00Z');
  it('is late when decided after the due date, or undecided past it while the clock runs', () => {
    expect(isLate({ due_at: due, finished_at: new Date('2026-02-25T10:00:00Z'), status: 'approved' }, new Date('2027-01-01'))).toBe(false);
    expect(isLate({ due_at: due, finished_at: new Date('2026-02-25T10:00:01Z'), status: 'approved' }, new Date('2027-01-01'))).toBe(true);
    expect(isLate({ due_at: due, finished_at: null, status: 'in_progress' }, new Date('2026-02-26T00:00:00Z'))).toBe(true);
    expect(isLate({ due_at: due, finished_at: null, status: 'supplement_requested' }, new Date('2026-02-26T00:00:00Z'))).toBe(false);
    expect(isLate({ due_at: null, finished_at: null, status: 'submitted' }, new Date('2026-02-26T00:00:00Z'))).toBe(false);
  });
});
