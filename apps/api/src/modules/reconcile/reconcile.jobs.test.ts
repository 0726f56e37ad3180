import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createLogger } from '../../shared/logger.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG, PHU_QUOC } from '../campaigns/campaigns.fixtures.ts';
import { inputDir, runQueuedJobs, startReconcileJobs } from './reconcile.jobs.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let skhcn: Headers;
let province: Headers;
let lxCoord: Headers;
let phuQuocMonitor: Headers;
let provinceClerk: Headers;

const REG =
  'id_number,old_id_number,full_name,date_of_birth,sex,commune_code,status\n' +
  `089190123456,,Nguyễn Thị Hòa,1990-05-17,female,${LONG_XUYEN},alive\n` +
  `089080123458,,Lê Văn Bình,1980-01-01,male,${LONG_XUYEN},alive\n` +
  `089080123459,,Trần Văn An,1980-01-01,male,${MY_HOA_HUNG},alive\n` +
  `089080123460,,Phạm Văn Cường,1980-01-01,male,${PHU_QUOC},alive\n`;
const SUB =
  'msisdn,carrier,id_type,id_number,full_name,date_of_birth,registered_at\n' +
  '0912345601,VinaPhone,cccd,089190123456,Nguyễn Thị Hòa,1990-05-17,2020-01-01\n' +
  '0912345602,VinaPhone,cccd,089080123458,Lê Văn Bính,1980-01-01,2020-01-01\n' +
  '0912345604,VinaPhone,cccd,089080123459,Trần Văn An,1980-01-01,2020-01-01\n' +
  '0912345605,VinaPhone,cccd,089080123460,Phạm Văn Cường,1980-02-02,2020-01-01\n' +
  '0912345607,VinaPhone,cccd,089080999999,Đỗ Văn Em,1980-02-02,2020-01-01\n';

