/**
 * The dossier lifecycle through HTTP against a real database, with dates hand-computed on the
 * official 2026 calendar (Tết Bính Ngọ: 14–22/02/2026 off). The kpi hand-off is spied on, so each
 * change is checked to pass the right facts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DossierFacts } from '../kpi/kpi.facts.ts';
import type * as KpiService from '../kpi/kpi.service.ts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { APPLICANT, at, counterBody, dossierApi, LONG_XUYEN, onlineBody, type Headers } from './dossiers.fixtures.ts';

const kpi = vi.hoisted(() => ({ calls: [] as [DossierFacts | null, DossierFacts | null][] }));
vi.mock('../kpi/kpi.service.ts', async (importOriginal) => {
  const original = await importOriginal<typeof KpiService>();
  return {
    ...original,
    applyDossierChange: vi.fn(async (...args: Parameters<typeof original.applyDossierChange>) => {
      kpi.calls.push([args[1], args[2]]);
      return original.applyDossierChange(...args);
    }),
  };
});

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
let intake: Headers;
let intake2: Headers;
let processor: Headers;
let processorId: number;
let approver: Headers;

beforeAll(async () => {
  sys = await createTestSystem();
  api = dossierApi(sys);
  intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  intake2 = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  const p = await staffSession(sys, LONG_XUYEN, ['processor']);
  processor = p.headers;
  processorId = Number((await sys.database.db.selectFrom('staff').select('id').where('username', '=', p.username).executeTakeFirstOrThrow()).id);
  approver = (await staffSession(sys, LONG_XUYEN, ['approver'])).headers;
});
afterEach(() => {
  vi.useRealTimers();
  kpi.calls.length = 0;
});
afterAll(async () => sys?.close());

/** Runs an action and returns the view; fails loudly with the error body otherwise. */
async function step(headers: Headers, code: string, action: string, body: object) {
  const res = await api.act(headers, code, action, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('counter intake', () => {
  it('receives at once with a due date in working days across Tết', async () => {
    at('2026-02-13T10:00:00+07:00');
    const res = await api.counter(intake, counterBody());
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.code).toMatch(/^30307-260213-\d{4}$/);
    expect(d).toMatchObject({
      status: 'received',
      channel: 'counter',
      receivedAt: '2026-02-13T10:00:00+07:00',
      dueAt: '2026-02-25T17:00:00+07:00',
      originalDueAt: '2026-02-25T17:00:00+07:00',
      feeVnd: 15000,
      paid: 'none',
      digitizedDossier: true,
      version: 1,
      handlingUnit: { code: LONG_XUYEN, name: 'Phường Long Xuyên' },
    });
    expect(d.events.map((e: { action: string; fromStatus: string | null; toStatus: string }) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['received', null, 'received'],
    ]);
    expect(kpi.calls).toHaveLength(1);
    expect(kpi.calls[0]![0]).toBeNull();
    expect(kpi.calls[0]![1]).toMatchObject({
      channel: 'counter',
      receivedAt: new Date('2026-02-13T03:00:00Z'),
      dueAt: new Date('2026-02-25T10:00:00Z'),
      finishedAt: null,
      feeVnd: 15000,
      paid: 'none',
      supplementRequests: 0,
    });
  });

  it('answers the intake with exactly the view a later read gives (built without reading back)', async () => {
    at('2026-03-03T09:15:00+07:00');
    const created = await api.counter(intake, counterBody());
    expect(created.statusCode).toBe(201);
    const read = await api.get(intake, created.json().code);
    expect(created.json()).toEqual(read.json());
  });

  it('takes a calendar change made through the API into the next due date at once', async () => {
    const admin = (await staffSession(sys, '91', ['admin'])).headers;
    at('2026-03-10T09:00:00+07:00');
    // 3 working days from Tuesday 10/03: Friday 13/03 …
    expect((await api.counter(intake, counterBody())).json().dueAt).toBe('2026-03-13T17:00:00+07:00');
    const off = await sys.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-03-12',
      headers: admin,
      payload: { kind: 'day_off', occasion: 'Nghỉ đột xuất (kiểm thử)' },
    });
    expect(off.statusCode).toBe(200);
    // … Monday 16/03 once Thursday 12/03 is a day off (the cached calendar was dropped).
    expect((await api.counter(intake, counterBody())).json().dueAt).toBe('2026-03-16T17:00:00+07:00');
    expect((await sys.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-03-12', headers: admin })).statusCode).toBe(200);
    expect((await api.counter(intake, counterBody())).json().dueAt).toBe('2026-03-13T17:00:00+07:00');
  });

  it('numbers receipts per unit and day, without gaps or repeats under concurrent intakes', async () => {
    at('2026-03-16T08:00:00+07:00');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => api.counter(i % 2 ? intake : intake2, counterBody())));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(results.map((r) => r.json().code).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `30307-260316-000${n}`));
  });

  it('counts a receipt after office hours from the next working day', async () => {
    at('2026-03-06T17:30:00+07:00'); // Friday evening
    const d = (await api.counter(intake, counterBody())).json();
    // Counts from Mon 9/3: 10, 11, 12 → Thu 12/3.
    expect(d.dueAt).toBe('2026-03-12T17:00:00+07:00');
  });

  it('refuses a form with a missing field, an unknown field or an invalid ID, naming each', async () => {
    const { stayMonths: _omit, ...withoutMonths } = counterBody().formData;
    const res = await api.counter(
      intake,
      counterBody({ applicant: { ...APPLICANT, idNumber: '999190012345' }, formData: { ...withoutMonths, favouriteColour: 'đỏ' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'applicant.idNumber',
      'formData.favouriteColour',
      'formData.stayMonths',
    ]);
  });

  it('refuses a unit that does not handle the procedure', async () => {
    const res = await api.counter(intake, counterBody({ unitCode: '91' }));
    expect(res.statusCode).toBe(403); // the commune's officer has no scope over the province unit
    const province = (await staffSession(sys, '91', ['intake_officer'])).headers;
    const res2 = await api.counter(province, counterBody({ unitCode: '91' }));
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.message).toContain('thẩm quyền cấp xã');
  });
});

