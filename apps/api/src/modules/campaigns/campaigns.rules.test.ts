/** Pure rules of the set-up: reading values from a sheet, checking a definition. */
import { describe, expect, it } from 'vitest';
import { testCampaign } from './campaigns.fixtures.ts';
import { parseCount, parseRate } from './campaigns.sheets.ts';
import { checkDefinition } from './campaigns.validate.ts';

describe('values in a targets sheet', () => {
  it('reads rates as "70%", "0,7" or 0.7 and names what is wrong otherwise', () => {
    expect(parseRate('70%')).toEqual({ ok: 0.7 });
    expect(parseRate('0,7')).toEqual({ ok: 0.7 });
    expect(parseRate('0.7')).toEqual({ ok: 0.7 });
    expect(parseRate('12,34 %')).toEqual({ ok: 0.1234 });
    expect(parseRate('100%')).toEqual({ ok: 1 });
    expect(parseRate('101%')).toEqual({ error: 'vượt 100%' });
    expect(parseRate('70')).toEqual({ error: 'vượt 100% (tỷ lệ ghi 0,7 hoặc 70%)' });
    expect(parseRate('-0.1')).toEqual({ error: 'là số âm' });
    expect(parseRate('bảy mươi')).toEqual({ error: 'không phải số' });
    expect(parseRate('0.12345')).toEqual({ error: 'quá 4 chữ số thập phân (0,1234 hoặc 12,34%)' });
  });

  it('reads counts with Vietnamese thousands separators', () => {
    expect(parseCount('903.203')).toBe(903_203);
    expect(parseCount('903,203')).toBe(903_203);
    expect(parseCount('1 250 000')).toBe(1_250_000);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('12.5')).toBeUndefined();
    expect(parseCount('-3')).toBeUndefined();
    expect(parseCount('1.2345')).toBeUndefined();
  });
});

describe('checking a definition', () => {
  it('accepts the test campaign', () => {
    expect(checkDefinition(testCampaign())).toEqual([]);
  });

  it('names each broken rule', () => {
    const def = testCampaign({
      metrics: [
        { code: 'verified', nameVi: 'a', nameEn: 'a', kind: 'count', source: 'report' },
        { code: 'to_verify', nameVi: 'b', nameEn: 'b', kind: 'count', source: 'baseline' },
        { code: 'verified_rate', nameVi: 'c', nameEn: 'c', kind: 'rate', source: 'report', numeratorCode: 'verified' },
        { code: 'online', nameVi: 'd', nameEn: 'd', kind: 'rate', source: 'kpi', kpiIndicator: 'online' },
      ],
      targets: [{ metric: 'to_verify', level: 'commune', value: 5 }],
      baselines: [{ metric: 'verified', unitCode: '30307', value: 1 }],
      rounds: [{ seq: 1, name: 'Đợt 1', statsFrom: '2026-05-10', statsTo: '2026-05-01', dueDate: '2026-05-02' }],
      partners: [{ unitCode: '91.VIETTEL', kind: 'carrier', cadence: 'round', metrics: ['to_verify'] }],
    });
    expect(checkDefinition(def).map((p) => `${p.field}: ${p.message}`)).toEqual([
      'metrics[2]: tỷ lệ verified_rate cần denominatorCode',
      'metrics[3]: chỉ tiêu online: kpiIndicator phải là một trong online_rate, on_time_rate, digitized_rate, result_digitized_rate, reuse_rate, payment_online_rate, satisfaction_rate',
      'targets[0]: to_verify là số liệu nền, không đặt chỉ tiêu',
      'baselines[0]: "verified" không phải chỉ tiêu số liệu nền (source baseline)',
      'rounds[0]: đợt 1: ngày cuối số liệu trước ngày đầu',
      'partners[0]: đối tác 91.VIETTEL: "to_verify" không phải chỉ tiêu đếm do đối tác báo cáo (source report)',
    ]);
  });
});
