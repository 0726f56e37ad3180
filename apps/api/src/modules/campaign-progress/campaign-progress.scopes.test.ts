/**
 * Who sees which progress (docs/campaign-progress.md, "who sees what"), on every endpoint: the
 * coordinating unit and the province see the area; a commune's coordinator or approver only its
 * commune; a carrier's reporter, a volunteer or a desk officer get 403; a campaign outside one's
 * subtree answers 404; nobody logged in, 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
const who: Record<string, Headers> = {};

const ENDPOINTS = [
  'progress?asOf=2026-05-10',
  'series?metric=verified&asOf=2026-05-10',
  'ranking?metric=verified_rate&asOf=2026-05-10',
  'forecast?asOf=2026-05-10',
  'timeliness?asOf=2026-05-10',
  'report.xlsx?period=day&date=2026-05-10',
  'summary.pdf?asOf=2026-05-10',
];

const get = (campaign: string, url: string, headers?: Headers) =>
  sys.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaign}/${url}`, headers });

beforeAll(async () => {
  sys = await createTestSystem();
  await createTestCampaign(sys.database.db);
  // A local drive of one commune, coordinated by the commune itself.
  await createTestCampaign(sys.database.db, {
    code: 'TEST-LX',
    scopeUnitCode: LONG_XUYEN,
    coordinatorUnitCode: LONG_XUYEN,
    partners: [],
    baselines: [{ metric: 'to_verify', unitCode: LONG_XUYEN, value: 10 }],
  });
  who.sKhcn = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  who.province = (await staffSession(sys, '91', ['monitor'])).headers;
  who.lxCoordinator = (await staffSession(sys, LONG_XUYEN, ['campaign_coordinator'])).headers;
  who.mhhApprover = (await staffSession(sys, MY_HOA_HUNG, ['approver'])).headers;
  who.mhhMonitor = (await staffSession(sys, MY_HOA_HUNG, ['monitor'])).headers;
  who.viettel = (await staffSession(sys, '91.VIETTEL', ['partner_reporter'])).headers;
  who.volunteer = (await staffSession(sys, LONG_XUYEN, ['field_volunteer'])).headers;
  who.desk = (await staffSession(sys, '91', ['intake_officer'])).headers;
});
afterAll(async () => sys?.close());

describe('campaign progress scope', () => {
  it('the coordinating unit and the province read every endpoint of the whole area', async () => {
    for (const h of [who.sKhcn!, who.province!])
      for (const url of ENDPOINTS) expect((await get('TEST-TTTB', url, h)).statusCode, url).toBe(200);
    expect((await get('TEST-TTTB', 'progress?asOf=2026-05-10', who.sKhcn)).json().unit.code).toBe('91');
  });

  it('a commune’s coordinator sees its commune only: the root, the ranking, and 404 for a neighbour', async () => {
    const own = (await get('TEST-TTTB', 'progress?asOf=2026-05-10', who.lxCoordinator)).json();
    expect(own.unit.code).toBe(LONG_XUYEN);
    expect(own.children).toEqual([]);
    const ranking = (await get('TEST-TTTB', 'ranking?metric=verified_rate&asOf=2026-05-10', who.lxCoordinator)).json();
    expect(ranking.items.map((i: { code: string }) => i.code)).toEqual([LONG_XUYEN]);
    for (const url of [
      `progress?unit=${MY_HOA_HUNG}`,
      `series?metric=verified&unit=${MY_HOA_HUNG}`,
      `forecast?unit=${MY_HOA_HUNG}`,
      'progress?unit=91',
    ]) {
      const res = await get('TEST-TTTB', url, who.lxCoordinator);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const approver = (await get('TEST-TTTB', 'progress?asOf=2026-05-10', who.mhhApprover)).json();
    expect(approver.unit.code).toBe(MY_HOA_HUNG);
  });

  it('a carrier’s reporter, a volunteer and a desk officer are refused (403) on every endpoint', async () => {
    for (const h of [who.viettel!, who.volunteer!, who.desk!])
      for (const url of ENDPOINTS) {
        const res = await get('TEST-TTTB', url, h);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
  });

  it('a campaign outside one’s subtree does not exist for them (404); nobody logged in gets 401', async () => {
    for (const url of ENDPOINTS) {
      expect((await get('TEST-LX', url, who.mhhMonitor)).statusCode, url).toBe(404);
      expect((await get('TEST-TTTB', url)).statusCode, url).toBe(401);
    }
    expect((await get('TEST-LX', 'progress?asOf=2026-05-10', who.lxCoordinator)).statusCode).toBe(200);
    expect((await get('NO-SUCH', 'progress', who.province)).statusCode).toBe(404);
  });

  it('refuses an unknown metric and a malformed date with 400', async () => {
    const bad = await get('TEST-TTTB', 'ranking?metric=khong_co', who.province);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await get('TEST-TTTB', 'progress?asOf=10/05/2026', who.province)).statusCode).toBe(400);
  });
});
