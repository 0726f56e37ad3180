/** The partner API with tokens (DESIGN §5): issue, post, read own, revoke; OpenAPI documents it. */
import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';
import { at, type Headers } from './partner-reports.fixtures.ts';

let sys: TestSystem;
let coordinator: Headers;
const partnerIds: Record<string, number> = {};

beforeAll(async () => {
  sys = await createTestSystem();
  const campaignId = await createTestCampaign(sys.database.db);
  coordinator = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  const rows = await sys.database.db
    .selectFrom('campaign_partners as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'u.code'])
    .where('p.campaign_id', '=', campaignId)
    .execute();
  for (const r of rows) partnerIds[r.code] = Number(r.id);
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

const tokensUrl = (code: string) => `/api/v1/campaigns/TEST-TTTB/partners/${partnerIds[code]}/tokens`;
async function issue(code: string, label = `Hệ thống ${code}`) {
  const res = await sys.app.inject({ method: 'POST', url: tokensUrl(code), headers: coordinator, payload: { label } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; token: string; label: string; revokedAt: string | null };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (token: string, body: object) =>
  sys.app.inject({ method: 'POST', url: '/api/v1/partner/reports', headers: bearer(token), payload: body });

describe('partner tokens', () => {
  it('shows the token once and keeps only its SHA-256', async () => {
    const t = await issue('91.VIETTEL');
    expect(t.token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
    const stored = await sys.database.db
      .selectFrom('campaign_partner_tokens')
      .select('token_hash')
      .where('id', '=', t.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(crypto.createHash('sha256').update(t.token).digest('hex'));
    const list = (await sys.app.inject({ method: 'GET', url: tokensUrl('91.VIETTEL'), headers: coordinator })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: t.id, label: 'Hệ thống 91.VIETTEL', revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(t.token);
  });
});

describe('the partner API', () => {
  it('takes a JSON report, and names every problem by row position', async () => {
    const { token } = await issue('91.VIETTEL');
    at('2026-05-04T07:00:00+07:00');
    const bad = await post(token, {
      periodEnd: '2026-05-03',
      rows: [
        { unitCode: LONG_XUYEN, values: { verified: 10, locked: '2', signatures: 1 } },
        { unitCode: MY_HOA_HUNG, values: { verified: 1.5 } },
        { unitCode: 'XYZ', values: { verified: 1, locked: -1 } },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.problems).toEqual([
      { line: 1, column: 'signatures', unitCode: LONG_XUYEN, reason: 'chỉ tiêu không xác định "signatures"' },
      { line: 2, column: 'verified', unitCode: MY_HOA_HUNG, reason: 'verified: "1.5" không phải số nguyên' },
      { line: 2, column: 'locked', unitCode: MY_HOA_HUNG, reason: 'locked: thiếu giá trị' },
      { line: 3, column: 'unit_code', unitCode: 'XYZ', reason: 'không có đơn vị mã XYZ vào ngày 03/05/2026' },
      { line: 3, column: 'locked', unitCode: 'XYZ', reason: 'locked: số âm (-1)' },
    ]);
    const ok = await post(token, {
      periodEnd: '2026-05-03',
      rows: [{ unitCode: LONG_XUYEN, values: { verified: 10, locked: 2 } }],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      channel: 'api',
      status: 'pending',
      revision: 1,
      late: false,
      submittedBy: null,
      rows: [{ unitCode: LONG_XUYEN, values: { verified: 10, locked: 2 } }],
    });
    const dup = await post(token, {
      periodEnd: '2026-05-03',
      rows: [{ unitCode: LONG_XUYEN, values: { verified: 11, locked: 2 } }],
    });
    expect(dup.statusCode).toBe(409);
    const rev = await post(token, {
      periodEnd: '2026-05-03',
      revision: true,
      rows: [{ unitCode: LONG_XUYEN, values: { verified: 11, locked: 2 } }],
    });
    expect(rev.json().revision).toBe(2);
    const mine = await sys.app.inject({ method: 'GET', url: '/api/v1/partner/reports', headers: bearer(token) });
    expect(mine.json().items.map((i: { revision: number; status: string }) => [i.revision, i.status])).toEqual([
      [2, 'pending'],
      [1, 'superseded'],
    ]);
    const periods = (await sys.app.inject({ method: 'GET', url: '/api/v1/partner/periods', headers: bearer(token) })).json();
    expect(periods.partners[0].periods[0]).toEqual({
      periodStart: '2026-04-28',
      periodEnd: '2026-05-03',
      dueDate: '2026-05-04',
      latest: { id: rev.json().id, revision: 2, status: 'pending' },
    });
  });

  it('a carrier token cannot read another carrier’s report', async () => {
    const vnpt = await issue('91.VNPT');
    const mobifone = await issue('91.MOBIFONE');
    at('2026-05-04T07:00:00+07:00');
    const r = await post(vnpt.token, {
      periodEnd: '2026-05-03',
      rows: [{ unitCode: LONG_XUYEN, values: { verified: 5, locked: 0 } }],
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    expect(
      (await sys.app.inject({ method: 'GET', url: `/api/v1/partner/reports/${id}`, headers: bearer(vnpt.token) })).statusCode,
    ).toBe(200);
    const other = await sys.app.inject({ method: 'GET', url: `/api/v1/partner/reports/${id}`, headers: bearer(mobifone.token) });
    expect(other.statusCode).toBe(404);
    expect(
      (await sys.app.inject({ method: 'GET', url: '/api/v1/partner/reports', headers: bearer(mobifone.token) })).json(),
    ).toEqual({ items: [], total: 0 });
  });

  it('refuses unknown and revoked tokens with 401, and a staff session is no partner token', async () => {
    const t = await issue('91.MOBIFONE', 'sẽ thu hồi');
    const del = await sys.app.inject({ method: 'DELETE', url: `${tokensUrl('91.MOBIFONE')}/${t.id}`, headers: coordinator });
    expect(del.statusCode).toBe(204);
    const revoked = await post(t.token, { periodEnd: '2026-05-03', rows: [] });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.message).toBe(
      'Mã truy cập của đối tác không hợp lệ hoặc đã bị thu hồi. Liên hệ đơn vị điều phối chiến dịch để được cấp mã mới.',
    );
    expect((await post(`pt_${'A'.repeat(43)}`, { periodEnd: '2026-05-03', rows: [] })).statusCode).toBe(401);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/partner/reports', headers: coordinator })).statusCode).toBe(401);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/partner/reports' })).statusCode).toBe(401);
    const list = (await sys.app.inject({ method: 'GET', url: tokensUrl('91.MOBIFONE'), headers: coordinator })).json();
    expect(list.items.find((i: { id: number }) => i.id === t.id).revokedAt).not.toBeNull();
  });

  it('is documented in OpenAPI with its own security scheme', async () => {
    const doc = (await sys.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.partnerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/partner/reports'].post.security).toEqual([{ partnerToken: [] }]);
    expect(doc.paths['/api/v1/campaigns/{ref}/reports'].post.security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });
});
