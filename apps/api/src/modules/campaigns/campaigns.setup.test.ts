/**
 * Changing a campaign after creation through HTTP against a real database: partners, rounds, metrics,
 * per-level targets; the coordinating unit only; nothing already reported is orphaned (409); phase.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnToday } from '../../shared/dates.ts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN } from './campaigns.fixtures.ts';
import { phaseOf } from './campaigns.presenter.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let campaignId: number;
let skhcn: Headers; // coordinating unit
let province: Headers; // above the coordinating unit
let lxCoord: Headers; // a commune's coordinator: reads, does not change the plan
let viettel: Headers;
let post: Headers; // 91.BDT: not a partner until added
let monitor: Headers;
let hanoi: Headers;

const C = '/api/v1/campaigns/TEST-TTTB';
const get = (url: string, headers?: Headers) => sys.app.inject({ method: 'GET', url, headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Headers | undefined, payload?: object) =>
  sys.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const detail = async () => (await get(C, skhcn)).json();
const partnerId = async (unitCode: string) =>
  (await detail()).partners.find((p: { unitCode: string }) => p.unitCode === unitCode).id as number;
const messages = (res: { json: () => { error: { details: { message: string }[] } } }) =>
  res.json().error.details.map((d) => d.message);

/** A report of a partner for one period, as the partner-report module files it (status pending). */
async function fileReport(partner: number, periodStart: string, periodEnd: string, values: Record<string, number> = {}) {
  const db = sys.database.db;
  const { id } = await db
    .insertInto('partner_reports')
    .values({
      campaign_id: campaignId,
      partner_id: partner,
      period_start: periodStart,
      period_end: periodEnd,
      revision: 1,
      received_at: new Date('2026-05-04T02:00:00Z'),
      due_date: periodEnd,
      late: false,
      channel: 'upload',
      warnings: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = await db.selectFrom('units').select('id').where('code', '=', LONG_XUYEN).executeTakeFirstOrThrow();
  for (const [metric, value] of Object.entries(values))
    await db
      .insertInto('partner_report_values')
      .values({ report_id: id, unit_id: unit.id, metric_code: metric, value })
      .execute();
}

const audits = async (action: string) =>
  (await sys.database.db.selectFrom('audit_log').select(['target']).where('action', '=', action).execute()).map((a) => a.target);

beforeAll(async () => {
  sys = await createTestSystem();
  campaignId = await createTestCampaign(sys.database.db, {
    targets: [
      { metric: 'verified_rate', level: 'commune', value: 1 },
      { metric: 'verified_rate', unitCode: LONG_XUYEN, value: 0.9 },
    ],
  });
  skhcn = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  province = (await staffSession(sys, '91', ['monitor', 'campaign_coordinator'])).headers;
  lxCoord = (await staffSession(sys, LONG_XUYEN, ['campaign_coordinator'])).headers;
  viettel = (await staffSession(sys, '91.VIETTEL', ['partner_reporter'])).headers;
  post = (await staffSession(sys, '91.BDT', ['partner_reporter'])).headers;
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
  hanoi = (await staffSession(sys, '00070', ['campaign_coordinator'])).headers;
});
afterAll(async () => sys?.close());

/** Every endpoint refuses the same callers the same way: the rule of PATCH /campaigns/:ref. */
async function expectScope(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
  for (const h of [lxCoord, monitor, viettel]) expect((await send(method, url, h, payload)).statusCode).toBe(403);
  expect((await send(method, url, hanoi, payload)).statusCode).toBe(404);
  expect((await send(method, url, undefined, payload)).statusCode).toBe(401);
}

describe('phase', () => {
  it('is upcoming before the window, running on both end days, ended after', () => {
    const w = { window_start: '2026-04-28', window_end: '2026-05-28' };
    expect(['2026-04-27', '2026-04-28', '2026-05-28', '2026-05-29'].map((d) => phaseOf(w, d))).toEqual([
      'upcoming',
      'running',
      'running',
      'ended',
    ]);
  });

  it('comes with every summary, from VN today', async () => {
    const [c] = (await get('/api/v1/campaigns', skhcn)).json();
    expect(c.phase).toBe(phaseOf({ window_start: '2026-04-28', window_end: '2026-05-28' }, vnToday()));
    expect((await detail()).phase).toBe(c.phase);
  });
});

describe('partners', () => {
  it('adds a partner (201) that then reads the campaign as its own partner', async () => {
    expect((await get(C, post)).statusCode).toBe(403);
    const res = await send('POST', `${C}/partners`, skhcn, {
      unitCode: '91.bdt',
      kind: 'post',
      cadence: 'weekly',
      metrics: ['verified'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      unitCode: '91.BDT',
      unitName: 'Bưu điện tỉnh An Giang',
      kind: 'post',
      cadence: 'weekly',
      dueOffsetDays: 1,
      metrics: ['verified'],
    });
    const seen = (await get(C, post)).json();
    expect(seen.partners.map((p: { unitCode: string }) => p.unitCode)).toEqual(['91.BDT']);
    expect(await audits('campaign.partner.add')).toEqual(['campaigns/TEST-TTTB']);
  });

  it('refuses a partner twice (409), an unknown unit, a metric it cannot report, rounds that do not exist (400)', async () => {
    const dup = await send('POST', `${C}/partners`, province, {
      unitCode: '91.VIETTEL',
      kind: 'carrier',
      cadence: 'weekly',
      metrics: ['verified'],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Viettel An Giang đã là đối tác của chiến dịch TEST-TTTB.');
    const bad = await send('POST', `${C}/partners`, skhcn, {
      unitCode: 'NOPE',
      kind: 'other',
      cadence: 'round',
      metrics: ['verified_rate', 'to_verify'],
    });
    expect(bad.statusCode).toBe(400);
    expect(messages(bad)).toEqual([
      `không có đơn vị mã NOPE vào ngày ${vnToday() < '2026-05-28' ? vnToday() : '2026-05-28'}`,
      'đối tác NOPE: "verified_rate" không phải chỉ tiêu đếm do đối tác báo cáo (source report)',
      'đối tác NOPE: "to_verify" không phải chỉ tiêu đếm do đối tác báo cáo (source report)',
      'đối tác NOPE báo cáo theo đợt nhưng chiến dịch chưa có đợt',
    ]);
  });

  it('changes cadence, due offset and metrics; keeps the cadence once the partner has reported (409)', async () => {
    const vnpt = await partnerId('91.VNPT');
    const res = await send('PATCH', `${C}/partners/${vnpt}`, skhcn, {
      cadence: 'daily',
      dueOffsetDays: 0,
      metrics: ['verified'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unitCode: '91.VNPT', cadence: 'daily', dueOffsetDays: 0, metrics: ['verified'] });
    const bad = await send('PATCH', `${C}/partners/${vnpt}`, skhcn, { metrics: ['nope'] });
    expect(messages(bad)).toEqual(['đối tác 91.VNPT: "nope" không phải chỉ tiêu đếm do đối tác báo cáo (source report)']);

    const viettelId = await partnerId('91.VIETTEL');
    await fileReport(viettelId, '2026-04-28', '2026-05-03', { verified: 120 });
    const locked = await send('PATCH', `${C}/partners/${viettelId}`, skhcn, { cadence: 'daily' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toBe('Viettel An Giang đã gửi 1 báo cáo theo kỳ hiện tại nên không đổi được kỳ báo cáo.');
    const due = await send('PATCH', `${C}/partners/${viettelId}`, skhcn, { dueOffsetDays: 2 });
    expect(due.json()).toMatchObject({ cadence: 'weekly', dueOffsetDays: 2 });
    expect((await send('PATCH', `${C}/partners/999999`, skhcn, { dueOffsetDays: 2 })).statusCode).toBe(404);
  });

  it('removes a partner that has not reported (204), not one that has (409)', async () => {
    const viettelId = await partnerId('91.VIETTEL');
    const refused = await send('DELETE', `${C}/partners/${viettelId}`, skhcn);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'Viettel An Giang đã gửi 1 báo cáo cho chiến dịch nên không xóa được khỏi danh sách đối tác.',
    );
    const bdt = await partnerId('91.BDT');
    expect((await send('DELETE', `${C}/partners/${bdt}`, skhcn)).statusCode).toBe(204);
    expect((await detail()).partners.map((p: { unitCode: string }) => p.unitCode)).toEqual([
      '91.MOBIFONE',
      '91.VIETTEL',
      '91.VNPT',
    ]);
    expect((await get(C, post)).statusCode).toBe(403);
    expect(await audits('campaign.partner.remove')).toEqual(['campaigns/TEST-TTTB']);
  });

  it('is the coordinating unit’s (or above) only', async () => {
    const mobi = await partnerId('91.MOBIFONE');
    await expectScope('POST', `${C}/partners`, { unitCode: '91.BDT', kind: 'post', cadence: 'weekly', metrics: ['verified'] });
    await expectScope('PATCH', `${C}/partners/${mobi}`, { dueOffsetDays: 3 });
    await expectScope('DELETE', `${C}/partners/${mobi}`);
    expect((await detail()).partners.find((p: { id: number }) => p.id === mobi).dueOffsetDays).toBe(1);
  });
});

describe('rounds', () => {
  const round = (seq: number, statsFrom: string, statsTo: string, dueDate: string, name = `Đợt 0${seq}`) => ({
    seq,
    name,
    statsFrom,
    statsTo,
    dueDate,
  });

  it('replaces the list (200), in order of seq', async () => {
    const res = await send('PUT', `${C}/rounds`, skhcn, {
      rounds: [round(2, '2026-05-16', '2026-05-28', '2026-05-30'), round(1, '2026-04-28', '2026-05-15', '2026-05-17')],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { seq: 1, name: 'Đợt 01', statsFrom: '2026-04-28', statsTo: '2026-05-15', dueDate: '2026-05-17' },
      { seq: 2, name: 'Đợt 02', statsFrom: '2026-05-16', statsTo: '2026-05-28', dueDate: '2026-05-30' },
    ]);
    expect((await detail()).rounds).toEqual(res.json());
    expect(await audits('campaign.rounds.replace')).toEqual(['campaigns/TEST-TTTB']);
  });

  it('names every problem of a bad list (400) and changes nothing', async () => {
    const res = await send('PUT', `${C}/rounds`, skhcn, {
      rounds: [
        round(1, '2026-05-10', '2026-05-01', '2026-05-12'),
        round(1, '2026-05-01', '2026-05-10', '2026-05-09'),
        round(3, '2026-06-01', '2026-06-10', '2026-06-12'),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(messages(res)).toEqual([
      'đợt 1: ngày cuối số liệu trước ngày đầu',
      'đợt 1 bị trùng',
      'đợt 1: hạn báo cáo trước ngày cuối số liệu',
      'đợt 3: số liệu 2026-06-01 – 2026-06-10 nằm ngoài thời gian chiến dịch 2026-04-28 – 2026-05-28',
      'số thứ tự các đợt phải liên tiếp từ 1 (đang có: 1, 3)',
    ]);
    expect((await detail()).rounds).toHaveLength(2);
  });

  it('keeps a round a partner has reported for (409), and at least one round for partners by round', async () => {
    const mobi = await partnerId('91.MOBIFONE');
    expect((await send('PATCH', `${C}/partners/${mobi}`, skhcn, { cadence: 'round' })).json().cadence).toBe('round');
    await fileReport(mobi, '2026-04-28', '2026-05-15');
    const moved = await send('PUT', `${C}/rounds`, skhcn, { rounds: [round(1, '2026-04-28', '2026-05-14', '2026-05-17')] });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.message).toBe(
      'MobiFone An Giang đã báo cáo cho Đợt 01 (số liệu 2026-04-28 – 2026-05-15): giữ nguyên khoảng số liệu của đợt này.',
    );
    const none = await send('PUT', `${C}/rounds`, skhcn, { rounds: [] });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe('MobiFone An Giang báo cáo theo đợt: chiến dịch cần ít nhất một đợt.');
    // Renaming it or moving its due date is fine; the report stays filed under the same period.
    const renamed = await send('PUT', `${C}/rounds`, skhcn, {
      rounds: [round(1, '2026-04-28', '2026-05-15', '2026-05-18', 'Đợt đầu')],
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual([
      { seq: 1, name: 'Đợt đầu', statsFrom: '2026-04-28', statsTo: '2026-05-15', dueDate: '2026-05-18' },
    ]);
  });

  it('is the coordinating unit’s (or above) only', async () => {
    await expectScope('PUT', `${C}/rounds`, { rounds: [] });
  });
});

describe('metrics', () => {
  it('adds a metric after the others (201) with the rules of a definition', async () => {
    const res = await send('POST', `${C}/metrics`, skhcn, {
      code: 'signatures_issued',
      nameVi: 'Chữ ký số công cộng đã cấp',
      nameEn: 'Public digital signatures issued',
      kind: 'count',
      source: 'report',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code: 'signatures_issued',
      nameVi: 'Chữ ký số công cộng đã cấp',
      nameEn: 'Public digital signatures issued',
      kind: 'count',
      source: 'report',
      numeratorCode: null,
      denominatorCode: null,
      kpiIndicator: null,
    });
    expect((await detail()).metrics.map((m: { code: string }) => m.code)).toEqual([
      'to_verify',
      'verified',
      'locked',
      'verified_rate',
      'signatures_issued',
    ]);
    const dup = await send('POST', `${C}/metrics`, skhcn, {
      code: 'locked',
      nameVi: 'x',
      nameEn: 'x',
      kind: 'count',
      source: 'report',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Chiến dịch TEST-TTTB đã có chỉ tiêu mã locked.');
  });

  it('names the problems of a bad metric (400)', async () => {
    const rate = await send('POST', `${C}/metrics`, skhcn, {
      code: 'locked_rate',
      nameVi: 'Tỷ lệ bị khóa',
      nameEn: 'Locked rate',
      kind: 'rate',
      source: 'report',
      numeratorCode: 'locked',
      denominatorCode: 'verified_rate',
    });
    expect(messages(rate)).toEqual(['tỷ lệ locked_rate: "verified_rate" phải là chỉ tiêu đếm (count)']);
    const kpi = await send('POST', `${C}/metrics`, skhcn, {
      code: 'online',
      nameVi: 'x',
      nameEn: 'x',
      kind: 'count',
      source: 'kpi',
      kpiIndicator: 'nope',
    });
    expect(messages(kpi)[0]).toBe('chỉ tiêu online lấy từ bộ chỉ số phải là tỷ lệ (kind rate)');
    expect(messages(kpi)[1]).toMatch(/^chỉ tiêu online: kpiIndicator phải là một trong /);
  });

  it('renames (names only)', async () => {
    const res = await send('PATCH', `${C}/metrics/locked`, skhcn, { nameVi: 'Thuê bao bị khóa một chiều' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'locked', nameVi: 'Thuê bao bị khóa một chiều', nameEn: 'Locked', kind: 'count' });
    const kind = await send('PATCH', `${C}/metrics/locked`, skhcn, { kind: 'rate' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toBe('Chỉ tiêu chưa hợp lệ: chỉ sửa được tên chỉ tiêu (nameVi, nameEn).');
    expect((await send('PATCH', `${C}/metrics/nope`, skhcn, { nameVi: 'x' })).statusCode).toBe(404);
  });

  it('removes a metric nothing depends on (204); otherwise says what holds it (409)', async () => {
    const verified = await send('DELETE', `${C}/metrics/verified`, skhcn);
    expect(verified.statusCode).toBe(409);
    expect(verified.json().error.message).toBe(
      'Không xóa được chỉ tiêu verified: còn đối tác báo cáo: MobiFone An Giang, Viettel An Giang, VNPT An Giang; 1 giá trị đã báo cáo; là tử số hoặc mẫu số của verified_rate.',
    );
    const toVerify = await send('DELETE', `${C}/metrics/to_verify`, skhcn);
    expect(toVerify.json().error.message).toBe(
      'Không xóa được chỉ tiêu to_verify: còn 2 số liệu nền; là tử số hoặc mẫu số của verified_rate.',
    );
    const rate = await send('DELETE', `${C}/metrics/verified_rate`, skhcn);
    expect(rate.json().error.message).toBe('Không xóa được chỉ tiêu verified_rate: còn 2 chỉ tiêu giao.');
    expect((await send('DELETE', `${C}/metrics/signatures_issued`, skhcn)).statusCode).toBe(204);
    expect((await detail()).metrics.map((m: { code: string }) => m.code)).not.toContain('signatures_issued');
    expect(await audits('campaign.metric.remove')).toEqual(['campaigns/TEST-TTTB']);
  });

  it('is the coordinating unit’s (or above) only', async () => {
    await expectScope('POST', `${C}/metrics`, { code: 'x_count', nameVi: 'x', nameEn: 'x', kind: 'count', source: 'report' });
    await expectScope('PATCH', `${C}/metrics/locked`, { nameVi: 'x' });
    await expectScope('DELETE', `${C}/metrics/locked`);
  });
});

describe('targets per level', () => {
  it('replaces the level targets (200); unit targets stay', async () => {
    const res = await send('PUT', `${C}/targets/levels`, province, {
      targets: [
        { metric: 'verified_rate', level: 'commune_phuong', value: 1, source: 'Đạt tỷ lệ 100%' },
        { metric: 'verified_rate', level: 'commune_xa', value: 0.95 },
        { metric: 'locked', level: 'commune', value: 0 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .map((t: { metricCode: string; level: string; value: number; source: string }) => [
          t.metricCode,
          t.level,
          t.value,
          t.source,
        ]),
    ).toEqual([
      ['locked', 'commune', 0, ''],
      ['verified_rate', 'commune_phuong', 1, 'Đạt tỷ lệ 100%'],
      ['verified_rate', 'commune_xa', 0.95, ''],
    ]);
    const unit = (await detail()).targets.filter((t: { scope: string }) => t.scope === 'unit');
    expect(unit.map((t: { unitCode: string; value: number }) => [t.unitCode, t.value])).toEqual([[LONG_XUYEN, 0.9]]);
  });

  it('names every bad target (400) and changes nothing', async () => {
    const res = await send('PUT', `${C}/targets/levels`, skhcn, {
      targets: [
        { metric: 'verified_rate', level: 'commune', value: 1.2 },
        { metric: 'to_verify', level: 'commune', value: 10 },
        { metric: 'locked', level: 'province', value: 2.5 },
        { metric: 'nope', level: 'province', value: 1 },
        { metric: 'verified_rate', level: 'commune', value: 1 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(messages(res)).toEqual([
      'chỉ tiêu tỷ lệ verified_rate phải từ 0 đến 1 (100%)',
      'to_verify là số liệu nền, không đặt chỉ tiêu',
      'chỉ tiêu locked phải là số nguyên',
      'không có chỉ tiêu "nope"',
      'chỉ tiêu verified_rate bị đặt hai lần cho cùng đơn vị/cấp',
    ]);
    expect((await detail()).targets.filter((t: { scope: string }) => t.scope === 'level')).toHaveLength(3);
  });

  it('is the coordinating unit’s (or above) only', async () => {
    await expectScope('PUT', `${C}/targets/levels`, { targets: [] });
  });
});
