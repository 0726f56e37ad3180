/**
 * The auth hook and the three kinds of bearer token: staff sessions (looked up, cached 5 s), citizen
 * sessions (`cz_…`) and campaign partner tokens (`pt_…`, resolved by the partner API itself). A partner
 * or citizen token is never looked up as a staff session: no staff query, and staff endpoints say 401.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../test/system.ts';
import { createTestCampaign } from '../modules/campaigns/campaigns.fixtures.ts';
import * as staffRepo from '../modules/staff/staff.repo.ts';

// Count the staff-session look-ups the hook makes (the real query still runs).
vi.mock('../modules/staff/staff.repo.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof staffRepo>();
  return { ...actual, findActiveStaffBySession: vi.fn(actual.findActiveStaffBySession) };
});
const staffLookups = vi.mocked(staffRepo.findActiveStaffBySession);

let sys: TestSystem;
let partnerToken: string;
/** A new Viettel token: each test's first look-up misses the hook's 5-second cache. */
let issuePartnerToken: () => Promise<string>;

beforeAll(async () => {
  sys = await createTestSystem();
  const campaignId = await createTestCampaign(sys.database.db);
  const coordinator = await staffSession(sys, '91.SKHCN', ['campaign_coordinator']);
  const viettel = await sys.database.db
    .selectFrom('campaign_partners as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select('p.id')
    .where('p.campaign_id', '=', campaignId)
    .where('u.code', '=', '91.VIETTEL')
    .executeTakeFirstOrThrow();
  issuePartnerToken = async () => {
    const issued = await sys.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/TEST-TTTB/partners/${viettel.id}/tokens`,
      headers: coordinator.headers,
      payload: { label: 'Hệ thống báo cáo Viettel' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    return issued.json().token as string;
  };
  partnerToken = await issuePartnerToken();
});
beforeEach(() => {
  staffLookups.mockClear();
});
afterAll(async () => sys?.close());

const get = (url: string, token: string) => sys.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('bearer tokens in the auth hook', () => {
  it('a partner token works on the partner API and makes no staff-session query', async () => {
    expect(partnerToken).toMatch(/^pt_/);
    const mine = await get('/api/v1/partner/reports', partnerToken);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([]);
    expect(staffLookups).not.toHaveBeenCalled();
  });

  it('a partner token on staff endpoints is 401, still without a staff-session query', async () => {
    const partnerToken = await issuePartnerToken();
    for (const url of ['/api/v1/auth/me', '/api/v1/me/notices', '/api/v1/campaigns/TEST-TTTB/progress']) {
      const res = await get(url, partnerToken);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code, url).toBe('UNAUTHENTICATED');
    }
    expect(staffLookups).not.toHaveBeenCalled();
  });

  it('a citizen token is resolved as a citizen, never as staff', async () => {
    const citizen = await citizenSession(sys);
    expect((await get('/api/v1/auth/me', citizen.token)).statusCode).toBe(401);
    const me = await get('/api/v1/me', citizen.token);
    expect(me.statusCode, me.body).toBe(200);
    expect(staffLookups).not.toHaveBeenCalled();
  });

  it('a staff token is looked up once and then served from the 5-second cache', async () => {
    // A new session: the coordinator's is already cached from the set-up.
    const { token } = await staffSession(sys, '91.SKHCN', ['monitor']);
    const first = await get('/api/v1/auth/me', token);
    const second = await get('/api/v1/auth/me', token);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(staffLookups).toHaveBeenCalledTimes(1);
  });

  it('a staff-looking token that is unknown is looked up and is 401', async () => {
    const res = await get('/api/v1/auth/me', 'not-a-session-token');
    expect(res.statusCode).toBe(401);
    expect(staffLookups).toHaveBeenCalledTimes(1);
  });
});
