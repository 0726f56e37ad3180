/**
 * Desk records through HTTP: validation, idempotency, the link to the subscriber-verification campaign
 * (window 28/4–28/5/2026), masking and the audited clear view. Scope: desk.scopes.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN } from '../campaigns/campaigns.fixtures.ts';
import { deskCounts } from './desk.facts.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let officer: Headers;
let campaignId: number;
let seq = 0;

beforeAll(async () => {
  sys = await createTestSystem();
  campaignId = await createTestCampaign(sys.database.db);
  // Sessions first, on the real clock: the tests then move the clock back into May 2026.
  officer = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

const body = (over: Record<string, unknown> = {}) => ({
  phone: '0961234567',
  carrier: 'Viettel',
  idNumber: '089190000333',
  placeKind: 'one_stop_desk',
  result: 'success',
  idempotencyKey: `key-desk-${++seq}-abcdef`,
  ...over,
});
const post = (payload: object, headers = officer) => sys.app.inject({ method: 'POST', url: '/api/v1/desk/records', headers, payload });

describe('POST /api/v1/desk/records: validation', () => {
  it('names every wrong field at once: a landline, a CCCD with no province code, a failure without reason', async () => {
    vi.setSystemTime(new Date('2026-05-12T09:00:00+07:00'));
    const res = await post(body({ phone: '0296 3852 123', idNumber: '123190000333', result: 'failed' }));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([
      { field: 'phone', message: 'Số bắt đầu bằng 02 là số máy bàn. Nhập số điện thoại di động' },
      { field: 'idNumber', message: 'Ba chữ số đầu của số CCCD không phải mã tỉnh, thành phố nơi đăng ký khai sinh. Kiểm tra lại số CCCD' },
      { field: 'failureReason', message: 'Nhập lý do không thành công' },
    ]);
  });

  it('refuses an ID number of neither 12 nor 9 digits', async () => {
    const res = await post(body({ idNumber: '08919000033' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'idNumber', message: 'Nhập số CCCD gồm 12 chữ số, hoặc số CMND cũ gồm 9 chữ số' }]);
  });

  it('reports a carrier that disagrees with the prefix, and accepts it when the officer confirms a ported number', async () => {
    vi.setSystemTime(new Date('2026-05-12T09:00:00+07:00'));
    const wrong = await post(body({ phone: '0912345678', carrier: 'Viettel' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { field: 'carrier', message: 'Đầu số 091 thuộc VinaPhone, không phải Viettel. Nếu thuê bao đã chuyển mạng giữ số, đánh dấu "Thuê bao đã chuyển mạng" rồi gửi lại' },
    ]);
    const ported = await post(body({ phone: '0912345678', carrier: 'Viettel', carrierOverride: true }));
    expect(ported.statusCode).toBe(201);
    expect(ported.json()).toMatchObject({ carrier: 'Viettel', detectedCarrier: 'VinaPhone', carrierOverride: true });
  });

  it('converts an old 11-digit number and accepts a 9-digit CMND (seed 002 II.1)', async () => {
    vi.setSystemTime(new Date('2026-05-12T10:00:00+07:00'));
    const res = await post(body({ phone: '0162 345 6789', idNumber: '351 234 567' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ phone: '032****789', carrier: 'Viettel', idKind: 'cmnd', idNumber: '******567', carrierOverride: false });
  });

  it('refuses a time in the future or more than 7 days back', async () => {
    vi.setSystemTime(new Date('2026-05-12T09:00:00+07:00'));
    const future = await post(body({ recordedAt: '2026-05-12T10:00:00+07:00' }));
    expect(future.json().error.details).toEqual([{ field: 'recordedAt', message: 'Thời điểm thực hiện không được sau hiện tại' }]);
    const old = await post(body({ recordedAt: '2026-05-04T16:00:00+07:00' }));
    expect(old.json().error.details).toEqual([{ field: 'recordedAt', message: 'Chỉ ghi nhận lượt thực hiện trong 7 ngày gần đây' }]);
    const fine = await post(body({ recordedAt: '2026-05-05T08:00:00+07:00' }));
    expect(fine.statusCode).toBe(201);
    expect(fine.json().recordedOn).toBe('2026-05-05');
  });
});

describe('POST /api/v1/desk/records: storing', () => {
  it('stores one record for a double tap (same idempotency key)', async () => {
    vi.setSystemTime(new Date('2026-05-13T14:00:00+07:00'));
    const payload = body({ idempotencyKey: 'double-tap-0001' });
    const first = await post(payload);
    const second = await post(payload);
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json().id).toBe(first.json().id);
    const n = await sys.database.db.selectFrom('desk_records').select((eb) => eb.fn.countAll<number>().as('n')).where('idempotency_key', '=', 'double-tap-0001').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('links a record to the campaign whose window holds its date, and not one outside it', async () => {
    vi.setSystemTime(new Date('2026-05-28T16:00:00+07:00'));
    const inside = await post(body());
    expect(inside.json()).toMatchObject({ recordedOn: '2026-05-28', campaignCodes: ['TEST-TTTB'] });
    vi.setSystemTime(new Date('2026-05-29T08:00:00+07:00'));
    const after = await post(body());
    expect(after.json()).toMatchObject({ recordedOn: '2026-05-29', campaignCodes: [] });
  });

  it('gives the progress views successes and attempts per unit of the campaign up to a date', async () => {
    vi.setSystemTime(new Date('2026-05-20T09:00:00+07:00'));
    const fail = await post(body({ result: 'failed', failureReason: 'Ảnh chân dung không khớp' }));
    expect(fail.statusCode).toBe(201);
    const lx = (await sys.database.db.selectFrom('units').select('id').where('code', '=', LONG_XUYEN).executeTakeFirstOrThrow()).id;
    // Up to 19/5: 12/5 ported + 12/5 CMND + 5/5 + 13/5 double tap = 4 successes; the failure is on 20/5.
    expect(await deskCounts(sys.database.db, campaignId, '2026-05-19')).toEqual([{ unitId: Number(lx), successes: 4, attempts: 4 }]);
    // Up to 28/5: + the failure of 20/5 and the success of 28/5 (29/5 is outside the window).
    expect(await deskCounts(sys.database.db, campaignId, '2026-05-31')).toEqual([{ unitId: Number(lx), successes: 5, attempts: 6 }]);
  });
});

describe('reading records', () => {
  it('masks phone and ID in the officer’s list, and shows them in clear (audited) one by one', async () => {
    vi.setSystemTime(new Date('2026-05-29T09:00:00+07:00'));
    const list = await sys.app.inject({ method: 'GET', url: '/api/v1/desk/records?date=2026-05-28', headers: officer });
    expect(list.statusCode).toBe(200);
    const { items, total, successes } = list.json();
    expect({ total, successes }).toEqual({ total: 1, successes: 1 });
    expect(items[0]).toMatchObject({ phone: '096****567', idNumber: '*********333', masked: true, unit: { code: LONG_XUYEN } });

    const one = await sys.app.inject({ method: 'GET', url: `/api/v1/desk/records/${items[0].id}`, headers: officer });
    expect(one.json()).toMatchObject({ phone: '0961234567', idNumber: '089190000333', masked: false });
    const audit = await sys.database.db.selectFrom('audit_log').select(['action', 'details']).where('target', '=', `desk_record:${items[0].id}`).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['desk.record.create', 'desk.record.read']);
  });
});
