/** Who sees what on a campaign (campaigns.access.ts), against a real database with the seed units. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@motcua/contracts';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import type { Actor } from '../../shared/policy.ts';
import { campaignAccess, visibleCampaigns } from './campaigns.access.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from './campaigns.fixtures.ts';

let sys: TestSystem;
let campaignId: number;

async function actor(unitCode: string, roles: Role[]): Promise<Actor> {
  const u = await sys.database.db.selectFrom('units').select(['id', 'code', 'path']).where('code', '=', unitCode).executeTakeFirstOrThrow();
  return { kind: 'staff', staffId: 1, username: 'x', fullName: 'X', unitId: u.id, unitCode: u.code, unitPath: u.path, roles };
}
const pathOf = async (code: string) =>
  (await sys.database.db.selectFrom('units').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;

beforeAll(async () => {
  sys = await createTestSystem();
  campaignId = await createTestCampaign(sys.database.db);
});
afterAll(async () => sys?.close());

describe('campaignAccess', () => {
  it('gives the coordinating unit the whole area', async () => {
    const a = await campaignAccess(sys.database.db, await actor('91.SKHCN', ['campaign_coordinator']), campaignId, 'campaign.approve');
    expect(a).toMatchObject({ coordinator: true, partnerId: null, scopePath: await pathOf('91') });
  });

  it('limits a commune coordinator to its commune', async () => {
    const a = await campaignAccess(sys.database.db, await actor(LONG_XUYEN, ['campaign_coordinator']), 'TEST-TTTB', 'campaign.approve');
    expect(a).toMatchObject({ coordinator: false, scopePath: await pathOf(LONG_XUYEN) });
  });

  it('ties a carrier reporter to its partner and lets it report but not approve', async () => {
    const viettel = await actor('91.VIETTEL', ['partner_reporter']);
    const a = await campaignAccess(sys.database.db, viettel, campaignId, 'campaign.report');
    expect(a.partnerId).toBeGreaterThan(0);
    await expect(campaignAccess(sys.database.db, viettel, campaignId, 'campaign.approve')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('hides the campaign from a partner that is not in it and from units outside the area', async () => {
    await expect(campaignAccess(sys.database.db, await actor('91.BDT', ['partner_reporter']), campaignId, 'campaign.read')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const otherCampaign = await createTestCampaign(sys.database.db, { code: 'TEST-LX', scopeUnitCode: LONG_XUYEN, coordinatorUnitCode: LONG_XUYEN, partners: [], baselines: [] });
    await expect(campaignAccess(sys.database.db, await actor(MY_HOA_HUNG, ['campaign_coordinator']), otherCampaign, 'campaign.read')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const visible = await visibleCampaigns(sys.database.db, await actor(MY_HOA_HUNG, ['campaign_coordinator']));
    expect(visible.map((c) => c.code)).toEqual(['TEST-TTTB']);
  });

  it('answers 404 for an unknown campaign and 401 without an actor', async () => {
    await expect(campaignAccess(sys.database.db, await actor('91', ['monitor']), 'NOPE', 'campaign.read')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(campaignAccess(sys.database.db, null, campaignId, 'campaign.read')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