describe('the whole lifecycle', () => {
  it('goes from counter intake to returned result with pauses, payment and exact dates', async () => {
    at('2026-02-13T10:00:00+07:00');
    const { code } = (await api.counter(intake, counterBody())).json();

    at('2026-02-23T08:30:00+07:00');
    let d = await step(approver, code, 'assign', { version: 1, staffId: processorId });
    expect(d.assignedStaffId).toBe(processorId);
    at('2026-02-23T09:00:00+07:00');
    d = await step(processor, code, 'start', { version: 2 });
    expect(d.status).toBe('in_progress');

    at('2026-02-23T10:00:00+07:00'); // Monday
    d = await step(processor, code, 'request-supplement', { version: 3, reason: 'Thiếu hợp đồng thuê nhà' });
    expect(d).toMatchObject({ status: 'supplement_requested', supplementRequests: 1, pausedSince: '2026-02-23T10:00:00+07:00' });
    at('2026-02-25T09:00:00+07:00'); // Wednesday: Tue 24 and Wed 25 waited → due moves 2 working days
    d = await step(intake, code, 'provide-supplement', { version: 4 });
    expect(d).toMatchObject({ status: 'in_progress', pausedSince: null, dueAt: '2026-02-27T17:00:00+07:00' });

    at('2026-02-26T10:00:00+07:00'); // Thursday
    d = await step(processor, code, 'request-supplement', { version: 5, reason: 'Thiếu ý kiến chủ hộ' });
    expect(d.supplementRequests).toBe(2);
    at('2026-03-02T08:00:00+07:00'); // Monday: Fri 27 and Mon 2 waited → Fri 27/2 + 2 = Tue 3/3
    d = await step(intake, code, 'provide-supplement', { version: 6, note: 'Đã nộp bổ sung tại quầy' });
    expect(d.dueAt).toBe('2026-03-03T17:00:00+07:00');

    at('2026-03-02T09:00:00+07:00');
    d = await step(processor, code, 'request-payment', { version: 7 });
    expect(d.status).toBe('awaiting_payment');
    at('2026-03-02T10:00:00+07:00');
    d = await step(intake, code, 'payment', { version: 8, method: 'counter' });
    expect(d).toMatchObject({ status: 'in_progress', paid: 'counter' });

    at('2026-03-03T15:00:00+07:00');
    d = await step(approver, code, 'approve', { version: 9 });
    expect(d).toMatchObject({ status: 'approved', finishedAt: '2026-03-03T15:00:00+07:00', late: false });
    at('2026-03-03T16:00:00+07:00');
    d = await step(approver, code, 'issue-result', { version: 10, digitizedResult: true });
    expect(d).toMatchObject({ status: 'result_issued', digitizedResult: true, finishedAt: '2026-03-03T15:00:00+07:00' });
    at('2026-03-04T09:00:00+07:00');
    d = await step(intake, code, 'return-result', { version: 11 });
    d = await step(intake, code, 'rating', { version: 12, rating: 'satisfied' });

    expect(d).toMatchObject({
      status: 'returned',
      version: 13,
      receivedAt: '2026-02-13T10:00:00+07:00',
      originalDueAt: '2026-02-25T17:00:00+07:00',
      dueAt: '2026-03-03T17:00:00+07:00',
      finishedAt: '2026-03-03T15:00:00+07:00',
      supplementRequests: 2,
      rating: 'satisfied',
      late: false,
    });
    expect(d.events.map((e: { action: string; toStatus: string; at: string }) => [e.action, e.toStatus, e.at])).toEqual([
      ['received', 'received', '2026-02-13T10:00:00+07:00'],
      ['assigned', 'received', '2026-02-23T08:30:00+07:00'],
      ['started', 'in_progress', '2026-02-23T09:00:00+07:00'],
      ['supplement_requested', 'supplement_requested', '2026-02-23T10:00:00+07:00'],
      ['supplement_provided', 'in_progress', '2026-02-25T09:00:00+07:00'],
      ['supplement_requested', 'supplement_requested', '2026-02-26T10:00:00+07:00'],
      ['supplement_provided', 'in_progress', '2026-03-02T08:00:00+07:00'],
      ['payment_requested', 'awaiting_payment', '2026-03-02T09:00:00+07:00'],
      ['paid', 'in_progress', '2026-03-02T10:00:00+07:00'],
      ['approved', 'approved', '2026-03-03T15:00:00+07:00'],
      ['result_issued', 'result_issued', '2026-03-03T16:00:00+07:00'],
      ['returned', 'returned', '2026-03-04T09:00:00+07:00'],
      ['rated', 'returned', '2026-03-04T09:00:00+07:00'],
    ]);
    expect(d.events[3].reason).toBe('Thiếu hợp đồng thuê nhà');
    expect(d.events[4].details).toMatchObject({ waitedWorkingDays: 2, previousDueAt: '2026-02-25T17:00:00+07:00', dueAt: '2026-02-27T17:00:00+07:00' });

    // Facts handed to the indicators: the last state, and no call for changes that move no fact.
    const last = kpi.calls.at(-1)!;
    expect(last[0]).toMatchObject({ rating: null });
    expect(last[1]).toMatchObject({
      dueAt: new Date('2026-03-03T10:00:00Z'),
      finishedAt: new Date('2026-03-03T08:00:00Z'),
      supplementRequests: 2,
      paid: 'counter',
      digitizedResult: true,
      rating: 'satisfied',
    });
    // Created, 2 requests, 2 resumes, payment, approval, result, rating; not assign/start/payment request/return.
    expect(kpi.calls).toHaveLength(9);
  });

  it('refuses an action from the wrong status with CONFLICT', async () => {
    at('2026-03-10T09:00:00+07:00');
    const { code } = (await api.counter(intake, counterBody())).json();
    const res = await api.act(approver, code, 'approve', { version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'invalid_status', status: 'received' } });
    expect(res.json().error.message).toBe('Không thể phê duyệt khi hồ sơ đang ở trạng thái "Đã tiếp nhận".');
  });
});

