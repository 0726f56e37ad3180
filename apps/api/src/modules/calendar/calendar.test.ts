import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { toXlsx } from '../../shared/tabular.ts';
import { importHolidaysFile } from './calendar.import.ts';
import { loadReferenceCalendar } from './calendar.loader.ts';

let sys: TestSystem;
let tmp: string;
beforeAll(async () => {
  sys = await createTestSystem();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-calendar-'));
});
afterAll(async () => {
  await sys?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const get = (url: string) => sys.app.inject({ method: 'GET', url });
const dueUrl = (received: string, days: number | string) =>
  `/api/v1/calendar/due?received=${encodeURIComponent(received)}&days=${days}`;
const put = (date: string, payload: unknown, headers: Record<string, string> = {}) =>
  sys.app.inject({ method: 'PUT', url: `/api/v1/calendar/days/${date}`, payload: payload as object, headers });
const del = (date: string, headers: Record<string, string> = {}) =>
  sys.app.inject({ method: 'DELETE', url: `/api/v1/calendar/days/${date}`, headers });

describe('calendar API: due dates and counts', () => {
  it('gives the due time across Tết 2026 from the loaded official schedule', async () => {
    const res = await get(dueUrl('2026-02-13T10:00:00+07:00', 3));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      receivedAt: '2026-02-13T10:00:00+07:00',
      countsFrom: '2026-02-13',
      dueAt: '2026-02-25T17:00:00+07:00',
      days: 3,
    });
  });

  it('accepts an unencoded "+" of the offset (it arrives as a space)', async () => {
    const res = await get('/api/v1/calendar/due?received=2026-02-13T18:00:00+07:00&days=0');
    expect(res.statusCode).toBe(200);
    expect(res.json().dueAt).toBe('2026-02-23T17:00:00+07:00');
  });

  it('counts working days, both ends included', async () => {
    const res = await get('/api/v1/calendar/working-days?from=2026-01-01&to=2026-01-31');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ from: '2026-01-01', to: '2026-01-31', workingDays: 21 });
    expect((await get('/api/v1/calendar/working-days?from=2025-01-01&to=2027-12-31')).json().workingDays).toBe(750);
  });

  it.each([
    [dueUrl('2026-02-13T10:00:00+07:00', 366), 'querystring.days'],
    [dueUrl('2026-02-13T10:00:00+07:00', 'ba'), 'querystring.days'],
    ['/api/v1/calendar/due?received=2026-02-13T10:00:00%2B07:00', 'querystring.days'],
    [dueUrl('2026-02-13T10:00:00', 3), 'querystring.received'],
    [dueUrl('2026-02-30T10:00:00+07:00', 3), 'querystring.received'],
    [dueUrl('2026-02-13T25:00:00+07:00', 3), 'querystring.received'],
    ['/api/v1/calendar/working-days?from=2026-13-01&to=2026-12-31', 'querystring.from'],
    ['/api/v1/calendar/working-days?from=2026-02-01&to=2026-01-31', 'querystring.to'],
    ['/api/v1/calendar/working-days?from=2020-01-01&to=2030-01-08', 'querystring.to'],
    ['/api/v1/calendar/days?year=1800', 'querystring.year'],
  ])('rejects %s with VALIDATION_FAILED on %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details[0].field).toBe(field);
    expect(err.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵóòỏõọéèẻẽẹ]/i);
  });

  it('allows a span of exactly 3660 days and says why a longer one is refused', async () => {
    expect((await get('/api/v1/calendar/working-days?from=2020-01-01&to=2030-01-07')).statusCode).toBe(200);
    const res = await get('/api/v1/calendar/working-days?from=2020-01-01&to=2030-01-08');
    expect(res.json().error.message).toBe('Khoảng thời gian tối đa 3660 ngày.');
  });
});

describe('calendar API: listing a year', () => {
  it('lists the official 2026 schedule', async () => {
    const res = await get('/api/v1/calendar/days?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      year: 2026,
      official: true,
      source: 'data/reference/holidays_2025_2026_schedule.csv',
      workingDays: 250,
    });
    expect(body.items).toHaveLength(27);
    expect(body.items.find((d: { date: string }) => d.date === '2026-04-27')).toEqual({
      date: '2026-04-27',
      kind: 'day_off',
      occasion: 'Giỗ Tổ Hùng Vương',
      note: '',
      source: 'https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm',
      status: 'official',
      working: false,
    });
    expect(body.items.filter((d: { working: boolean }) => d.working).map((d: { date: string }) => d.date)).toEqual([
      '2026-01-10',
      '2026-08-22',
    ]);
  });

  it('computes 2027, which has no official schedule yet', async () => {
    const body = (await get('/api/v1/calendar/days?year=2027')).json();
    expect(body).toMatchObject({ year: 2027, official: false, source: null, workingDays: 250 });
    expect(body.items.map((d: { date: string }) => d.date)).toContain('2027-02-10');
    expect(body.items.every((d: { status: string }) => d.status === 'computed')).toBe(true);
  });

  it('answers for one date, plain weekdays included', async () => {
    expect((await get('/api/v1/calendar/days/2026-03-03')).json()).toEqual({ date: '2026-03-03', working: true, day: null });
    expect((await get('/api/v1/calendar/days/2026-01-10')).json()).toMatchObject({
      working: true,
      day: { kind: 'working_day', status: 'official' },
    });
  });
});

