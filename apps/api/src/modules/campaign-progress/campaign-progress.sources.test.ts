/**
 * The progress engine over the other campaign modules' real facts, through HTTP: a volunteer's
 * outcomes (sent twice, counted once; the ineligible leave the denominator, seed 003 V.2.d), a desk
 * officer's standardisations (seed 000) and officials' self-checks (seed 002 "100% CBCCVC … tự kiểm
 * tra"), all on 12/5/2026 in Long Xuyên.
 */
import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, testCampaign } from '../campaigns/campaigns.fixtures.ts';
import { seedDemoField } from '../field/field.demo.ts';
import { fieldCounts } from '../field/field.facts.ts';
import { createStaff } from '../staff/staff.service.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let campaignId: number;
let monitor: Headers;
let volunteer: Headers;
let desk: Headers;
let lxUnitId: number;

beforeAll(async () => {
  sys = await createTestSystem();
  const db = sys.database.db;
  const base = testCampaign();
  campaignId = await createTestCampaign(db, {
    metrics: [
      ...base.metrics,
      { code: 'visited_done', nameVi: 'Người đã xác thực tại nhà', nameEn: 'Done at home', kind: 'count', source: 'field' },
      { code: 'field_rate', nameVi: 'Tỷ lệ hoàn thành tại nhà', nameEn: 'Field rate', kind: 'rate', source: 'field' },
      { code: 'desk_done', nameVi: 'Chuẩn hóa tại Một cửa', nameEn: 'Standardised at the desk', kind: 'count', source: 'desk' },
      {
        code: 'selfcheck_rate',
        nameVi: 'Tỷ lệ cán bộ tự kiểm tra',
        nameEn: 'Officials self-checked',
        kind: 'rate',
        source: 'selfcheck',
      },
    ],
    targets: [
      ...(base.targets ?? []),
      { metric: 'field_rate', level: 'commune', value: 0.8 },
      { metric: 'selfcheck_rate', level: 'commune', value: 1 },
    ],
  });
  lxUnitId = Number((await db.selectFrom('units').select('id').where('code', '=', LONG_XUYEN).executeTakeFirstOrThrow()).id);
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
  desk = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  await staffSession(sys, LONG_XUYEN, ['approver']);
  await createStaff(
    db,
    null,
    {
      username: 'tinhnguyen.longxuyen',
      fullName: 'Tình nguyện viên',
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
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

const progressOf = async (asOf: string) => {
  const res = await sys.app.inject({
    method: 'GET',
    url: `/api/v1/campaigns/TEST-TTTB/progress?asOf=${asOf}&unit=${LONG_XUYEN}`,
    headers: monitor,
  });
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json().unit.metrics.map((m: { code: string }) => [m.code, m]));
};

describe('progress from field, desk and self-check facts', () => {
  it('counts a volunteer’s outcomes once, without the ineligible in the rate', async () => {
    vi.setSystemTime(new Date('2026-05-12T09:00:00+07:00'));
    const work = (await sys.app.inject({ method: 'GET', url: '/api/v1/field/assignments', headers: volunteer })).json();
    const people = work.campaigns[0].hamlets.flatMap((h: { households: { people: { id: number }[] }[] }) =>
      h.households.flatMap((x) => x.people),
    );
    const listed = (await fieldCounts(sys.database.db, campaignId, '2026-05-12')).find((c) => c.unitId === lxUnitId)!.listed;
    expect(people.length).toBe(listed);
    const batch = {
      items: (['done', 'ineligible', 'absent'] as const).map((outcome, i) => ({
        clientId: crypto.randomUUID(),
        personId: people[i].id,
        outcome,
        recordedAt: '2026-05-12T08:30:00+07:00',
      })),
    };
    for (let i = 0; i < 2; i++) {
      const sent = await sys.app.inject({ method: 'POST', url: '/api/v1/field/outcomes', headers: volunteer, payload: batch });
      expect(sent.statusCode, sent.body).toBeLessThan(300);
    }
    vi.useRealTimers();
    const p = await progressOf('2026-05-12');
    expect(p.visited_done).toMatchObject({ value: 1, numerator: null });
    const rate = Math.round((1 / (listed - 1)) * 10_000) / 10_000;
    expect(p.field_rate).toMatchObject({
      value: rate,
      numerator: 1,
      denominator: listed - 1,
      target: 0.8,
      progress: Math.round((rate / 0.8) * 10_000) / 10_000,
    });
    // The day before, nothing was recorded yet.
    expect((await progressOf('2026-05-11')).visited_done).toMatchObject({ value: 0 });
  });

  it('counts the desk’s successful standardisations and the officials’ self-checks', async () => {
    vi.setSystemTime(new Date('2026-05-12T10:00:00+07:00'));
    for (const [i, result] of (['success', 'success', 'failed'] as const).entries()) {
      const res = await sys.app.inject({
        method: 'POST',
        url: '/api/v1/desk/records',
        headers: desk,
        payload: {
          phone: `096123456${i}`,
          carrier: 'Viettel',
          idNumber: `08919000033${i}`,
          placeKind: 'one_stop_desk',
          result,
          ...(result === 'failed' ? { failureReason: 'Không khớp ảnh khuôn mặt' } : {}),
          idempotencyKey: `key-progress-${i}-abcdef`,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const check = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/selfchecks',
      headers: desk,
      payload: { checkedOn: '2026-05-12', result: 'matched' },
    });
    expect(check.statusCode, check.body).toBeLessThan(300);
    vi.useRealTimers();
    const p = await progressOf('2026-05-12');
    expect(p.desk_done).toMatchObject({ value: 2 });
    // Long Xuyên's officials: the desk officer and the approver (volunteers are not officials); one has checked.
    expect(p.selfcheck_rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, target: 1, progress: 0.5 });
  });
});