describe('work queue deadlines', () => {
  it('lists a dossier as due soon within 2 working days of its due date, and overdue after it', async () => {
    at('2026-03-17T09:00:00+07:00'); // Tuesday; 3 working days → Fri 20/3 17:00
    const { code } = (await api.counter(intake, counterBody())).json();
    const codes = async (query: string) => (await api.list(intake, `${query}&limit=500`)).json().items.map((i: { code: string }) => i.code);
    expect(await codes('?due=soon')).not.toContain(code); // horizon: end of Thu 19/3
    at('2026-03-18T09:00:00+07:00');
    expect(await codes('?due=soon')).toContain(code); // horizon: end of Fri 20/3
    expect(await codes('?due=overdue')).not.toContain(code);
    at('2026-03-23T08:00:00+07:00');
    expect(await codes('?due=soon')).not.toContain(code);
    expect(await codes('?due=overdue&status=received')).toContain(code);
    expect(await codes('?due=overdue&status=approved')).toEqual([]);
  });
});

describe('apology', () => {
  it('records the new promised date and keeps the due date: the dossier stays late', async () => {
    at('2026-02-13T10:00:00+07:00');
    const { code } = (await api.counter(intake, counterBody())).json();
    at('2026-02-24T09:00:00+07:00');
    await step(processor, code, 'start', { version: 1 });
    at('2026-02-26T09:00:00+07:00');
    const early = await api.act(approver, code, 'apology', { version: 2, newDueAt: '2026-02-25T17:00:00+07:00', reason: 'Cần xác minh' });
    expect(early.statusCode).toBe(400);
    const d = await step(approver, code, 'apology', { version: 2, newDueAt: '2026-03-04T17:00:00+07:00', reason: 'Cần xác minh nơi ở' });
    expect(d).toMatchObject({ dueAt: '2026-02-25T17:00:00+07:00', apologyDueAt: '2026-03-04T17:00:00+07:00', late: true, version: 3 });
    expect(d.events.at(-1)).toMatchObject({ action: 'apology', reason: 'Cần xác minh nơi ở', details: { newDueAt: '2026-03-04T17:00:00+07:00' } });
    const overdue = (await api.list(intake, '?due=overdue&limit=500')).json();
    expect(overdue.items.map((i: { code: string }) => i.code)).toContain(code);
    at('2026-03-03T10:00:00+07:00');
    const done = await step(approver, code, 'approve', { version: 3 });
    expect(done.late).toBe(true);
    expect(kpi.calls.at(-1)![1]).toMatchObject({ dueAt: new Date('2026-02-25T10:00:00Z'), finishedAt: new Date('2026-03-03T03:00:00Z') });
  });
});

