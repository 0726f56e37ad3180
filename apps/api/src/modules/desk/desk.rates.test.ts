/**
 * The carriers' payout rates (seed 000 V.2: "mức hỗ trợ tối thiểu: 10.000 đồng/lượt chuẩn hóa TTTB
 * thành công"): who sets which carrier's rate, the minimum, who reads which rates, the history and
 * the rate in force today.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MOBILE_CARRIERS } from '@motcua/contracts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { LONG_XUYEN } from '../campaigns/campaigns.fixtures.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let viettel: Headers;
let vnpt: Headers;
let admin: Headers;
let communeAdmin: Headers;
let monitor: Headers;
let intake: Headers;

const put = (headers: Headers | undefined, payload: object) => sys.app.inject({ method: 'PUT', url: '/api/v1/desk/payout-rates', headers, payload });
const list = (headers?: Headers) => sys.app.inject({ method: 'GET', url: '/api/v1/desk/payout-rates', headers });

beforeAll(async () => {
  sys = await createTestSystem();
  viettel = (await staffSession(sys, '91.VIETTEL', ['partner_reporter'])).headers;
  vnpt = (await staffSession(sys, '91.VNPT', ['partner_reporter'])).headers;
  admin = (await staffSession(sys, '91', ['admin'])).headers;
  communeAdmin = (await staffSession(sys, LONG_XUYEN, ['admin'])).headers;
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
  intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

describe('PUT /api/v1/desk/payout-rates', () => {
  it('lets a carrier set its own rate and a province administrator any', async () => {
    expect((await put(viettel, { carrier: 'Viettel', validFrom: '2026-05-01', amountVnd: 12000, source: 'CV 15/VTAG' })).statusCode).toBe(200);
    expect((await put(viettel, { carrier: 'Viettel', validFrom: '2026-11-01', amountVnd: 15000 })).statusCode).toBe(200);
    expect((await put(viettel, { carrier: 'Viettel', validFrom: '2027-01-01', amountVnd: 20000 })).statusCode).toBe(200);
    expect((await put(vnpt, { carrier: 'VinaPhone', validFrom: '2026-06-01', amountVnd: 11000 })).statusCode).toBe(200);
    const res = await put(admin, { carrier: 'MobiFone', validFrom: '2026-07-01', amountVnd: 10000 });
    expect([res.statusCode, res.json()]).toEqual([200, { carrier: 'MobiFone', validFrom: '2026-07-01', amountVnd: 10000, source: '' }]);
  });

  it('refuses another carrier’s rate, a commune administrator, readers and anonymous callers', async () => {
    const body = { carrier: 'Viettel', validFrom: '2026-12-01', amountVnd: 30000 };
    expect((await put(vnpt, body)).statusCode).toBe(403);
    expect((await put(communeAdmin, body)).statusCode).toBe(403);
    expect((await put(monitor, body)).statusCode).toBe(403);
    expect((await put(intake, body)).statusCode).toBe(403);
    expect((await put(undefined, body)).statusCode).toBe(401);
  });

  it('never stores less than the seed’s 10,000 đ', async () => {
    const low = await put(viettel, { carrier: 'Viettel', validFrom: '2026-12-01', amountVnd: 9999 });
    expect([low.statusCode, low.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await put(admin, { carrier: 'Gmobile', validFrom: '2026-12-01', amountVnd: 0 })).statusCode).toBe(400);
    const rows = await sys.database.db.selectFrom('desk_payout_rates').select(['carrier', 'valid_from']).where('valid_from', '=', '2026-12-01').execute();
    expect(rows).toEqual([]);
  });
});

describe('GET /api/v1/desk/payout-rates', () => {
  type Entry = { carrier: string; validFrom: string; amountVnd: number; inForce: boolean; updatedBy: string | null };
  const lines = (items: Entry[]) => items.map((r) => [r.carrier, r.validFrom, r.amountVnd, r.inForce]);

  it('gives a reader every carrier’s history with the rate in force today', async () => {
    vi.setSystemTime(new Date('2026-11-23T10:00:00+07:00'));
    const res = await list(monitor);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(lines(body.items)).toEqual([
      ['MobiFone', '2026-07-01', 10000, true],
      ['Viettel', '2026-05-01', 12000, false],
      ['Viettel', '2026-11-01', 15000, true],
      ['Viettel', '2027-01-01', 20000, false],
      ['VinaPhone', '2026-06-01', 11000, true],
    ]);
    expect(body.items[1]).toMatchObject({ source: 'CV 15/VTAG', updatedBy: 'Cán bộ Kiểm thử' });
    expect([body.minimumVnd, body.settable]).toEqual([10000, []]);
  });

  it('shows a carrier only its own rates and what it may set; an administrator may set every carrier', async () => {
    vi.setSystemTime(new Date('2026-10-31T23:30:00+07:00'));
    const own = (await list(viettel)).json();
    expect(lines(own.items)).toEqual([
      ['Viettel', '2026-05-01', 12000, true],
      ['Viettel', '2026-11-01', 15000, false],
      ['Viettel', '2027-01-01', 20000, false],
    ]);
    expect(own.settable).toEqual(['Viettel']);
    expect((await list(vnpt)).json().items.map((r: Entry) => r.carrier)).toEqual(['VinaPhone']);
    expect((await list(admin)).json().settable).toEqual([...MOBILE_CARRIERS]);
  });

  it('refuses staff who neither read the desk nor report for a carrier', async () => {
    expect((await list(intake)).statusCode).toBe(403);
    expect((await list()).statusCode).toBe(401);
  });
});
