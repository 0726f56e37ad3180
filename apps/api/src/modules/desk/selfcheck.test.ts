/**
 * Officials' self-check (seed 002: 100% of CBCCVC-NLĐ send "TTTB <CCCD>" to 1414), hand-computed on
 * Đặc khu Phú Quốc, whose only staff are made here:
 *   A processor  matched 1/6                                  → compliant
 *   B approver   mismatched_pending 1/6                       → not compliant, pending
 *   C intake     mismatched_pending 1/6, mismatched_fixed 3/6 → pending on 2/6, compliant from 3/6
 *   D monitor    nothing                                      → not compliant
 *   E volunteer  matched 1/6                                  → not an official: not counted
 * On 2/6: 4 officials, 1 compliant, 2 pending. On 3/6: 4 officials, 2 compliant, 1 pending, 50%.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@motcua/contracts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { MY_HOA_HUNG, PHU_QUOC } from '../campaigns/campaigns.fixtures.ts';
import { selfCheckCounts } from './desk.facts.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
const h: Record<string, Headers> = {};

const post = (who: string, payload: object) => sys.app.inject({ method: 'POST', url: '/api/v1/selfchecks', headers: h[who], payload });
const get = (who: string, url: string) => sys.app.inject({ method: 'GET', url, headers: h[who] });

beforeAll(async () => {
  sys = await createTestSystem();
  const people: [string, string, Role[]][] = [
    ['A', PHU_QUOC, ['processor']],
    ['B', PHU_QUOC, ['approver']],
    ['C', PHU_QUOC, ['intake_officer']],
    ['D', PHU_QUOC, ['monitor']],
    ['E', PHU_QUOC, ['field_volunteer']],
    ['province', '91', ['monitor']],
    ['coordinatorMHH', MY_HOA_HUNG, ['campaign_coordinator']],
  ];
  for (const [name, unit, roles] of people) h[name] = (await staffSession(sys, unit, roles)).headers;
  vi.setSystemTime(new Date('2026-06-03T10:00:00+07:00'));
  for (const [who, checkedOn, result] of [
    ['A', '2026-06-01', 'matched'],
    ['B', '2026-06-01', 'mismatched_pending'],
    ['C', '2026-06-01', 'mismatched_pending'],
    ['C', '2026-06-03', 'mismatched_fixed'],
    ['E', '2026-06-01', 'matched'],
  ] as const) {
    const res = await post(who, { checkedOn, result, carrier: 'Viettel' });
    expect(res.statusCode).toBe(201);
  }
  vi.useRealTimers();
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

describe('POST /api/v1/selfchecks and GET /me', () => {
  it('keeps the history and counts the latest', async () => {
    const me = (await get('C', '/api/v1/selfchecks/me')).json();
    expect(me.compliant).toBe(true);
    expect(me.latest).toMatchObject({ checkedOn: '2026-06-03', result: 'mismatched_fixed', carrier: 'Viettel' });
    expect(me.history.map((x: { result: string }) => x.result)).toEqual(['mismatched_fixed', 'mismatched_pending']);
    expect((await get('D', '/api/v1/selfchecks/me')).json()).toEqual({ latest: null, compliant: false, history: [] });
  });

  it('refuses a date after today', async () => {
    vi.setSystemTime(new Date('2026-06-03T23:30:00+07:00'));
    const res = await post('D', { checkedOn: '2026-06-04', result: 'matched' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'checkedOn', message: 'Ngày tự kiểm tra không được sau hôm nay' }]);
  });
});

describe('GET /api/v1/selfchecks/compliance', () => {
  it('computes compliance per unit as of a date (latest self-check on or before it)', async () => {
    const on3 = (await get('province', `/api/v1/selfchecks/compliance?unit=${PHU_QUOC}&asOf=2026-06-03`)).json();
    expect(on3).toEqual({
      asOf: '2026-06-03',
      unit: { code: PHU_QUOC, name: 'Đặc khu Phú Quốc' },
      target: 1,
      units: [{ unit: { code: PHU_QUOC, name: 'Đặc khu Phú Quốc' }, staff: 4, checked: 2, pending: 1, rate: 0.5, met: false }],
      total: { staff: 4, checked: 2, pending: 1, rate: 0.5 },
    });
    const on2 = (await get('province', `/api/v1/selfchecks/compliance?unit=${PHU_QUOC}&asOf=2026-06-02`)).json();
    expect(on2.total).toEqual({ staff: 4, checked: 1, pending: 2, rate: 0.25 });
  });

  it('gives the progress views the same figures per unit', async () => {
    const pq = await sys.database.db.selectFrom('units').select(['id', 'path']).where('code', '=', PHU_QUOC).executeTakeFirstOrThrow();
    expect(await selfCheckCounts(sys.database.db, pq.path, '2026-06-03')).toEqual([{ unitId: Number(pq.id), staff: 4, checked: 2 }]);
  });

  it('is for desk.read roles in scope only', async () => {
    expect((await get('coordinatorMHH', `/api/v1/selfchecks/compliance?unit=${PHU_QUOC}`)).statusCode).toBe(403);
    expect((await get('C', '/api/v1/selfchecks/compliance')).statusCode).toBe(403);
    const own = (await get('coordinatorMHH', '/api/v1/selfchecks/compliance?asOf=2026-06-03')).json();
    expect(own.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual([MY_HOA_HUNG]);
    expect(own.total).toEqual({ staff: 1, checked: 0, pending: 0, rate: 0 });
  });
});
