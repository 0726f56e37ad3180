/**
 * Reminders (issue 5 §6): each carrier's reporters when a weekly report is due today or overdue and
 * has not arrived; each field team's members while people remain to visit. One notice per person and
 * (partner, period, day) or (team, day), however often the job runs; read through /api/v1/me/notices.
 * Campaign: createTestCampaign (window 28/4–28/5/2026, weeks due the day after they end), the demo
 * household list (seedDemoField) whose Long Xuyên team has the volunteer tinhnguyen.longxuyen.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { CARRIERS, createTestCampaign, LONG_XUYEN } from '../campaigns/campaigns.fixtures.ts';
import { pendingByTeam } from '../field/field.facts.ts';
import { seedDemoField } from '../field/field.demo.ts';
import { createStaff } from '../staff/staff.service.ts';
import { sendCampaignReminders } from './campaign-progress.reminders.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let campaignId: number;
const reporter = new Map<string, Headers>();
let volunteer: Headers;
let lxPending: number;

const notices = async (h: Headers) => {
  const res = await sys.app.inject({ method: 'GET', url: '/api/v1/me/notices', headers: h });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  sys = await createTestSystem();
  const db = sys.database.db;
  campaignId = await createTestCampaign(db);
  for (const c of CARRIERS) reporter.set(c, (await staffSession(sys, c, ['partner_reporter'])).headers);
  await createStaff(
    db,
    null,
    {
      username: 'tinhnguyen.longxuyen',
      fullName: 'Tình nguyện viên Long Xuyên',
      unitCode: LONG_XUYEN,
      roles: ['field_volunteer'],
      password: 'mat-khau-tinh-nguyen',
    },
    true,
  );
  const login = await sys.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'tinhnguyen.longxuyen', password: 'mat-khau-tinh-nguyen' },
  });
  volunteer = { authorization: `Bearer ${login.json().token}` };
  await seedDemoField(db, 'TEST-TTTB');
  const lxUnit = await db.selectFrom('units').select('id').where('code', '=', LONG_XUYEN).executeTakeFirstOrThrow();
  lxPending = (await pendingByTeam(db, campaignId)).find((t) => t.unitId === Number(lxUnit.id))!.pendingPeople;
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

describe('sendCampaignReminders', () => {
  it('before any report is due, only the field team is reminded', async () => {
    expect(lxPending).toBeGreaterThan(0);
    // Teams of the other demo communes have no member in this system: nobody to remind there.
    expect(await sendCampaignReminders(sys.database.db, at('2026-05-03T08:00:00+07:00'))).toEqual({
      reportNotices: 0,
      fieldNotices: 1,
    });
  });

  it('on the due day every carrier’s reporter is reminded, once however often the job runs', async () => {
    expect(await sendCampaignReminders(sys.database.db, at('2026-05-04T08:00:00+07:00'))).toEqual({
      reportNotices: 3,
      fieldNotices: 1,
    });
    expect(await sendCampaignReminders(sys.database.db, at('2026-05-04T15:00:00+07:00'))).toEqual({
      reportNotices: 0,
      fieldNotices: 0,
    });
  });

  it('the next day only the carriers still owing the report are reminded again', async () => {
    const coordinator = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
    const partner = await sys.database.db
      .selectFrom('campaign_partners as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select('p.id')
      .where('p.campaign_id', '=', campaignId)
      .where('u.code', '=', '91.VIETTEL')
      .executeTakeFirstOrThrow();
    const token = (
      await sys.app.inject({
        method: 'POST',
        url: `/api/v1/campaigns/TEST-TTTB/partners/${partner.id}/tokens`,
        headers: coordinator,
        payload: {},
      })
    ).json().token;
    vi.setSystemTime(at('2026-05-04T16:00:00+07:00'));
    const sent = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/partner/reports',
      headers: { authorization: `Bearer ${token}` },
      payload: { periodEnd: '2026-05-03', rows: [{ unitCode: LONG_XUYEN, values: { verified: 10, locked: 0 } }] },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    vi.useRealTimers();
    // Received (even before approval) counts: Viettel is not reminded; VNPT and MobiFone are.
    expect(await sendCampaignReminders(sys.database.db, at('2026-05-05T08:00:00+07:00'))).toEqual({
      reportNotices: 2,
      fieldNotices: 1,
    });
  });

  it('after the window the field teams are no longer reminded', async () => {
    const r = await sendCampaignReminders(sys.database.db, at('2026-05-30T08:00:00+07:00'));
    expect(r.fieldNotices).toBe(0);
    // 30/5: weeks to 10/5, 17/5, 24/5 and the last (25–28/5, due 29/5) are owed by all three, week 1 by two.
    expect(r.reportNotices).toBe(3 * 4 + 2);
  });
});

describe('GET /api/v1/me/notices', () => {
  it('lists the reporter’s own notices, newest first, with the unread count', async () => {
    const vnpt = await notices(reporter.get('91.VNPT')!);
    expect(vnpt.unread).toBe(7);
    expect(vnpt.items.slice(-2)).toEqual([
      {
        id: expect.any(Number),
        kind: 'report_due',
        campaignCode: 'TEST-TTTB',
        title: 'Quá hạn nộp báo cáo: kỳ đến 03/05/2026',
        body: 'Chiến dịch "Chiến dịch thử nghiệm xác thực thuê bao": báo cáo của VNPT An Giang cho kỳ từ 28/04/2026 đến 03/05/2026 (hạn 04/05/2026) chưa được gửi.',
        link: '/can-bo/chien-dich/TEST-TTTB/bao-cao',
        createdAt: '2026-05-05T01:00:00.000Z',
        readAt: null,
      },
      expect.objectContaining({ title: 'Hạn nộp báo cáo hôm nay: kỳ đến 03/05/2026', createdAt: '2026-05-04T01:00:00.000Z' }),
    ]);
    expect((await notices(reporter.get('91.VIETTEL')!)).unread).toBe(1 + 4);
  });

  it('tells the volunteer how many people remain', async () => {
    const mine = await notices(volunteer);
    expect(mine.unread).toBe(3);
    expect(mine.items[0]).toMatchObject({ kind: 'field_pending', link: '/tinh-nguyen', title: `Còn ${lxPending} người cần đến gặp` });
  });

  it('marks a notice read; someone else’s notice is not found', async () => {
    const h = reporter.get('91.MOBIFONE')!;
    const first = (await notices(h)).items[0];
    const read = await sys.app.inject({ method: 'POST', url: `/api/v1/me/notices/${first.id}/read`, headers: h });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: first.id, readAt: expect.any(String) });
    expect((await notices(h)).unread).toBe(6);
    const other = await sys.app.inject({
      method: 'POST',
      url: `/api/v1/me/notices/${first.id}/read`,
      headers: reporter.get('91.VNPT')!,
    });
    expect(other.statusCode).toBe(404);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/me/notices' })).statusCode).toBe(401);
  });
});
