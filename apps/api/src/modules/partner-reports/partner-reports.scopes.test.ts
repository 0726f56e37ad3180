/**
 * Who may do what on partner reports (issue 5 acceptance: "a commune's coordinator sees and approves
 * only its own units' data; a carrier token cannot read another carrier's reports").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';
import { at, csv, reportsApi, type Headers } from './partner-reports.fixtures.ts';

let sys: TestSystem;
let api: ReturnType<typeof reportsApi>;
const s = {} as Record<'viettel' | 'vnpt' | 'post' | 'coordinator' | 'lx' | 'mhh' | 'monitor' | 'volunteer', Headers>;
let provinceWide: number; // Viettel: Long Xuyên and Mỹ Hòa Hưng
let longXuyenOnly: number; // VNPT: Long Xuyên only
const HEADER = ['unit_code', 'unit_name', 'verified', 'locked'];

beforeAll(async () => {
  sys = await createTestSystem();
  api = reportsApi(sys);
  await createTestCampaign(sys.database.db);
  s.viettel = (await staffSession(sys, '91.VIETTEL', ['partner_reporter'])).headers;
  s.vnpt = (await staffSession(sys, '91.VNPT', ['partner_reporter'])).headers;
  s.post = (await staffSession(sys, '91.BDT', ['partner_reporter'])).headers;
  s.coordinator = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  s.lx = (await staffSession(sys, LONG_XUYEN, ['campaign_coordinator'])).headers;
  s.mhh = (await staffSession(sys, MY_HOA_HUNG, ['campaign_coordinator'])).headers;
  s.monitor = (await staffSession(sys, '91', ['monitor'])).headers;
  s.volunteer = (await staffSession(sys, LONG_XUYEN, ['field_volunteer'])).headers;
  at('2026-05-04T08:00:00+07:00');
  provinceWide = (
    await api.upload(s.viettel, csv([HEADER, [LONG_XUYEN, '', 10, 1], [MY_HOA_HUNG, '', 20, 2]]), { periodEnd: '2026-05-03' })
  ).json().id;
  longXuyenOnly = (await api.upload(s.vnpt, csv([HEADER, [LONG_XUYEN, '', 30, 3]]), { periodEnd: '2026-05-03' })).json().id;
});
afterAll(async () => sys?.close());

describe('partner reporters', () => {
  it('see only their own partner: another carrier’s report is a 404', async () => {
    expect((await api.list(s.viettel)).json().items.map((i: { id: number }) => i.id)).toEqual([provinceWide]);
    expect((await api.get(s.viettel, longXuyenOnly)).statusCode).toBe(404);
    expect((await api.get(s.vnpt, longXuyenOnly)).statusCode).toBe(200);
    expect(
      (await api.periods(s.viettel, '?partner=91.VNPT')).json().partners.map((p: { unitCode: string }) => p.unitCode),
    ).toEqual(['91.VIETTEL']);
  });

  it('cannot send for another partner, nor approve', async () => {
    const other = await api.upload(s.viettel, csv([HEADER, [LONG_XUYEN, '', 1, 1]]), {
      periodEnd: '2026-05-03',
      partner: '91.VNPT',
    });
    expect(other.statusCode).toBe(403);
    expect((await api.decide(s.viettel, provinceWide, 'approve', { acknowledgeWarnings: true })).statusCode).toBe(403);
  });

  it('a unit that is not a partner of the campaign cannot report', async () => {
    expect((await api.upload(s.post, csv([HEADER, [LONG_XUYEN, '', 1, 1]]), { periodEnd: '2026-05-03' })).statusCode).toBe(403);
    expect((await api.list(s.post)).statusCode).toBe(403);
  });
});

describe('a commune coordinator', () => {
  it('sees the reports touching its commune with only its commune’s values', async () => {
    const list = (await api.list(s.lx)).json();
    expect(list.items.map((i: { id: number; unitCount: number }) => [i.id, i.unitCount])).toEqual([
      [provinceWide, 1],
      [longXuyenOnly, 1],
    ]);
    const r = (await api.get(s.lx, provinceWide)).json();
    expect(r.rows.map((x: { unitCode: string }) => x.unitCode)).toEqual([LONG_XUYEN]);
    expect(r.canDecide).toBe(false);
    expect((await api.get(s.mhh, longXuyenOnly)).statusCode).toBe(404);
  });

  it('approves its commune’s report but not a province-wide one', async () => {
    const wide = await api.decide(s.lx, provinceWide, 'approve');
    expect(wide.statusCode).toBe(403);
    expect(wide.json().error.message).toBe(
      'Báo cáo có số liệu của đơn vị ngoài phạm vi của bạn; cấp điều phối chung của chiến dịch duyệt báo cáo này.',
    );
    expect((await api.decide(s.mhh, longXuyenOnly, 'approve')).statusCode).toBe(404);
    expect((await api.get(s.lx, longXuyenOnly)).json().canDecide).toBe(true);
    const own = await api.decide(s.lx, longXuyenOnly, 'approve');
    expect(own.statusCode).toBe(200);
    expect(own.json().status).toBe('approved');
  });

  it('may send for a partner only on its own commune', async () => {
    const res = await api.upload(s.lx, csv([HEADER, [MY_HOA_HUNG, '', 1, 1]]), {
      periodEnd: '2026-05-03',
      partner: '91.MOBIFONE',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([
      { line: 2, column: 'unit_code', unitCode: MY_HOA_HUNG, reason: 'Xã Mỹ Hòa Hưng (30313) ngoài phạm vi đơn vị của bạn' },
    ]);
    expect(
      (await api.upload(s.lx, csv([HEADER, [LONG_XUYEN, '', 1, 1]]), { periodEnd: '2026-05-03', partner: '91.MOBIFONE' }))
        .statusCode,
    ).toBe(201);
  });
});

describe('other roles', () => {
  it('a monitor reads everything but neither sends nor approves', async () => {
    expect((await api.list(s.monitor)).json().total).toBe(3);
    expect((await api.decide(s.monitor, provinceWide, 'approve')).statusCode).toBe(403);
    expect(
      (await api.upload(s.monitor, csv([HEADER, [LONG_XUYEN, '', 1, 1]]), { periodEnd: '2026-05-10', partner: '91.VNPT' }))
        .statusCode,
    ).toBe(403);
  });

  it('a field volunteer cannot read reports; an anonymous caller is asked to log in', async () => {
    expect((await api.list(s.volunteer)).statusCode).toBe(403);
    expect((await api.list({})).statusCode).toBe(401);
    expect((await api.template({})).statusCode).toBe(401);
  });

  it('a campaign outside the caller’s area does not exist for it', async () => {
    await createTestCampaign(sys.database.db, {
      code: 'TEST-LX',
      scopeUnitCode: LONG_XUYEN,
      coordinatorUnitCode: LONG_XUYEN,
      baselines: [],
    });
    const res = await reportsApi(sys, 'TEST-LX').list(s.mhh);
    expect(res.statusCode).toBe(404);
  });

  it('only area-wide coordinators manage partner tokens', async () => {
    const url = async (partnerCode: string) => {
      const partners = (await api.periods(s.coordinator)).json().partners as { id: number; unitCode: string }[];
      return `/api/v1/campaigns/TEST-TTTB/partners/${partners.find((p) => p.unitCode === partnerCode)!.id}/tokens`;
    };
    const u = await url('91.VIETTEL');
    expect((await sys.app.inject({ method: 'POST', url: u, headers: s.lx, payload: {} })).statusCode).toBe(403);
    expect((await sys.app.inject({ method: 'POST', url: u, headers: s.monitor, payload: {} })).statusCode).toBe(403);
    expect((await sys.app.inject({ method: 'POST', url: u, headers: s.viettel, payload: {} })).statusCode).toBe(403);
    expect((await sys.app.inject({ method: 'GET', url: u, headers: s.lx })).statusCode).toBe(403);
    expect(
      (await sys.app.inject({ method: 'POST', url: u, headers: s.coordinator, payload: { label: 'Hệ thống báo cáo Viettel' } }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await sys.app.inject({
          method: 'POST',
          url: '/api/v1/campaigns/TEST-TTTB/partners/999999/tokens',
          headers: s.coordinator,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
  });
});