describe('online submission, intake decisions and withdrawal', () => {
  it('submits without a due date, then the desk receives it and the clock starts', async () => {
    at('2026-03-09T20:00:00+07:00');
    const sub = await api.online(onlineBody({ reusedData: true }));
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).toMatchObject({ status: 'submitted', receivedAt: null, dueAt: null });
    const code = sub.json().code as string;
    expect(code).toMatch(/^30307-260309-\d{4}$/);
    expect(kpi.calls).toHaveLength(0); // not received: not in the indicators yet
    at('2026-03-10T08:00:00+07:00');
    const d = await step(intake, code, 'receive', { version: 1 });
    expect(d).toMatchObject({ status: 'received', channel: 'online', dueAt: '2026-03-13T17:00:00+07:00', feeVnd: 7000, digitizedDossier: true, reusedData: true });
    expect(kpi.calls).toEqual([[null, expect.objectContaining({ channel: 'online', reusedData: true, feeVnd: 7000 })]]);
    d.events.forEach((e: { actor: { kind: string } }, i: number) => expect(e.actor.kind).toBe(i === 0 ? 'citizen' : 'staff'));
  });

  it('keeps a dossier rejected at intake out of the indicators', async () => {
    const code = (await api.online(onlineBody())).json().code;
    const blank = await api.act(intake, code, 'reject', { version: 1, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    const d = await step(intake, code, 'reject', { version: 1, reason: 'Không thuộc thẩm quyền' });
    expect(d).toMatchObject({ status: 'rejected_at_intake', receivedAt: null });
    expect(kpi.calls).toHaveLength(0);
  });

  it('removes a withdrawn dossier from the indicators but keeps its receipt', async () => {
    at('2026-03-10T09:00:00+07:00');
    const { code } = (await api.counter(intake, counterBody())).json();
    const d = await step(intake, code, 'withdraw', { version: 1, reason: 'Người dân xin rút' });
    expect(d).toMatchObject({ status: 'withdrawn', receivedAt: '2026-03-10T09:00:00+07:00' });
    expect(kpi.calls.at(-1)![0]).toMatchObject({ receivedAt: new Date('2026-03-10T02:00:00Z') });
    expect(kpi.calls.at(-1)![1]).toBeNull();
  });
});

describe('optimistic concurrency', () => {
  it('lets one of two officers acting on the same version win; the other gets CONFLICT', async () => {
    const code = (await api.online(onlineBody())).json().code;
    const results = await Promise.all([api.act(intake, code, 'receive', { version: 1 }), api.act(intake2, code, 'receive', { version: 1 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json().error;
    expect(loser.code).toBe('CONFLICT');
    expect(loser.message).toMatch(/^Hồ sơ đã được người khác cập nhật/);
    expect(loser.details).toMatchObject({ reason: 'stale_version', currentVersion: 2, sentVersion: 1 });
    const d = (await api.get(intake, code)).json();
    expect(d.events.filter((e: { action: string }) => e.action === 'received')).toHaveLength(1);
  });

  it('refuses a stale version after the fact as well', async () => {
    const { code } = (await api.counter(intake, counterBody())).json();
    await step(processor, code, 'start', { version: 1 });
    const res = await api.act(processor, code, 'request-supplement', { version: 1, reason: 'Thiếu giấy tờ' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('stale_version');
  });
});
