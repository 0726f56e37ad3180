import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../shared/tabular.ts';
import { kindOf, validateHolidayRows } from './calendar.import.ts';
import { referenceSchedule } from './calendar.loader.ts';

const HEADER = 'date,weekday,year,occasion,kind,notes,source,extra';

describe('holiday schedule validation', () => {
  it('accepts the reference schedule: 50 rows, 2025 and 2026, kinds mapped', async () => {
    const s = await referenceSchedule();
    expect(s.rejected).toEqual([]);
    expect(s.years).toEqual([2025, 2026]);
    expect(s.days).toHaveLength(50);
    const working = s.days.filter((d) => d.kind === 'working_day').map((d) => d.date);
    expect(working).toEqual(['2025-04-26', '2026-01-10', '2026-08-22']);
    // "same …" sources are resolved to the source of the row above.
    const tet26 = s.days.find((d) => d.date === '2026-02-16')!;
    expect(tet26.source).toBe(
      'https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html ; http://www.congan.com.vn/?catid=702&id=388656&mod=detnews (weekday statutory days derived)',
    );
  });

  it('maps kinds by prefix and refuses unknown ones', () => {
    expect(kindOf('make-up working day (public servants)')).toBe('working_day');
    expect(kindOf('statutory (adjacent day)')).toBe('day_off');
    expect(kindOf('compensatory day (nghỉ bù)')).toBe('day_off');
    expect(kindOf('Làm bù')).toBe('working_day');
    expect(kindOf('holiday-ish')).toBeNull();
    expect(kindOf('')).toBeNull();
  });

  it('reports every bad row with its line and a Vietnamese reason, and keeps nothing', () => {
    const csv = [
      HEADER,
      '2027-01-01,Fri,2027,Tết Dương lịch,statutory,,law,x', // line 2: fine
      '2027-02-30,Tue,2027,Tết,statutory,,,', // 3: bad date
      '2027-02-05,Mon,2027,Tết,statutory,,,', // 4: 05/02/2027 is a Friday
      '2027-02-08,Mon,2027,Tết,party,,,', // 5: unknown kind
      '2027-01-01,Fri,2027,Tết Dương lịch,statutory,,,', // 6: duplicate of line 2
      '10/02/2027,T4,2026,Tết,statutory,,,', // 7: dd/mm/yyyy is fine, the year column is not
      '2027-02-09,Tue,2027,,statutory,,,', // 8: no occasion
    ].join('\n');
    const r = validateHolidayRows(readCsvRows(csv));
    expect(r.days).toEqual([]);
    expect(r.years).toEqual([]);
    expect(r.rejected).toEqual([
      { line: 3, reason: 'ngày "2027-02-30" không hợp lệ (YYYY-MM-DD hoặc dd/mm/yyyy)' },
      { line: 4, reason: 'thứ "Mon" không khớp với ngày 2027-02-05 (Thứ sáu)' },
      {
        line: 5,
        reason:
          'loại ngày "party" không rõ (ví dụ: statutory, weekend, swapped day off, compensatory day, make-up working day, day_off, working_day)',
      },
      { line: 6, reason: 'ngày 2027-01-01 trùng với dòng 2' },
      { line: 7, reason: 'năm "2026" không khớp với ngày 2027-02-10' },
      { line: 8, reason: 'thiếu tên dịp (occasion)' },
    ]);
  });

  it('accepts Vietnamese weekday names and dd/mm/yyyy dates, weekday optional', () => {
    const csv = [
      HEADER,
      '08/02/2027,Thứ hai,2027,Tết,nghỉ,,,',
      '2027-02-13,t7,,Làm bù Tết,làm bù,,,',
      '2027-02-14,,,Chủ nhật,day_off,,,',
    ].join('\n');
    const r = validateHolidayRows(readCsvRows(csv));
    expect(r.rejected).toEqual([]);
    expect(r.days.map((d) => [d.date, d.kind])).toEqual([
      ['2027-02-08', 'day_off'],
      ['2027-02-13', 'working_day'],
      ['2027-02-14', 'day_off'],
    ]);
  });

  it('refuses a file without the needed columns or without rows', () => {
    expect(validateHolidayRows(readCsvRows('ngay,loai\n2027-01-01,nghỉ\n')).rejected).toEqual([
      { line: 1, reason: 'thiếu cột date, occasion, kind' },
    ]);
    expect(validateHolidayRows(readCsvRows(`${HEADER}\n`)).rejected).toEqual([
      { line: 1, reason: 'tệp không có dòng dữ liệu nào' },
    ]);
  });
});
