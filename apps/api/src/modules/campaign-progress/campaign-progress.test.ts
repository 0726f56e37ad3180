/**
 * The acceptance of issue 5 through HTTP: the seed-002 style campaign (createTestCampaign: window
 * 28/4–28/5/2026, three carriers weekly, due the day after each ISO week), two weekly reports per
 * carrier submitted through the partner API and approved by the Sở KH&CN coordinator, and the exact
 * progress, series, ranking, forecast, timeliness and report files after each week.
 *
 * Week 1 (to 3/5)          Viettel     VNPT      MobiFone    total
 *   Long Xuyên  verified      100        60          30        190  (of 1000 to verify)
 *   Mỹ Hòa Hưng verified       40        20          10         70  (of 400)
 * Week 2 (to 10/5)
 *   Long Xuyên  verified      250       120          80        450
 *   Mỹ Hòa Hưng verified       90        45          25        160
 * MobiFone sends week 2 a day late (12/5).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { CARRIERS, createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let coordinator: Headers;
let monitor: Headers;
const tokens = new Map<string, Headers>();
const partnerIds = new Map<string, number>();

const WEEK1: Record<string, [number, number, number, number]> = {
  '91.VIETTEL': [100, 5, 40, 1],
  '91.VNPT': [60, 2, 20, 0],
  '91.MOBIFONE': [30, 1, 10, 0],
};
const WEEK2: Record<string, [number, number, number, number]> = {
  '91.VIETTEL': [250, 9, 90, 3],
  '91.VNPT': [120, 4, 45, 1],
  '91.MOBIFONE': [80, 2, 25, 0],
};

const get = (url: string, headers: Headers = monitor) =>
  sys.app.inject({ method: 'GET', url: `/api/v1/campaigns/TEST-TTTB/${url}`, headers });

async function submit(carrier: string, periodEnd: string, v: [number, number, number, number]): Promise<number> {
  const res = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/partner/reports',
    headers: tokens.get(carrier)!,
    payload: {
      periodEnd,
      rows: [
        { unitCode: LONG_XUYEN, values: { verified: v[0], locked: v[1] } },
        { unitCode: MY_HOA_HUNG, values: { verified: v[2], locked: v[3] } },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function approve(id: number) {
  const res = await sys.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/TEST-TTTB/reports/${id}/approve`,
    headers: coordinator,
    payload: { acknowledgeWarnings: true },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const metricOf = (unit: { metrics: { code: string }[] }, code: string) => unit.metrics.find((m) => m.code === code);

beforeAll(async () => {
  sys = await createTestSystem();
  const campaignId = await createTestCampaign(sys.database.db);
  // Sessions first, on the real clock: the tests then move the clock back into May 2026.
  coordinator = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
  const partners = await sys.database.db
    .selectFrom('campaign_partners as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'u.code'])
    .where('p.campaign_id', '=', campaignId)
    .execute();
  for (const p of partners) {
    partnerIds.set(p.code, Number(p.id));
    const res = await sys.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/TEST-TTTB/partners/${p.id}/tokens`,
      headers: coordinator,
      payload: { label: 'kiểm thử' },
    });
    expect(res.statusCode, res.body).toBe(201);
    tokens.set(p.code, { authorization: `Bearer ${res.json().token}` });
  }
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

describe('two weekly reports per carrier move the dashboard', () => {
  it('week 1: approved reports count, to the unit and up the tree; a rate is the ratio of the sums', async () => {
    vi.setSystemTime(new Date('2026-05-04T09:00:00+07:00'));
    for (const c of CARRIERS) await approve(await submit(c, '2026-05-03', WEEK1[c]!));

    const res = await get('progress?asOf=2026-05-03');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unit).toMatchObject({ code: '91', kind: 'province', hasChildren: true });
    expect(metricOf(body.unit, 'verified')).toEqual({
      code: 'verified',
      value: 260,
      numerator: null,
      denominator: null,
      target: null,
      targetOrigin: null,
      progress: null,
    });
    // 260 / 1400 = 0.185714…; the province's target is implied by its communes' (100% each).
    expect(metricOf(body.unit, 'verified_rate')).toEqual({
      code: 'verified_rate',
      value: 0.1857,
      numerator: 260,
      denominator: 1400,
      target: 1,
      targetOrigin: 'children',
      progress: 0.1857,
    });
    expect(metricOf(body.unit, 'locked')).toMatchObject({ value: 9 });
    const lx = body.children.find((u: { code: string }) => u.code === LONG_XUYEN);
    const mhh = body.children.find((u: { code: string }) => u.code === MY_HOA_HUNG);
    expect(metricOf(lx, 'verified_rate')).toMatchObject({
      value: 0.19,
      numerator: 190,
      denominator: 1000,
      target: 1,
      targetOrigin: 'level',
      progress: 0.19,
    });
    expect(metricOf(mhh, 'verified_rate')).toMatchObject({ value: 0.175, numerator: 70, denominator: 400, progress: 0.175 });
    // Every commune of the province is listed; carriers hold no figure of their own and are not.
    expect(body.children.every((u: { kind: string }) => u.kind === 'commune')).toBe(true);
    expect(body.children.length).toBeGreaterThan(100);
  });

  it('a report waiting for approval does not count', async () => {
    vi.setSystemTime(new Date('2026-05-11T08:00:00+07:00'));
    const pending = await submit('91.VIETTEL', '2026-05-10', WEEK2['91.VIETTEL']!);
    const body = (await get('progress?asOf=2026-05-10')).json();
    expect(metricOf(body.unit, 'verified')).toMatchObject({ value: 260 });
    await approve(pending);
    // Viettel's week 2 (250 + 90) replaces its week 1; VNPT and MobiFone still count week 1 (80 + 40).
    expect(metricOf((await get('progress?asOf=2026-05-10')).json().unit, 'verified')).toMatchObject({ value: 460 });
  });

  it('week 2: the latest cumulative totals replace week 1', async () => {
    vi.setSystemTime(new Date('2026-05-11T08:00:00+07:00'));
    await approve(await submit('91.VNPT', '2026-05-10', WEEK2['91.VNPT']!));
    vi.setSystemTime(new Date('2026-05-12T10:00:00+07:00'));
    await approve(await submit('91.MOBIFONE', '2026-05-10', WEEK2['91.MOBIFONE']!));

    const body = (await get('progress?asOf=2026-05-10')).json();
    expect(metricOf(body.unit, 'verified_rate')).toMatchObject({
      value: 0.4357,
      numerator: 610,
      denominator: 1400,
      progress: 0.4357,
    });
    expect(metricOf(body.unit, 'locked')).toMatchObject({ value: 19 });
    const lx = body.children.find((u: { code: string }) => u.code === LONG_XUYEN);
    expect(metricOf(lx, 'verified_rate')).toMatchObject({ value: 0.45, numerator: 450, progress: 0.45 });
    // As of 9/5 the week-2 reports (period ending 10/5) are not yet in force.
    expect(metricOf((await get('progress?asOf=2026-05-09')).json().unit, 'verified')).toMatchObject({ value: 260 });
    // One unit asked: that unit and its children.
    const one = (await get(`progress?asOf=2026-05-10&unit=${LONG_XUYEN}`)).json();
    expect(one.unit.code).toBe(LONG_XUYEN);
    expect(one.children).toEqual([]);
    expect(metricOf(one.unit, 'verified')).toMatchObject({ value: 450 });
  });

  it('series by week and by day', async () => {
    const weeks = (await get(`series?metric=verified&unit=${LONG_XUYEN}&by=week&asOf=2026-05-12`)).json();
    expect(weeks).toEqual({
      unitCode: LONG_XUYEN,
      unitName: expect.any(String),
      metric: 'verified',
      by: 'week',
      target: null,
      points: [
        { date: '2026-05-03', value: 190, progress: null },
        { date: '2026-05-10', value: 450, progress: null },
        { date: '2026-05-12', value: 450, progress: null },
      ],
    });
    const days = (await get('series?metric=verified_rate&asOf=2026-05-12')).json();
    expect(days.points).toHaveLength(15);
    expect(days.points[0]).toEqual({ date: '2026-04-28', value: 0, progress: 0 });
    expect(days.points[5]).toEqual({ date: '2026-05-03', value: 0.1857, progress: 0.1857 });
    expect(days.points[12]).toEqual({ date: '2026-05-10', value: 0.4357, progress: 0.4357 });
  });

  it('ranking of communes by progress, communes without figures last', async () => {
    const body = (await get('ranking?metric=verified_rate&asOf=2026-05-10')).json();
    expect(body.items.slice(0, 2)).toEqual([
      { rank: 1, code: LONG_XUYEN, name: expect.any(String), value: 0.45, target: 1, progress: 0.45 },
      { rank: 2, code: MY_HOA_HUNG, name: expect.any(String), value: 0.4, target: 1, progress: 0.4 },
    ]);
    expect(body.items[2]).toMatchObject({ rank: 3, value: null, progress: null });
  });

  it('forecast: at the week’s pace the province reaches 100% on 26/5', async () => {
    const body = (await get('forecast?asOf=2026-05-10')).json();
    // (0.4357 − 0.1857) / 7 = 0.0357/day; 0.5643 more → 15.8 → 16 days.
    expect(body.items.find((f: { metric: string }) => f.metric === 'verified_rate')).toEqual({
      metric: 'verified_rate',
      status: 'on_track',
      value: 0.4357,
      target: 1,
      pacePerDay: 0.0357,
      lookbackDays: 7,
      reachDate: '2026-05-26',
      projectedAtEnd: 1.0786,
      shortfall: null,
    });
    expect(body.items.find((f: { metric: string }) => f.metric === 'verified').status).toBe('no_target');
  });

  it('timeliness per carrier: MobiFone’s week 2 was late', async () => {
    const body = (await get('timeliness?asOf=2026-05-12')).json();
    const byCode = Object.fromEntries(body.items.map((p: { unitCode: string }) => [p.unitCode, p]));
    expect(byCode['91.VIETTEL']).toMatchObject({
      expected: 2,
      received: 2,
      onTime: 2,
      completeness: 1,
      timeliness: 1,
      missing: [],
      late: [],
    });
    expect(byCode['91.MOBIFONE']).toMatchObject({
      expected: 2,
      received: 2,
      onTime: 1,
      timeliness: 0.5,
      late: [{ periodEnd: '2026-05-10', dueDate: '2026-05-11' }],
    });
    expect(body.total).toEqual({ expected: 6, received: 6, onTime: 5, completeness: 1, timeliness: 0.8333 });
    // On 19/5 week 3 (to 17/5) is due and nobody sent it.
    expect((await get('timeliness?asOf=2026-05-19')).json().total).toEqual({
      expected: 9,
      received: 6,
      onTime: 5,
      completeness: 0.6667,
      timeliness: 0.5556,
    });
  });
});

describe('report files', () => {
  it('weekly XLSX: summary, partners, one sheet per metric group, Vietnamese headers', async () => {
    const res = await get('report.xlsx?period=week&date=2026-05-06');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-tuan-TEST-TTTB-2026-05-10.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Đối tác báo cáo', 'Báo cáo đối tác']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('BÁO CÁO TUẦN 04/05/2026 – 10/05/2026');
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    // Verified: 610 at the end of the week, 350 more than on 3/5.
    expect(rows.find((r) => r[1] === 'Thuê bao đã xác thực')?.slice(1, 6)).toEqual([
      'Thuê bao đã xác thực',
      610,
      undefined,
      undefined,
      350,
    ]);
    expect(rows.find((r) => r[1] === 'Tỷ lệ đã xác thực')?.slice(1, 6)).toEqual(['Tỷ lệ đã xác thực', 0.4357, 1, 0.4357, 0.25]);
    const group = wb.getWorksheet('Báo cáo đối tác')!;
    expect(group.getRow(1).getCell(3).value).toBe('Thuê bao phải xác thực — kết quả');
    const lx = (group.getSheetValues() as unknown[][]).find((r) => r?.[1] === LONG_XUYEN)!;
    // Empty cells read back as undefined. to_verify (1000, –, –, 0), verified (450, –, –, +260), locked (15, …), rate (0.45, 1, 0.45, +0.26).
    expect(lx.slice(3, 19)).toEqual([
      1000,
      undefined,
      undefined,
      0,
      450,
      undefined,
      undefined,
      260,
      15,
      undefined,
      undefined,
      7,
      0.45,
      1,
      0.45,
      0.26,
    ]);
    const partners = wb.getWorksheet('Đối tác báo cáo')!;
    expect(partners.getRow(1).getCell(7).value).toBe('Tỷ lệ đầy đủ');
  });

  it('daily XLSX compares with the day before', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get('report.xlsx?period=day&date=2026-05-10')).rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Tổng hợp')!.getCell('A1').value).toBe('BÁO CÁO NGÀY 10/05/2026');
    const lx = (wb.getWorksheet('Báo cáo đối tác')!.getSheetValues() as unknown[][]).find((r) => r?.[1] === LONG_XUYEN)!;
    expect(lx.slice(7, 11)).toEqual([450, undefined, undefined, 260]);
  });

  it('the chairman’s PDF reads in Vietnamese with its figures, leaders and the late partner', async () => {
    const res = await get('summary.pdf?asOf=2026-05-12');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pdf-'));
    const file = path.join(dir, 'summary.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true });
    expect(text).toContain('BÁO CÁO TIẾN ĐỘ CHIẾN DỊCH');
    expect(text).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh An Giang.');
    expect(text).toContain('Chiến dịch thử nghiệm xác thực thuê bao');
    expect(text).toContain('Số liệu tính đến hết ngày 12/05/2026');
    expect(text).toContain('Tỷ lệ đã xác thực');
    expect(text).toContain('43,57%');
    expect(text).toContain('Dự kiến đạt ngày 28/05/2026');
    expect(text).toContain('Dẫn đầu: 1. Phường Long Xuyên: 45% / 100% (45%) 2. Xã Mỹ Hòa Hưng: 40% / 100% (40%)');
    expect(text).toContain('Phải nộp 6 báo cáo, đã nộp 6 (100%), đúng hạn 5 (83,33%).');
    expect(text).toContain('MobiFone An Giang: nộp trễ kỳ đến 10/05/2026.');
  });
});
