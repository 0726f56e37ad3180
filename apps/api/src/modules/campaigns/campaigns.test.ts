/**
 * Campaign set-up through HTTP against a real database: list, read with scope, create, change,
 * targets and baselines from a file (all-or-nothing, every bad row named), across units and roles.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { vnToday } from '../../shared/dates.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG, testCampaign } from './campaigns.fixtures.ts';
import { phaseOf } from './campaigns.presenter.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let skhcn: Headers; // coordinating unit
let province: Headers; // monitor + coordinator at the province (above the coordinating unit)
let lxCoord: Headers; // a commune's coordinator
let viettel: Headers;
let post: Headers; // partner reporter of a unit that is not a partner of the campaign
let lxProcessor: Headers; // no campaign role
let hanoi: Headers; // another province
let monitor: Headers;

beforeAll(async () => {
  sys = await createTestSystem();
  await createTestCampaign(sys.database.db);
  skhcn = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  province = (await staffSession(sys, '91', ['monitor', 'campaign_coordinator'])).headers;
  lxCoord = (await staffSession(sys, LONG_XUYEN, ['campaign_coordinator'])).headers;
  viettel = (await staffSession(sys, '91.VIETTEL', ['partner_reporter'])).headers;
  post = (await staffSession(sys, '91.BDT', ['partner_reporter'])).headers;
  lxProcessor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
  hanoi = (await staffSession(sys, '00070', ['campaign_coordinator'])).headers;
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
});
afterAll(async () => sys?.close());

const get = (url: string, headers?: Headers) => sys.app.inject({ method: 'GET', url, headers });
const send = (method: 'POST' | 'PATCH', url: string, headers: Headers, payload: object) =>
  sys.app.inject({ method, url, headers, payload });

function multipart(text: string | Buffer, name = 'chi-tieu.csv'): { payload: Buffer; headers: Headers } {
  const boundary = '----motcuaCampaignBoundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const put = (url: string, headers: Headers, file: string | Buffer) => {
  const m = multipart(file);
  return sys.app.inject({ method: 'PUT', url, headers: { ...headers, ...m.headers }, payload: m.payload });
};

describe('reading campaigns', () => {
  it('lists the campaign to everyone inside its area or among its partners, and nobody else', async () => {
    for (const h of [skhcn, province, lxCoord, viettel, monitor]) {
      const res = await get('/api/v1/campaigns', h);
      expect(res.statusCode).toBe(200);
      expect(res.json().map((c: { code: string }) => c.code)).toEqual(['TEST-TTTB']);
    }
    expect((await get('/api/v1/campaigns', skhcn)).json()[0]).toEqual({
      id: expect.any(Number),
      code: 'TEST-TTTB',
      kind: 'subscriber_verification',
      name: 'Chiến dịch thử nghiệm xác thực thuê bao',
      status: 'active',
      phase: phaseOf({ window_start: '2026-04-28', window_end: '2026-05-28' }, vnToday()),
      windowStart: '2026-04-28',
      windowEnd: '2026-05-28',
      scopeUnitCode: '91',
      scopeUnitName: 'Tỉnh An Giang',
      coordinatorUnitCode: '91.SKHCN',
      coordinatorUnitName: 'Sở Khoa học và Công nghệ tỉnh An Giang',
    });
    for (const h of [post, hanoi]) expect((await get('/api/v1/campaigns', h)).json()).toEqual([]);
    expect((await get('/api/v1/campaigns')).statusCode).toBe(401);
  });

  it('gives the coordinating unit the whole area and every right', async () => {
    const res = await get('/api/v1/campaigns/TEST-TTTB', skhcn);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.can).toEqual({ manage: true, approve: true, report: true });
    expect(c.baselines.map((b: { unitCode: string; value: number }) => [b.unitCode, b.value])).toEqual([
      [LONG_XUYEN, 1000],
      [MY_HOA_HUNG, 400],
    ]);
    expect(c.targets).toEqual([
      { metricCode: 'verified_rate', scope: 'level', unitCode: null, unitName: null, level: 'commune', value: 1, source: '' },
    ]);
    expect(c.partners.map((p: { unitCode: string }) => p.unitCode)).toEqual(['91.MOBIFONE', '91.VIETTEL', '91.VNPT']);
    expect(c.metrics.map((m: { code: string }) => m.code)).toEqual(['to_verify', 'verified', 'locked', 'verified_rate']);
    // By numeric id too.
    expect((await get(`/api/v1/campaigns/${c.id}`, skhcn)).json().code).toBe('TEST-TTTB');
  });

  it('shows a commune coordinator its own commune only, and lets it approve but not manage', async () => {
    const c = (await get('/api/v1/campaigns/TEST-TTTB', lxCoord)).json();
    expect(c.can).toEqual({ manage: false, approve: true, report: true });
    expect(c.baselines.map((b: { unitCode: string }) => b.unitCode)).toEqual([LONG_XUYEN]);
  });

  it('lets a carrier read the campaign and its own partner row, report, and nothing more', async () => {
    const c = (await get('/api/v1/campaigns/TEST-TTTB', viettel)).json();
    expect(c.can).toEqual({ manage: false, approve: false, report: true });
    expect(c.partners.map((p: { unitCode: string }) => p.unitCode)).toEqual(['91.VIETTEL']);
    expect((await send('PATCH', '/api/v1/campaigns/TEST-TTTB', viettel, { name: 'X' })).statusCode).toBe(403);
    expect((await get('/api/v1/campaigns/TEST-TTTB/targets/template.xlsx', viettel)).statusCode).toBe(403);
  });

  it('answers 404 outside the area or to a partner not in the campaign, 403 to a role without campaign rights', async () => {
    expect((await get('/api/v1/campaigns/TEST-TTTB', hanoi)).json().error.code).toBe('NOT_FOUND');
    expect((await get('/api/v1/campaigns/TEST-TTTB', post)).statusCode).toBe(403);
    expect((await get('/api/v1/campaigns/TEST-TTTB', lxProcessor)).statusCode).toBe(403);
    expect((await get('/api/v1/campaigns/NOPE', skhcn)).statusCode).toBe(404);
    expect((await get('/api/v1/campaigns/TEST-TTTB')).statusCode).toBe(401);
  });
});

describe('creating and changing a campaign', () => {
  const body = (over: object = {}) => ({ ...testCampaign({ code: 'TEST-NEW', baselines: [], partners: [] }), ...over });

  it('creates from a definition for the coordinating unit (201), then refuses the same code (409)', async () => {
    const res = await send('POST', '/api/v1/campaigns', skhcn, body());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'TEST-NEW', coordinatorUnitCode: '91.SKHCN', can: { manage: true } });
    const again = await send('POST', '/api/v1/campaigns', province, body());
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', message: 'Đã có chiến dịch mã TEST-NEW.' });
  });

  it('refuses a coordinator below the coordinating unit, and roles without campaign.manage', async () => {
    expect((await send('POST', '/api/v1/campaigns', lxCoord, body({ code: 'TEST-LX' }))).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/campaigns', monitor, body({ code: 'TEST-LX' }))).statusCode).toBe(403);
    // A commune coordinator may run a campaign of its own commune.
    const own = await send(
      'POST',
      '/api/v1/campaigns',
      lxCoord,
      body({ code: 'TEST-LX', scopeUnitCode: LONG_XUYEN, coordinatorUnitCode: LONG_XUYEN, targets: [] }),
    );
    expect(own.statusCode).toBe(201);
  });

  it('names every problem of a bad definition in Vietnamese (400)', async () => {
    const res = await send(
      'POST',
      '/api/v1/campaigns',
      skhcn,
      body({
        code: 'TEST-BAD',
        windowEnd: '2026-04-01',
        targets: [
          { metric: 'verified_rate', level: 'commune', value: 1.5 },
          { metric: 'verified', unitCode: '00070', value: 10 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual([
      'ngày kết thúc 2026-04-01 trước ngày bắt đầu 2026-04-28',
      'chỉ tiêu tỷ lệ verified_rate phải từ 0 đến 1 (100%)',
      'đơn vị 00070 (Phường Hoàn Kiếm) không thuộc địa bàn Tỉnh An Giang',
    ]);
    expect((await get('/api/v1/campaigns/TEST-BAD', skhcn)).statusCode).toBe(404);
  });

  it('changes name, window and status for the coordinating unit only', async () => {
    const res = await send('PATCH', '/api/v1/campaigns/TEST-NEW', skhcn, {
      name: 'Tên mới',
      windowEnd: '2026-06-10',
      status: 'closed',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Tên mới', windowEnd: '2026-06-10', status: 'closed' });
    expect((await send('PATCH', '/api/v1/campaigns/TEST-NEW', lxCoord, { name: 'X' })).statusCode).toBe(403);
    expect((await send('PATCH', '/api/v1/campaigns/TEST-NEW', monitor, { name: 'X' })).statusCode).toBe(403);
    expect((await send('PATCH', '/api/v1/campaigns/TEST-NEW', hanoi, { name: 'X' })).statusCode).toBe(404);
    const bad = await send('PATCH', '/api/v1/campaigns/TEST-NEW', skhcn, { windowStart: '2026-07-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Ngày kết thúc 2026-06-10 trước ngày bắt đầu 2026-07-01.');
  });
});

describe('targets and baselines from a file', () => {
  it('offers a template with every commune of the area and one column per metric', async () => {
    const res = await get('/api/v1/campaigns/TEST-TTTB/targets/template.xlsx', skhcn);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="TEST-TTTB-chi-tieu.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'unit_code', 'unit_name', 'verified', 'locked', 'verified_rate']);
    expect(ws.rowCount).toBe(1 + 102);
    const baselines = await get('/api/v1/campaigns/TEST-TTTB/baselines/template.xlsx', skhcn);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(baselines.rawPayload as unknown as ArrayBuffer);
    const lx = wb2.worksheets[0]!.getRows(2, 102)!.find((r) => r.getCell(1).value === LONG_XUYEN)!;
    expect(lx.values).toEqual([undefined, LONG_XUYEN, 'Phường Long Xuyên', 1000]);
  });

  it('rejects a file with bad rows, names each of them and changes nothing (422)', async () => {
    const csv = [
      'unit_code,unit_name,verified_rate,verified',
      `${LONG_XUYEN},Phường Long Xuyên,95%,800`,
      'XYZ,Không có,50%,',
      '00070,Phường Hoàn Kiếm,50%,',
      `${MY_HOA_HUNG},Xã Mỹ Hòa Hưng,120%,-5`,
      '31078,Đặc khu Phú Quốc,abc,',
      `${LONG_XUYEN},lặp lại,0.9,`,
    ].join('\n');
    const res = await put('/api/v1/campaigns/TEST-TTTB/targets', skhcn, csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'IMPORT_REJECTED',
      details: {
        accepted: 0,
        metrics: ['verified_rate', 'verified'],
        rejected: [
          { line: 3, reason: 'không có đơn vị mã XYZ' },
          { line: 4, reason: 'đơn vị 00070 (Phường Hoàn Kiếm) không thuộc địa bàn chiến dịch (Tỉnh An Giang)' },
          { line: 5, reason: 'verified_rate "120%" vượt 100%; verified "-5" là số âm' },
          { line: 6, reason: 'verified_rate "abc" không phải số' },
          { line: 7, reason: `đơn vị ${LONG_XUYEN} đã có ở dòng 2` },
        ],
      },
    });
    const c = (await get('/api/v1/campaigns/TEST-TTTB', skhcn)).json();
    expect(c.targets.filter((t: { scope: string }) => t.scope === 'unit')).toEqual([]);
  });

  it('rejects a baseline column in the targets file and an unknown column, on line 1', async () => {
    const res = await put('/api/v1/campaigns/TEST-TTTB/targets', skhcn, `unit_code,to_verify,foo\n${LONG_XUYEN},5,1\n`);
    expect(res.json().error.details.rejected).toEqual([
      {
        line: 1,
        reason: 'cột "to_verify" là số liệu nền: tải lên bằng mẫu số liệu nền; cột "foo" không phải chỉ tiêu của chiến dịch',
      },
    ]);
  });

  it('replaces the unit targets of the metrics in the file; a commune coordinator sees only its own', async () => {
    const csv = `unit_code,unit_name,verified_rate\n${LONG_XUYEN},Phường Long Xuyên,95%\n${MY_HOA_HUNG},,"0,8"\n31078,,\n`;
    const res = await put('/api/v1/campaigns/TEST-TTTB/targets', skhcn, csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 2, metrics: ['verified_rate'], rejected: [] });
    const all = (await get('/api/v1/campaigns/TEST-TTTB', skhcn)).json().targets;
    expect(
      all.map((t: { unitCode: string | null; level: string | null; value: number }) => [t.unitCode ?? t.level, t.value]),
    ).toEqual([
      [LONG_XUYEN, 0.95],
      [MY_HOA_HUNG, 0.8],
      ['commune', 1],
    ]);
    const mine = (await get('/api/v1/campaigns/TEST-TTTB', lxCoord)).json().targets;
    expect(mine.map((t: { unitCode: string | null; level: string | null }) => t.unitCode ?? t.level)).toEqual([
      LONG_XUYEN,
      'commune',
    ]);
    // A second file for the same metric replaces, it does not add.
    await put('/api/v1/campaigns/TEST-TTTB/targets', skhcn, `unit_code,verified_rate\n${MY_HOA_HUNG},70%\n`);
    const after = (await get('/api/v1/campaigns/TEST-TTTB', skhcn)).json().targets;
    expect(
      after
        .filter((t: { scope: string }) => t.scope === 'unit')
        .map((t: { unitCode: string; value: number }) => [t.unitCode, t.value]),
    ).toEqual([[MY_HOA_HUNG, 0.7]]);
  });

  it('takes baselines the same way, as whole numbers', async () => {
    const ok = await put(
      '/api/v1/campaigns/TEST-TTTB/baselines',
      skhcn,
      `unit_code,to_verify\n${LONG_XUYEN},1.250\n31078,3000\n`,
    );
    expect(ok.json()).toEqual({ accepted: 2, metrics: ['to_verify'], rejected: [] });
    const b = (await get('/api/v1/campaigns/TEST-TTTB', skhcn)).json().baselines;
    expect(b.map((x: { unitCode: string; value: number }) => [x.unitCode, x.value])).toEqual([
      [LONG_XUYEN, 1250],
      ['31078', 3000],
    ]);
    const bad = await put('/api/v1/campaigns/TEST-TTTB/baselines', skhcn, `unit_code,to_verify\n${LONG_XUYEN},12.5\n`);
    expect(bad.json().error.details.rejected).toEqual([{ line: 2, reason: 'to_verify "12.5" không phải số nguyên không âm' }]);
  });

  it('accepts an XLSX upload (the template filled in)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chỉ tiêu');
    ws.addRow(['unit_code', 'unit_name', 'locked']);
    ws.addRow([LONG_XUYEN, 'Phường Long Xuyên', 12]);
    const res = await put('/api/v1/campaigns/TEST-TTTB/targets', skhcn, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.json()).toEqual({ accepted: 1, metrics: ['locked'], rejected: [] });
  });

  it('lets only the coordinating unit (or above) upload', async () => {
    const csv = `unit_code,verified_rate\n${LONG_XUYEN},90%\n`;
    expect((await put('/api/v1/campaigns/TEST-TTTB/targets', lxCoord, csv)).statusCode).toBe(403);
    expect((await put('/api/v1/campaigns/TEST-TTTB/targets', viettel, csv)).statusCode).toBe(403);
    expect((await put('/api/v1/campaigns/TEST-TTTB/targets', hanoi, csv)).statusCode).toBe(404);
    expect((await put('/api/v1/campaigns/TEST-TTTB/targets', province, csv)).statusCode).toBe(200);
  });
});
