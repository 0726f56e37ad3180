/**
 * The carriers' payout for July 2026, hand-computed (seed 000 V.2: at least 10,000 đ per success):
 *   Long Xuyên, officer A: Viettel 3 successes + 1 failure (6–8/7)     → 3 × 10,000 = 30,000 đ
 *                          VinaPhone 1 success (9/7)                   → 10,000 đ
 *   Mỹ Hòa Hưng, officer B: Viettel 1 success on 10/7 at 10,000 đ and 1 on 20/7 after Viettel raised
 *                          its rate to 15,000 đ from 15/7               → 25,000 đ
 *   Total: 6 successes, 65,000 đ; Viettel alone: 5 successes, 55,000 đ.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { readXlsx } from '../../shared/tabular.ts';
import { LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let officerA: { headers: Headers; username: string };
let officerB: { headers: Headers; username: string };
let monitor: Headers;
let monitorMHH: Headers;
let viettel: Headers;
let vnpt: Headers;
let admin: Headers;
let seq = 0;

async function recordAt(iso: string, who: Headers, over: Record<string, unknown> = {}) {
  vi.setSystemTime(new Date(iso));
  const payload = { phone: '0961234567', carrier: 'Viettel', idNumber: '089190000333', placeKind: 'one_stop_desk', result: 'success', idempotencyKey: `payout-${++seq}-key`, ...over };
  const res = await sys.app.inject({ method: 'POST', url: '/api/v1/desk/records', headers: who, payload });
  expect(res.statusCode).toBe(201);
}

beforeAll(async () => {
  sys = await createTestSystem();
  officerA = await staffSession(sys, LONG_XUYEN, ['intake_officer']);
  officerB = await staffSession(sys, MY_HOA_HUNG, ['intake_officer']);
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
  monitorMHH = (await staffSession(sys, MY_HOA_HUNG, ['monitor'])).headers;
  viettel = (await staffSession(sys, '91.VIETTEL', ['partner_reporter'])).headers;
  vnpt = (await staffSession(sys, '91.VNPT', ['partner_reporter'])).headers;
  admin = (await staffSession(sys, '91', ['admin'])).headers;

  const rate = await sys.app.inject({ method: 'PUT', url: '/api/v1/desk/payout-rates', headers: viettel, payload: { carrier: 'Viettel', validFrom: '2026-07-15', amountVnd: 15000, source: 'Công văn Viettel An Giang' } });
  expect(rate.statusCode).toBe(200);
  for (const day of ['06', '07', '08']) await recordAt(`2026-07-${day}T09:00:00+07:00`, officerA.headers);
  await recordAt('2026-07-08T10:00:00+07:00', officerA.headers, { result: 'failed', failureReason: 'Ảnh chân dung không khớp' });
  await recordAt('2026-07-09T09:00:00+07:00', officerA.headers, { phone: '0912345678', carrier: 'VinaPhone' });
  await recordAt('2026-07-10T09:00:00+07:00', officerB.headers);
  await recordAt('2026-07-20T09:00:00+07:00', officerB.headers);
  // Outside the month: June and August count for nothing in July.
  await recordAt('2026-06-30T16:00:00+07:00', officerA.headers);
  await recordAt('2026-08-01T08:00:00+07:00', officerA.headers);
  vi.useRealTimers();
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

const get = (url: string, headers: Headers) => sys.app.inject({ method: 'GET', url, headers });

describe('GET /api/v1/desk/payouts', () => {
  it('computes the month per staff member, unit and carrier with a total row per unit and carrier', async () => {
    const res = await get('/api/v1/desk/payouts?month=2026-07', monitor);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const lines = r.rows.map((x: { unit: { code: string }; carrier: string; staff: { username: string } | null; successes: number; rateVnd: number | null; amountVnd: number }) => [
      x.unit.code,
      x.carrier,
      x.staff?.username ?? 'Cộng',
      x.successes,
      x.rateVnd,
      x.amountVnd,
    ]);
    const lx = [
      [LONG_XUYEN, 'Viettel', officerA.username, 3, 10000, 30000],
      [LONG_XUYEN, 'Viettel', 'Cộng', 3, 10000, 30000],
      [LONG_XUYEN, 'VinaPhone', officerA.username, 1, 10000, 10000],
      [LONG_XUYEN, 'VinaPhone', 'Cộng', 1, 10000, 10000],
    ];
    const mhh = [
      [MY_HOA_HUNG, 'Viettel', officerB.username, 2, null, 25000],
      [MY_HOA_HUNG, 'Viettel', 'Cộng', 2, null, 25000],
    ];
    // Units in tree order (by path), whichever of the two communes came first in the reference data.
    const order = await sys.database.db.selectFrom('units').select('code').where('code', 'in', [LONG_XUYEN, MY_HOA_HUNG]).orderBy('path').execute();
    expect(lines).toEqual(order[0]!.code === LONG_XUYEN ? [...lx, ...mhh] : [...mhh, ...lx]);
    expect(r.total).toEqual({ successes: 6, amountVnd: 65000 });
    expect(r.rates).toEqual([
      { carrier: 'Viettel', validFrom: null, amountVnd: 10000, source: 'Mức tối thiểu, KH hỗ trợ chuẩn hóa TTTB (seed 000) mục V.2' },
      { carrier: 'Viettel', validFrom: '2026-07-15', amountVnd: 15000, source: 'Công văn Viettel An Giang' },
      { carrier: 'VinaPhone', validFrom: null, amountVnd: 10000, source: 'Mức tối thiểu, KH hỗ trợ chuẩn hóa TTTB (seed 000) mục V.2' },
    ]);
  });

  it('writes a CSV with a BOM, Vietnamese headers, whole-đồng amounts and a grand total', async () => {
    const res = await get('/api/v1/desk/payouts?month=2026-07&carrier=Viettel&format=csv', monitor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ho-tro-chuan-hoa-tttb-2026-07-viettel.csv"');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Nhà mạng,Cán bộ,Tên đăng nhập,Số lượt chuẩn hóa thành công,Mức hỗ trợ (đồng/lượt),Thành tiền (đồng)\r\n')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines).toContain(`${LONG_XUYEN},Phường Long Xuyên,Viettel,Cán bộ Kiểm thử,${officerA.username},3,10000,30000`);
    expect(lines).toContain(`${MY_HOA_HUNG},Xã Mỹ Hòa Hưng,Viettel,Cán bộ Kiểm thử,${officerB.username},2,nhiều mức,25000`);
    expect(lines.at(-1)).toBe(',TỔNG CỘNG,Viettel,,,5,,55000');
  });

  it('writes an XLSX with the same rows and money as numbers', async () => {
    const res = await get('/api/v1/desk/payouts?month=2026-07&format=xlsx', monitor);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows).toHaveLength(7);
    expect(rows.at(-1)!.values).toMatchObject({ 'Tên đơn vị': 'TỔNG CỘNG', 'Số lượt chuẩn hóa thành công': '6', 'Thành tiền (đồng)': '65000' });
  });

  it('gives a carrier’s reporter its own carrier for the whole province and nothing of another carrier', async () => {
    const own = await get('/api/v1/desk/payouts?month=2026-07', viettel);
    expect(own.json()).toMatchObject({ carrier: 'Viettel', total: { successes: 5, amountVnd: 55000 } });
    expect((await get('/api/v1/desk/payouts?month=2026-07&carrier=VinaPhone', viettel)).statusCode).toBe(403);
    expect((await get('/api/v1/desk/payouts?month=2026-07', vnpt)).json()).toMatchObject({ carrier: 'VinaPhone', total: { successes: 1, amountVnd: 10000 } });
  });

  it('limits a commune monitor to its commune and refuses an intake officer', async () => {
    expect((await get('/api/v1/desk/payouts?month=2026-07', monitorMHH)).json().total).toEqual({ successes: 2, amountVnd: 25000 });
    expect((await get(`/api/v1/desk/payouts?month=2026-07&unit=${LONG_XUYEN}`, monitorMHH)).statusCode).toBe(403);
    expect((await get('/api/v1/desk/payouts?month=2026-07', officerA.headers)).statusCode).toBe(403);
    expect((await get('/api/v1/desk/payouts?month=2026-13', monitor)).statusCode).toBe(400);
  });
});

describe('PUT /api/v1/desk/payout-rates', () => {
  it('never goes below the seed’s 10,000 đ, and a carrier sets only its own rate', async () => {
    const low = await sys.app.inject({ method: 'PUT', url: '/api/v1/desk/payout-rates', headers: admin, payload: { carrier: 'MobiFone', validFrom: '2026-07-01', amountVnd: 9000 } });
    expect([low.statusCode, low.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const other = await sys.app.inject({ method: 'PUT', url: '/api/v1/desk/payout-rates', headers: viettel, payload: { carrier: 'MobiFone', validFrom: '2026-07-01', amountVnd: 12000 } });
    expect(other.statusCode).toBe(403);
    const byAdmin = await sys.app.inject({ method: 'PUT', url: '/api/v1/desk/payout-rates', headers: admin, payload: { carrier: 'MobiFone', validFrom: '2026-09-01', amountVnd: 12000 } });
    expect(byAdmin.json()).toEqual({ carrier: 'MobiFone', validFrom: '2026-09-01', amountVnd: 12000, source: '' });
    const list = await get('/api/v1/desk/payout-rates', monitor);
    expect(list.json().items.map((r: { carrier: string; amountVnd: number }) => [r.carrier, r.amountVnd])).toEqual([
      ['MobiFone', 12000],
      ['Viettel', 15000],
    ]);
  });
});
