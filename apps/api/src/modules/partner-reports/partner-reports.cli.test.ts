/**
 * The shipped sample files through `motcua import partner-report`, the posting script against a
 * running server, the demo seed, and the layout rules (pure).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { REPO_ROOT } from '../../shared/paths.ts';
import { createTestCampaign, testCampaign } from '../campaigns/campaigns.fixtures.ts';
import { approvedValues } from './partner-reports.facts.ts';
import { importPartnerReportFile, printPartnerReportOutcome } from './partner-reports.import.ts';
import { parseCount } from './partner-reports.parse.ts';
import { seedDemoPartnerReports } from './partner-reports.demo.ts';

const SAMPLES = path.join(REPO_ROOT, 'data', 'samples', 'partner-reports');
const METRICS = ['verified', 'locked', 'signatures_issued'];
let sys: TestSystem;
let campaignId: number;

beforeAll(async () => {
  sys = await createTestSystem();
  const base = testCampaign();
  campaignId = await createTestCampaign(sys.database.db, {
    code: 'AG-XTTB-2026',
    metrics: [
      ...base.metrics,
      {
        code: 'signatures_issued',
        nameVi: 'Chữ ký số công cộng đã cấp',
        nameEn: 'Signatures issued',
        kind: 'count',
        source: 'report',
      },
    ],
    partners: base.partners!.map((p) => ({ ...p, metrics: METRICS })),
  });
});
afterAll(async () => sys?.close());

function capture() {
  let text = '';
  return { stream: { write: (s: string) => (text += s) }, text: () => text };
}

describe('motcua import partner-report', () => {
  const db = () => sys.database.db;
  const now = new Date('2026-05-04T08:00:00+07:00');

  it('prints every problem of a bad file and exits 2', async () => {
    const o = await importPartnerReportFile(db(), path.join(SAMPLES, 'viettel-loi_2026-05-03.csv'), {
      campaign: 'AG-XTTB-2026',
      partner: '91.VIETTEL',
      periodEnd: '2026-05-03',
      now,
    });
    const err = capture();
    expect(printPartnerReportOutcome('viettel-loi.csv', o, capture().stream, err.stream)).toBe(2);
    expect(err.text()).toBe(
      [
        'Không nhận gì: 5 lỗi trong viettel-loi.csv / nothing imported:',
        '  dòng 3, cột unit_code: không có đơn vị mã 99999 vào ngày 03/05/2026',
        '  dòng 4, cột verified: verified: số âm (-5)',
        '  dòng 5, cột unit_code: trùng đơn vị 30307, đã có ở dòng 2',
        '  dòng 6, cột verified: verified: "2.210" không phải số nguyên: ghi số chỉ gồm chữ số, không dùng dấu phân cách hàng nghìn',
        '  dòng 6, cột signatures_issued: signatures_issued: "abc" không phải là số',
        '',
      ].join('\n'),
    );
  });

  it('accepts the two sample weeks, flags the commune that went backwards, and refuses a repeat without --revision', async () => {
    const partner = '91.VIETTEL';
    const w1 = await importPartnerReportFile(db(), path.join(SAMPLES, 'viettel_2026-05-03.csv'), {
      campaign: 'AG-XTTB-2026',
      partner,
      periodEnd: '2026-05-03',
      now,
    });
    const out1 = capture();
    expect(printPartnerReportOutcome('w1', w1, out1.stream)).toBe(0);
    expect(out1.text()).toMatch(
      /^Đã nhận báo cáo số \d+ của 91\.VIETTEL, kỳ đến 2026-05-03, lần 1: 3 đơn vị, bỏ qua 1 dòng trống\/ghi chú\. Chờ đơn vị điều phối duyệt\.\n$/,
    );
    const w2 = await importPartnerReportFile(db(), path.join(SAMPLES, 'viettel_2026-05-10.csv'), {
      campaign: String(campaignId),
      partner,
      periodEnd: '2026-05-10',
      now: new Date('2026-05-11T09:00:00+07:00'),
    });
    const out2 = capture();
    printPartnerReportOutcome('w2', w2, out2.stream);
    expect(out2.text().split('\n')[1]).toBe(
      '  cảnh báo: Xã Mỹ Hòa Hưng (30313): Thuê bao đã xác thực giảm từ 402 (kỳ đến 03/05/2026) xuống 395.',
    );
    const later = new Date('2026-05-11T10:00:00+07:00');
    const again = await importPartnerReportFile(db(), path.join(SAMPLES, 'viettel_2026-05-10.csv'), {
      campaign: 'AG-XTTB-2026',
      partner,
      periodEnd: '2026-05-10',
      now: later,
    });
    const err = capture();
    expect(printPartnerReportOutcome('w2', again, capture().stream, err.stream)).toBe(2);
    expect(err.text()).toContain('Dòng lệnh: thêm --revision.');
    const rev = await importPartnerReportFile(db(), path.join(SAMPLES, 'viettel_2026-05-10.csv'), {
      campaign: 'AG-XTTB-2026',
      partner,
      periodEnd: '2026-05-10',
      revision: true,
      now: later,
    });
    expect(rev.ok && rev.result.revision).toBe(2);
  });

  it('asks which partner when the campaign has several', async () => {
    await expect(
      importPartnerReportFile(db(), path.join(SAMPLES, 'viettel_2026-05-03.csv'), {
        campaign: 'AG-XTTB-2026',
        periodEnd: '2026-05-03',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Chọn đối tác báo cáo (91.VIETTEL, 91.VNPT, 91.MOBIFONE).',
    });
  });
});

describe('scripts/post-partner-report.ts', () => {
  it('posts the sample JSON with a partner token to a running server', async () => {
    const coordinator = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
    const partnerId = (
      await sys.app.inject({
        method: 'GET',
        url: '/api/v1/campaigns/AG-XTTB-2026/reports/periods?partner=91.VNPT',
        headers: coordinator,
      })
    ).json().partners[0].id;
    const { token } = (
      await sys.app.inject({
        method: 'POST',
        url: `/api/v1/campaigns/AG-XTTB-2026/partners/${partnerId}/tokens`,
        headers: coordinator,
        payload: {},
      })
    ).json();
    const address = await sys.app.listen({ port: 0, host: '127.0.0.1' });
    const run = promisify(execFile);
    const script = path.join(REPO_ROOT, 'scripts', 'post-partner-report.ts');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', script, '--url', address, '--token', token, path.join(SAMPLES, 'vnpt_2026-05-03.json')],
      { cwd: REPO_ROOT },
    );
    // Sent today, long after the period's due date: accepted and flagged late.
    expect(stdout).toMatch(/^Đã gửi: báo cáo số \d+, lần 1, TRỄ HẠN\. Chờ duyệt\.\n {2}cảnh báo: Nhận lúc/);
    const bad = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        '--url',
        address,
        '--token',
        token,
        '--period-end',
        '2026-05-03',
        path.join(SAMPLES, 'viettel-loi_2026-05-03.csv'),
      ],
      { cwd: REPO_ROOT },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toContain('  dòng 5, cột unit_code: trùng đơn vị 30307, đã có ở dòng 2\n');
  });
});

describe('seedDemoPartnerReports', () => {
  it('adds two approved weeks per carrier that has none, once', async () => {
    // Viettel and VNPT already reported above: only MobiFone gets demo weeks.
    expect(await seedDemoPartnerReports(sys.database.db, 'AG-XTTB-2026')).toBe(2);
    expect(await seedDemoPartnerReports(sys.database.db, 'AG-XTTB-2026')).toBe(0);
    expect(await seedDemoPartnerReports(sys.database.db, 'NO-SUCH')).toBe(0);
    const values = await approvedValues(sys.database.db, campaignId, '2026-05-31');
    const weeks = new Set(values.map((v) => v.periodEnd));
    expect([...weeks].sort()).toEqual(['2026-05-03', '2026-05-10']);
    expect(new Set(values.map((v) => v.unitId)).size).toBe(102);
    const w = (end: string, unitId: number) =>
      values.find((v) => v.periodEnd === end && v.unitId === unitId && v.metricCode === 'verified')!.value;
    for (const unitId of new Set(values.map((v) => v.unitId)))
      expect(w('2026-05-10', unitId)).toBeGreaterThanOrEqual(w('2026-05-03', unitId));
    const late = await sys.database.db
      .selectFrom('partner_reports')
      .select('late')
      .where('channel', '=', 'api')
      .where('token_id', 'is', null)
      .execute();
    expect(late.map((l) => l.late)).toEqual([false, false]);
  });
});

describe('parseCount', () => {
  it.each([
    ['1234', { value: 1234 }],
    [' 0 ', { value: 0 }],
    ['12.0', { value: 12 }],
    [7, { value: 7 }],
    ['', { reason: 'thiếu giá trị' }],
    [undefined, { reason: 'thiếu giá trị' }],
    ['-3', { reason: 'số âm (-3)' }],
    [-3, { reason: 'số âm (-3)' }],
    ['1,5', { reason: '"1,5" không phải số nguyên' }],
    ['1.234.567', { reason: '"1.234.567" không phải số nguyên: ghi số chỉ gồm chữ số, không dùng dấu phân cách hàng nghìn' }],
    ['12 thuê bao', { reason: '"12 thuê bao" không phải là số' }],
    [true, { reason: 'không phải là số' }],
    ['2000000000', { reason: '2000000000 lớn bất thường (tối đa 1000000000)' }],
  ])('%j → %j', (input, expected) => expect(parseCount(input)).toEqual(expected));
});
