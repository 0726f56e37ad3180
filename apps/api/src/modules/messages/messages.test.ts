/**
 * Messages between officials and the applicant, through HTTP: only the owning citizen and staff of
 * the handling unit see them, only handling roles write, an official's message is a dossier event
 * that queues the citizen's notification, and reading marks the other side's messages read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { counterBody, dossierApi, LONG_XUYEN, MY_HOA_HUNG, onlineBody, type Headers } from '../dossiers/dossiers.fixtures.ts';

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
const staff = {} as Record<'intake' | 'processor' | 'monitor' | 'otherUnit', Headers>;
let owner: Awaited<ReturnType<typeof citizenSession>>;
let stranger: Headers;
let code: string;

type Inject = { method: 'GET' | 'POST'; url: string; headers?: Headers; payload?: object };
const call = (o: Inject) => sys.app.inject(o);
const staffUrl = (c: string) => `/api/v1/dossiers/${c}/messages`;
const citizenUrl = (c: string) => `/api/v1/me/dossiers/${c}/messages`;

beforeAll(async () => {
  sys = await createTestSystem();
  api = dossierApi(sys);
  staff.intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  staff.processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
  staff.monitor = (await staffSession(sys, LONG_XUYEN, ['monitor'])).headers;
  staff.otherUnit = (await staffSession(sys, MY_HOA_HUNG, ['intake_officer', 'processor'])).headers;
  owner = await citizenSession(sys, { fullName: 'Lê Thị Hồng Nhung' });
  stranger = (await citizenSession(sys, { fullName: 'Phạm Văn Khoa' })).headers;
  const res = await api.online(onlineBody(), owner.headers);
  expect(res.statusCode).toBe(201);
  code = res.json().code;
});
afterAll(async () => sys?.close());

describe('an official writes to the applicant', () => {
  it('stores the message, records a message_sent event and queues the citizen’s notification', async () => {
    const res = await call({
      method: 'POST',
      url: staffUrl(code),
      headers: staff.processor,
      payload: { body: '  Đề nghị ông/bà bổ sung bản chụp hợp đồng thuê nhà.  ' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      author: { kind: 'staff', name: 'Cán bộ Kiểm thử' },
      body: 'Đề nghị ông/bà bổ sung bản chụp hợp đồng thuê nhà.',
      readAt: null,
    });
    const view = (await api.get(staff.intake, code)).json();
    expect(view.events.at(-1)).toMatchObject({
      action: 'message_sent',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      details: { messageId: res.json().id },
    });
    // Writing does not change the dossier: no version bump for the officials working on it.
    expect(view.version).toBe(1);
    const queued = await sys.database.db
      .selectFrom('outbox')
      .select(['template', 'channel', 'recipient'])
      .where('template', '=', 'message_sent')
      .execute();
    expect(queued).toEqual([{ template: 'message_sent', channel: 'sms', recipient: '84912345678' }]);
  });

  it('shows the exchange to the owning citizen, marking the official’s messages read, and lets them answer', async () => {
    const before = await call({ method: 'GET', url: citizenUrl(code), headers: owner.headers });
    expect(before.statusCode).toBe(200);
    expect(before.json().items).toHaveLength(1);
    const again = (await call({ method: 'GET', url: citizenUrl(code), headers: owner.headers })).json();
    expect(again.items[0].readAt).not.toBeNull();

    const answer = await call({
      method: 'POST',
      url: citizenUrl(code),
      headers: owner.headers,
      payload: { body: 'Tôi sẽ gửi bổ sung trong hôm nay.' },
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      author: { kind: 'citizen', name: 'Lê Thị Hồng Nhung' },
      body: 'Tôi sẽ gửi bổ sung trong hôm nay.',
    });

    const seenByStaff = await call({ method: 'GET', url: staffUrl(code), headers: staff.monitor });
    expect(seenByStaff.statusCode).toBe(200);
    expect(seenByStaff.json().items.map((m: { author: { kind: string }; body: string }) => [m.author.kind, m.body])).toEqual([
      ['staff', 'Đề nghị ông/bà bổ sung bản chụp hợp đồng thuê nhà.'],
      ['citizen', 'Tôi sẽ gửi bổ sung trong hôm nay.'],
    ]);
    // The staff read is audited (the messages are the applicant's personal data).
    const audit = await sys.database.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', '=', 'dossier.messages.read')
      .execute();
    expect(audit).toContainEqual({ action: 'dossier.messages.read', target: `dossier:${code}` });
    const citizenMsg = (await call({ method: 'GET', url: staffUrl(code), headers: staff.intake })).json().items[1];
    expect(citizenMsg.readAt).not.toBeNull();
    // A citizen's message notifies nobody outside (the desk sees it in its queue).
    expect(await sys.database.db.selectFrom('outbox').select('id').where('template', '=', 'message_sent').execute()).toHaveLength(
      1,
    );
  });
});

describe('who may see and write', () => {
  it('hides the messages from another citizen and from another unit (404, like an unknown code)', async () => {
    for (const o of [
      { method: 'GET' as const, url: citizenUrl(code), headers: stranger },
      { method: 'POST' as const, url: citizenUrl(code), headers: stranger, payload: { body: 'xin chào' } },
      { method: 'GET' as const, url: staffUrl(code), headers: staff.otherUnit },
      { method: 'POST' as const, url: staffUrl(code), headers: staff.otherUnit, payload: { body: 'xin chào' } },
      { method: 'GET' as const, url: citizenUrl('30307-000000-9999'), headers: owner.headers },
    ]) {
      const res = await call(o);
      expect(res.statusCode, `${o.method} ${o.url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    // A staff token is not a citizen session, and the other way round.
    expect((await call({ method: 'GET', url: citizenUrl(code), headers: staff.intake })).statusCode).toBe(401);
    expect((await call({ method: 'GET', url: staffUrl(code), headers: owner.headers })).statusCode).toBe(401);
    expect((await call({ method: 'GET', url: staffUrl(code) })).statusCode).toBe(401);
    // Nothing leaked into the thread.
    const items = (await call({ method: 'GET', url: citizenUrl(code), headers: owner.headers })).json().items;
    expect(items.map((m: { body: string }) => m.body)).not.toContain('xin chào');
  });

  it('lets a monitor read but not write for the unit', async () => {
    const res = await call({ method: 'POST', url: staffUrl(code), headers: staff.monitor, payload: { body: 'Nhắc việc' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses a message on a counter dossier: its applicant has no account to read it', async () => {
    const counter = (await api.counter(staff.intake, counterBody())).json();
    const res = await call({
      method: 'POST',
      url: staffUrl(counter.code),
      headers: staff.intake,
      payload: { body: 'Mời ông/bà đến nhận kết quả.' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'no_citizen_account' });
  });

  it('refuses an empty message', async () => {
    const res = await call({ method: 'POST', url: citizenUrl(code), headers: owner.headers, payload: { body: '   ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
