/**
 * Which dossier events queue which notifications, in the event's own transaction, and the citizen's
 * choice of channels, through HTTP against a real database (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { intakeAtCounter } from '../dossiers/dossiers.service.ts';
import {
  APPLICANT,
  counterBody,
  dossierApi,
  LONG_XUYEN,
  MY_HOA_HUNG,
  onlineBody,
  type Headers,
} from '../dossiers/dossiers.fixtures.ts';
import { findDossierByCode } from '../dossiers/dossiers.repo.ts';
import { actorFromToken } from '../staff/staff.service.ts';
import { enqueueForEvent, savePrefs } from './notifications.service.ts';

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
let intake: Headers;
let intakeToken: string;
let processor: Headers;
let approver: Headers;
let otherUnit: Headers;

beforeAll(async () => {
  sys = await createTestSystem();
  api = dossierApi(sys);
  const i = await staffSession(sys, LONG_XUYEN, ['intake_officer']);
  intake = i.headers;
  intakeToken = i.token;
  processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
  approver = (await staffSession(sys, LONG_XUYEN, ['approver'])).headers;
  otherUnit = (await staffSession(sys, MY_HOA_HUNG, ['intake_officer'])).headers;
});
afterAll(async () => sys?.close());

const prefs = (headers: Headers | undefined, method: 'GET' | 'PUT', payload?: object) =>
  sys.app.inject({ method, url: '/api/v1/me/notifications', headers, payload });

async function outboxOf(code: string) {
  return sys.database.db
    .selectFrom('outbox as o')
    .innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
    .select(['o.channel', 'o.recipient', 'o.template', 'o.status', 'o.payload', 'o.event_id'])
    .where('d.code', '=', code)
    .orderBy('o.id')
    .execute();
}

async function act(h: Headers, code: string, action: string, body: object) {
  const res = await api.act(h, code, action, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('citizen notification preferences', () => {
  it('needs a citizen session', async () => {
    expect((await prefs(undefined, 'GET')).statusCode).toBe(401);
    expect((await prefs(intake, 'PUT', { channels: ['sms'] })).statusCode).toBe(401);
  });

  it('shows SMS to the dossier phone until the citizen chooses, then what was saved', async () => {
    const c = await citizenSession(sys);
    expect((await prefs(c.headers, 'GET')).json()).toEqual({ channels: ['sms'], email: null, phone: null, saved: false });
    const res = await prefs(c.headers, 'PUT', {
      channels: ['email', 'zalo'],
      email: ' Mai.Anh@Example.VN ',
      phone: '+84 987 654 321',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ channels: ['email', 'zalo'], email: 'mai.anh@example.vn', phone: '0987654321', saved: true });
    expect((await prefs(c.headers, 'GET')).json()).toEqual({
      channels: ['email', 'zalo'],
      email: 'mai.anh@example.vn',
      phone: '0987654321',
      saved: true,
    });
    // Audited, without the addresses themselves.
    const audit = await sys.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'citizen.notification_prefs')
      .where('actor_id', '=', String(c.citizenId))
      .execute();
    expect(audit).toEqual([
      { action: 'citizen.notification_prefs', details: { channels: ['email', 'zalo'], email: true, phone: true } },
    ]);
  });

  it('refuses email without an address, a wrong address and a number that is not a mobile', async () => {
    const c = await citizenSession(sys);
    const noEmail = await prefs(c.headers, 'PUT', { channels: ['email'] });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'email', message: 'cần địa chỉ thư điện tử để nhận thông báo qua email' }],
    });
    const bad = await prefs(c.headers, 'PUT', { channels: ['sms'], email: 'không-phải-email', phone: '0296 3852 123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['email', 'phone']);
    expect((await prefs(c.headers, 'PUT', { channels: ['fax'] })).statusCode).toBe(400);
    expect((await prefs(c.headers, 'GET')).json().saved).toBe(false);
  });

  it('refuses a channel the installation does not run', async () => {
    const c = await citizenSession(sys);
    const actor = {
      kind: 'citizen' as const,
      citizenId: c.citizenId,
      idNumber: c.identity.idNumber,
      fullName: c.identity.fullName,
      birthDate: null,
      level: 2 as const,
    };
    await expect(
      savePrefs(sys.database.db, actor, { channels: ['zalo'] }, { enabledChannels: ['email', 'sms'], now: new Date() }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'channels', message: 'kênh zalo chưa được cung cấp' }],
    });
  });
});

describe('events that notify', () => {
  it('tells a counter applicant by SMS at each step that matters, with the facts of that step', async () => {
    const created = await api.counter(intake, counterBody());
    expect(created.statusCode).toBe(201);
    const d = created.json();
    const [first] = await outboxOf(d.code);
    expect(first).toMatchObject({ channel: 'sms', recipient: '84912345678', template: 'received', status: 'pending' });
    const dossier = await findDossierByCode(sys.database.db, d.code);
    expect(first!.payload).toEqual({
      code: d.code,
      procedureCode: '1.004194',
      applicantName: APPLICANT.fullName,
      dueAt: new Date(dossier!.due_at!).toISOString(),
      apologyDueAt: null,
      reason: null,
      feeVnd: 15000,
      decision: null,
      parentCode: null,
    });

    await act(processor, d.code, 'start', { version: 1 });
    await act(processor, d.code, 'request-supplement', { version: 2, reason: 'Bổ sung hợp đồng thuê nhà' });
    await act(intake, d.code, 'provide-supplement', { version: 3 });
    await act(approver, d.code, 'approve', { version: 4 });
    await act(approver, d.code, 'issue-result', { version: 5, digitizedResult: true });
    await act(intake, d.code, 'return-result', { version: 6 });
    const rows = await outboxOf(d.code);
    // 'started' notifies nobody; every row is SMS to the phone on the form.
    expect(rows.map((r) => r.template)).toEqual([
      'received',
      'supplement_requested',
      'supplement_provided',
      'approved',
      'result_issued',
      'returned',
    ]);
    expect(new Set(rows.map((r) => `${r.channel}:${r.recipient}`))).toEqual(new Set(['sms:84912345678']));
    expect(rows[1]!.payload).toMatchObject({ reason: 'Bổ sung hợp đồng thuê nhà' });
    expect(rows[4]!.payload).toMatchObject({ decision: 'approved' });
    // Each row points at its own event.
    const events = await sys.database.db
      .selectFrom('dossier_events')
      .select(['id', 'action'])
      .where('dossier_id', '=', dossier!.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => Number(r.event_id))).toEqual(events.filter((e) => e.action !== 'started').map((e) => Number(e.id)));
  });

  it('uses the citizen’s channels and addresses for an online dossier, and SMS to the form’s phone without a choice', async () => {
    const noChoice = await citizenSession(sys);
    const a = (await api.online(onlineBody(), noChoice.headers)).json();
    expect(await outboxOf(a.code)).toMatchObject([{ channel: 'sms', recipient: '84912345678', template: 'submitted' }]);

    const chose = await citizenSession(sys);
    await prefs(chose.headers, 'PUT', { channels: ['email', 'sms', 'zalo'], email: 'chon@example.vn', phone: '0987654321' });
    const b = (await api.online(onlineBody(), chose.headers)).json();
    await act(intake, b.code, 'receive', { version: 1 });
    expect((await outboxOf(b.code)).map((r) => [r.template, r.channel, r.recipient])).toEqual([
      ['submitted', 'email', 'chon@example.vn'],
      ['submitted', 'sms', '84987654321'],
      ['submitted', 'zalo', '84987654321'],
      ['received', 'email', 'chon@example.vn'],
      ['received', 'sms', '84987654321'],
      ['received', 'zalo', '84987654321'],
    ]);

    const none = await citizenSession(sys);
    await prefs(none.headers, 'PUT', { channels: [] });
    const c = (await api.online(onlineBody(), none.headers)).json();
    expect(await outboxOf(c.code)).toEqual([]);
  });

  it('is written in the event’s transaction: a rolled-back change leaves no notification', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from outbox`.execute(sys.database.db);
    const actor = await actorFromToken(sys.database.db, intakeToken);
    const ctx = { actor, now: new Date(), officeHoursEnd: '17:00' };
    await expect(
      sys.database.db.transaction().execute(async (trx) => {
        await intakeAtCounter(trx, ctx, counterBody() as never);
        const inside = await sql<{ n: number }>`select count(*)::int as n from outbox`.execute(trx);
        expect(inside.rows[0]!.n).toBe(before.rows[0]!.n + 1);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const after = await sql<{ n: number }>`select count(*)::int as n from outbox`.execute(sys.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('queues an event once per channel however often it is enqueued, and refuses a notifying event without its dossier', async () => {
    const d = (await api.counter(intake, counterBody())).json();
    const row = (await findDossierByCode(sys.database.db, d.code))!;
    const [ev] = await sys.database.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', row.id).execute();
    const event = { id: Number(ev!.id), action: ev!.action, at: new Date(ev!.at), reason: ev!.reason, details: ev!.details };
    await enqueueForEvent(sys.database.db, { dossier: row, event });
    expect(await outboxOf(d.code)).toHaveLength(1);
    await expect(enqueueForEvent(sys.database.db, { dossier: undefined, event })).rejects.toThrow(
      'appendEvent needs the dossier row',
    );
    expect(await enqueueForEvent(sys.database.db, { dossier: undefined, event: { ...event, action: 'assigned' } })).toBe(0);
  });
});

describe('delivery status for staff', () => {
  it('lists a dossier’s notifications with masked recipients, within the reader’s scope only', async () => {
    const d = (await api.counter(intake, counterBody())).json();
    const res = await sys.app.inject({ method: 'GET', url: `/api/v1/dossiers/${d.code}/notifications`, headers: processor });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toMatchObject([
      {
        channel: 'sms',
        recipient: '091****678',
        template: 'received',
        status: 'pending',
        attempts: 0,
        sentAt: null,
        lastError: null,
      },
    ]);
    expect(res.body).not.toContain('912345678');
    expect(
      (await sys.app.inject({ method: 'GET', url: `/api/v1/dossiers/${d.code}/notifications`, headers: otherUnit })).statusCode,
    ).toBe(404);
    expect((await sys.app.inject({ method: 'GET', url: `/api/v1/dossiers/${d.code}/notifications` })).statusCode).toBe(401);
  });
});