function form(parts: { name: string; file?: string; value: string }[]) {
  const b = '----motcuaReconcileBoundary';
  const chunks = parts.map((p) =>
    p.file
      ? `--${b}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.file}"\r\nContent-Type: text/csv\r\n\r\n${p.value}\r\n`
      : `--${b}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
  );
  return { payload: Buffer.from(chunks.join('') + `--${b}--\r\n`, 'utf8'), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

const post = (h: Headers, parts: Parameters<typeof form>[0]) => {
  const f = form(parts);
  return sys.app.inject({ method: 'POST', url: '/api/v1/reconcile/jobs', headers: { ...h, ...f.headers }, payload: f.payload });
};
const get = (url: string, h: Headers) => sys.app.inject({ method: 'GET', url, headers: h });
const files = (extra: Parameters<typeof form>[0] = [], sub = SUB, reg = REG) => [
  { name: 'subscribers', file: 'thue-bao.csv', value: sub },
  { name: 'registry', file: 'dan-cu.csv', value: reg },
  ...extra,
];

beforeAll(async () => {
  sys = await createTestSystem();
  await createTestCampaign(sys.database.db);
  skhcn = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  province = (await staffSession(sys, '91', ['monitor'])).headers;
  lxCoord = (await staffSession(sys, LONG_XUYEN, ['campaign_coordinator'])).headers;
  phuQuocMonitor = (await staffSession(sys, PHU_QUOC, ['campaign_coordinator'])).headers;
  provinceClerk = (await staffSession(sys, '91', ['intake_officer'])).headers;
}, 60_000);
afterAll(async () => sys?.close());

describe('POST /api/v1/reconcile/jobs (issue 6 §4)', () => {
  it('queues a job, runs it, hands off to the campaign, deletes the inputs and audits downloads', async () => {
    const res = await post(skhcn, files([{ name: 'campaign', value: 'TEST-TTTB' }, { name: 'deadline', value: '2026-12-31' }, { name: 'maxPerId', value: '2' }]));
    expect(res.statusCode).toBe(202);
    const id = res.json().id as number;
    expect(fs.readdirSync(inputDir(sys.config, id)).sort()).toEqual(['registry.csv', 'subscribers.csv']);
    const queued = (await get(`/api/v1/reconcile/jobs/${id}`, skhcn)).json();
    expect([queued.status, queued.campaignCode, queued.maxPerId, queued.deadline, queued.files]).toEqual(['queued', 'TEST-TTTB', 2, '2026-12-31', []]);

    expect(await runQueuedJobs(sys.database.db, sys.config)).toBe(1);
    expect(fs.existsSync(inputDir(sys.config, id))).toBe(false);
    const done = (await get(`/api/v1/reconcile/jobs/${id}`, province)).json();
    expect(done.status).toBe('done');
    expect(done.error).toBeNull();
    expect(done.progress).toMatchObject({ phase: 'subscribers', rows: 5, percent: 100, etaSeconds: 0 });
    expect(done.summary.byStatus).toMatchObject({ match: 2, name_mismatch: 1, dob_mismatch: 1, id_not_found: 1 });
    expect(done.handoff).toEqual({
      campaignId: expect.any(Number),
      campaignCode: 'TEST-TTTB',
      metric: 'to_verify',
      communes: [
        { code: LONG_XUYEN, value: 1 },
        { code: MY_HOA_HUNG, value: 0 },
        { code: PHU_QUOC, value: 1 },
      ],
      unassigned: 1,
      skipped: [],
      smsQueued: false,
    });
    expect(done.files).toEqual(['results.csv', 'outreach.csv', 'rejected.csv', 'over_limit.csv', 'summary.json']);

    const dl = await get(`/api/v1/reconcile/jobs/${id}/files/outreach.csv`, skhcn);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="doi-soat-${id}-outreach.csv"`);
    expect(dl.body.charCodeAt(0)).toBe(0xfeff);
    expect(dl.body.split('\r\n').filter(Boolean)).toHaveLength(4); // header + 3 not match
    const audit = await sys.database.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('action', '=', 'reconcile.file.download')
      .execute();
    expect(audit.map((a) => [a.target, (typeof a.details === 'string' ? JSON.parse(a.details) : a.details).file])).toEqual([[`reconcile_job:${id}`, 'outreach.csv']]);

    const base = await sys.database.db
      .selectFrom('campaign_baselines as b')
      .innerJoin('units as u', 'u.id', 'b.unit_id')
      .select(['u.code', 'b.value', 'b.source'])
      .where('b.metric_code', '=', 'to_verify')
      .orderBy('u.code')
      .execute();
    expect(base.map((b) => [b.code, Number(b.value), b.source])).toEqual([
      [LONG_XUYEN, 1, `reconcile:job:${id}`],
      [MY_HOA_HUNG, 0, `reconcile:job:${id}`],
      [PHU_QUOC, 1, `reconcile:job:${id}`],
    ]);

    // Outside the creator's unit subtree and not the province: the job does not exist for them.
    expect((await get(`/api/v1/reconcile/jobs/${id}`, lxCoord)).statusCode).toBe(404);
    expect((await get(`/api/v1/reconcile/jobs/${id}/files/results.csv`, phuQuocMonitor)).statusCode).toBe(404);
    // A province clerk without a campaign role: 404 too.
    expect((await get(`/api/v1/reconcile/jobs/${id}`, provinceClerk)).statusCode).toBe(404);
  });

  it('refuses a commune coordinator, a role without campaign.manage and a wrong campaign; leaves no file', async () => {
    const before = fs.existsSync(path.join(sys.config.dataDir, 'reconcile')) ? fs.readdirSync(path.join(sys.config.dataDir, 'reconcile')).sort() : [];
    expect((await post(lxCoord, files())).statusCode).toBe(403);
    expect((await post(province, files())).statusCode).toBe(403);
    await createTestCampaign(sys.database.db, { code: 'TEST-VNEID', kind: 'vneid_activation' });
    const wrong = await post(skhcn, files([{ name: 'campaign', value: 'TEST-VNEID' }]));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('Chiến dịch TEST-VNEID không phải chiến dịch xác thực thuê bao (subscriber_verification).');
    const missing = await post(skhcn, [{ name: 'subscribers', file: 's.csv', value: SUB }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: 'registry', message: 'Chọn tệp trích xuất CSDL dân cư' }]);
    const bad = await post(skhcn, files([{ name: 'deadline', value: '2026-02-30' }]));
    expect(bad.json().error.details).toEqual([{ field: 'deadline', message: 'Phải là ngày YYYY-MM-DD' }]);
    const after = fs.existsSync(path.join(sys.config.dataDir, 'reconcile')) ? fs.readdirSync(path.join(sys.config.dataDir, 'reconcile')).sort() : [];
    expect(after).toEqual(before);
  });

  it('records a failed run with its reason, deletes the inputs, and has no files to download', async () => {
    const res = await post(skhcn, files([], SUB, 'id_number\n089190123456\n'));
    expect(res.statusCode).toBe(202);
    const id = res.json().id as number;
    await runQueuedJobs(sys.database.db, sys.config);
    const job = (await get(`/api/v1/reconcile/jobs/${id}`, skhcn)).json();
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^Tệp registry\.csv thiếu cột bắt buộc: old_id_number/);
    expect(fs.existsSync(inputDir(sys.config, id))).toBe(false);
    expect((await get(`/api/v1/reconcile/jobs/${id}/files/results.csv`, skhcn)).statusCode).toBe(409);
  });

  it('marks a job left running by a crash as failed at start and deletes its inputs', async () => {
    const res = await post(skhcn, files());
    const id = res.json().id as number;
    await sys.database.db.updateTable('reconcile_jobs').set({ status: 'running' }).where('id', '=', id).execute();
    const stop = startReconcileJobs(sys.database.db, sys.config, createLogger('silent'));
    await stop();
    const job = (await get(`/api/v1/reconcile/jobs/${id}`, skhcn)).json();
    expect([job.status, job.error]).toEqual(['failed', 'Máy chủ dừng giữa chừng khi đang đối soát; hãy tạo lại yêu cầu. / Interrupted by a server restart.']);
    expect(fs.existsSync(inputDir(sys.config, id))).toBe(false);
  });
});