describe('calendar API: edits by the province admin', () => {
  it('lets an admin of the province mark a day off, which moves due dates, and writes an audit row', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    const res = await put('2026-02-25', { kind: 'day_off', occasion: 'Nghỉ đột xuất', note: 'kiểm thử' }, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      date: '2026-02-25',
      working: false,
      day: {
        date: '2026-02-25',
        kind: 'day_off',
        occasion: 'Nghỉ đột xuất',
        note: 'kiểm thử',
        source: '',
        status: 'edited',
        working: false,
      },
    });
    expect((await get(dueUrl('2026-02-13T10:00:00+07:00', 3))).json().dueAt).toBe('2026-02-26T17:00:00+07:00');

    const audit = await sys.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calendar.day.set')
      .where('target', '=', 'calendar:2026-02-25')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_kind).toBe('staff');

    const cleared = await del('2026-02-25', admin.headers);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toEqual({ date: '2026-02-25', working: true, day: null });
    expect((await get(dueUrl('2026-02-13T10:00:00+07:00', 3))).json().dueAt).toBe('2026-02-25T17:00:00+07:00');
    expect((await del('2026-02-25', admin.headers)).json().error.code).toBe('NOT_FOUND');
  });

  it('an edit overrides an official day, and removing it brings the official day back', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    expect((await put('2026-04-27', { kind: 'working_day', occasion: 'Làm việc' }, admin.headers)).json()).toMatchObject({
      working: true,
      day: { status: 'edited' },
    });
    expect((await del('2026-04-27', admin.headers)).json()).toMatchObject({
      working: false,
      day: { status: 'official', occasion: 'Giỗ Tổ Hùng Vương' },
    });
  });

  it('refuses a commune admin with FORBIDDEN and writes nothing', async () => {
    const communeAdmin = await staffSession(sys, '30307', ['admin']);
    const res = await put('2026-03-03', { kind: 'day_off', occasion: 'Nghỉ' }, communeAdmin.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await get('/api/v1/calendar/days/2026-03-03')).json().day).toBeNull();
    expect((await del('2026-03-03', communeAdmin.headers)).statusCode).toBe(403);
  });

  it('refuses a province official who is not an admin', async () => {
    const processor = await staffSession(sys, '91', ['processor']);
    expect((await put('2026-03-03', { kind: 'day_off', occasion: 'Nghỉ' }, processor.headers)).statusCode).toBe(403);
  });

  it('asks for a login first: UNAUTHENTICATED', async () => {
    const res = await put('2026-03-03', { kind: 'day_off', occasion: 'Nghỉ' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect((await del('2026-03-03')).statusCode).toBe(401);
  });

  it('validates the date and the body', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    const bad = await put('2026-02-30', { kind: 'day_off', occasion: 'Nghỉ' }, admin.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params.date');
    const kind = await put('2026-03-03', { kind: 'holiday', occasion: 'Nghỉ' }, admin.headers);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].field).toBe('body.kind');
    const blank = await put('2026-03-03', { kind: 'day_off', occasion: '   ' }, admin.headers);
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe('body.occasion');
  });
});

describe('importing an official schedule', () => {
  it('makes the file’s year official, replacing computed days and earlier edits', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    await put('2027-03-01', { kind: 'day_off', occasion: 'Sửa tay' }, admin.headers);
    const file = path.join(tmp, 'lich-2027.csv');
    fs.writeFileSync(
      file,
      [
        'date,weekday,year,occasion,kind,notes,source',
        '2027-01-01,Fri,2027,Tết Dương lịch,statutory,,QĐ giả định',
        '2027-02-04,Thu,2027,Tết Đinh Mùi,statutory,,same',
        '2027-02-05,Fri,2027,Tết Đinh Mùi,statutory,,same',
        '2027-02-13,Sat,2027,Tết Đinh Mùi swap,make-up working day (public servants),,same',
      ].join('\n'),
    );
    expect(await importHolidaysFile(sys.database.db, file)).toEqual({ accepted: 4, rejected: [] });
    const body = (await get('/api/v1/calendar/days?year=2027')).json();
    expect(body).toMatchObject({ year: 2027, official: true, source: 'tệp lich-2027.csv' });
    expect(body.items.map((d: { date: string; status: string }) => `${d.date} ${d.status}`)).toEqual([
      '2027-01-01 official',
      '2027-02-04 official',
      '2027-02-05 official',
      '2027-02-13 official',
    ]);
    expect(body.items[1].source).toBe('QĐ giả định');
    // 261 weekdays − 3 days off + 1 make-up Saturday.
    expect(body.workingDays).toBe(259);
  });

  it('accepts XLSX, and writes nothing when a row is bad', async () => {
    const good = path.join(tmp, 'lich-2028.xlsx');
    fs.writeFileSync(
      good,
      await toXlsx(
        '2028',
        ['date', 'weekday', 'occasion', 'kind'],
        [['2028-01-03', 'Mon', 'Nghỉ bù Tết Dương lịch', 'compensatory day']],
      ),
    );
    expect(await importHolidaysFile(sys.database.db, good)).toEqual({ accepted: 1, rejected: [] });
    expect((await get('/api/v1/calendar/days?year=2028')).json()).toMatchObject({
      official: true,
      items: [{ date: '2028-01-03', status: 'official' }],
    });

    const bad = path.join(tmp, 'lich-2029.csv');
    fs.writeFileSync(bad, 'date,weekday,occasion,kind\n2029-01-01,Mon,Tết Dương lịch,statutory\n2029-01-02,Mon,Nghỉ,statutory\n');
    expect(await importHolidaysFile(sys.database.db, bad)).toEqual({
      accepted: 0,
      rejected: [{ line: 3, reason: 'thứ "Mon" không khớp với ngày 2029-01-02 (Thứ ba)' }],
    });
    expect((await get('/api/v1/calendar/days?year=2029')).json().official).toBe(false);
  });

  it('loads the reference schedule only into an empty calendar', async () => {
    expect(await loadReferenceCalendar(sys.database.db)).toBe(0);
  });
});
