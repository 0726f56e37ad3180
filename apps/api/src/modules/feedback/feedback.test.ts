/**
 * Ratings and phản ánh, kiến nghị through HTTP against a real database. Deadlines are hand-computed
 * on the official 2026 calendar (Tết Bính Ngọ: 14–22/02/2026 off).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { at, dossierApi, LONG_XUYEN, MY_HOA_HUNG, onlineBody, type Headers } from '../dossiers/dossiers.fixtures.ts';

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
let owner: Awaited<ReturnType<typeof citizenSession>>;
let other: Awaited<ReturnType<typeof citizenSession>>;
let intake: Headers;
let intakeElsewhere: Headers;
let processor: Headers;
let approver: Headers;
let approverId: number;

beforeAll(async () => {
  sys = await createTestSystem();
  api = dossierApi(sys);
  owner = await citizenSession(sys, { idNumber: '089190000333', fullName: 'Trần Thị Bích Ngọc' });
  other = await citizenSession(sys, { idNumber: '089190000444', fullName: 'Võ Minh Luân' });
  intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  intakeElsewhere = (await staffSession(sys, MY_HOA_HUNG, ['intake_officer'])).headers;
  processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
  const a = await staffSession(sys, LONG_XUYEN, ['approver']);
  approver = a.headers;
  approverId = Number((await sys.database.db.selectFrom('staff').select('id').where('username', '=', a.username).executeTakeFirstOrThrow()).id);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => sys?.close());

const inject = (method: 'GET' | 'POST', url: string, headers?: Headers, payload?: object) => sys.app.inject({ method, url, headers, payload });

async function mine(code: string, who = owner) {
  const res = await inject('GET', `/api/v1/me/dossiers/${code}`, who.headers);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** An online dossier of `who`, received, started and approved by the unit now (on time). */
async function decidedDossier(who = owner): Promise<{ code: string; version: number }> {
  const sub = await api.online(onlineBody(), who.headers);
  expect(sub.statusCode).toBe(201);
  const code = sub.json().code;
  let version = (await mine(code, who)).version;
  for (const [h, action] of [
    [intake, 'receive'],
    [processor, 'start'],
    [approver, 'approve'],
  ] as const) {
    const res = await api.act(h, code, action, { version });
    expect(res.statusCode).toBe(200);
    version = res.json().version;
  }
  return { code, version };
}

const rate = (code: string, body: object, who = owner) => inject('POST', `/api/v1/me/dossiers/${code}/rating`, who?.headers, body);
const send = (body: object, who = owner) => inject('POST', '/api/v1/me/feedback', who.headers, body);

describe('the citizen rates their decided dossier', () => {
  it('records the rating as the citizen’s event; once only', async () => {
    at('2026-03-09T09:00:00+07:00');
    const { code, version } = await decidedDossier();
    const res = await rate(code, { version, rating: 'satisfied' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ rating: 'satisfied', version: version + 1, status: 'approved' });
    expect(d.events.at(-1)).toMatchObject({
      action: 'rated',
      actor: { kind: 'citizen', id: String(owner.citizenId) },
      fromStatus: 'approved',
      toStatus: 'approved',
      reason: null,
      details: { rating: 'satisfied', by: 'citizen' },
    });
    const again = await rate(code, { version: version + 1, rating: 'neutral' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'already_rated', code, rating: 'satisfied' });
  });

  it('needs a reason when unsatisfied, a decision first, the current version, and the citizen’s own dossier', async () => {
    at('2026-03-09T10:00:00+07:00');
    const { code, version } = await decidedDossier();
    const noReason = await rate(code, { version, rating: 'unsatisfied' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Vui lòng cho biết lý do không hài lòng.');
    const blank = await rate(code, { version, rating: 'unsatisfied', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    const stale = await rate(code, { version: version - 1, rating: 'satisfied' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('stale_version');
    const theirs = await rate(code, { version, rating: 'satisfied' }, other);
    expect(theirs.statusCode).toBe(404);
    expect((await inject('POST', `/api/v1/me/dossiers/${code}/rating`, undefined, { version, rating: 'satisfied' })).statusCode).toBe(401);
    const ok = await rate(code, { version, rating: 'unsatisfied', reason: 'Chờ lâu'.normalize('NFD') });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().events.at(-1).reason).toBe('Chờ lâu');

    const sub = await api.online(onlineBody(), owner.headers);
    const pending = sub.json().code;
    const early = await rate(pending, { version: (await mine(pending)).version, rating: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('invalid_status');
  });
});

describe('phản ánh, kiến nghị from the citizen', () => {
  it('about their dossier: the handling unit answers within 10 working days (across Tết), and the dossier is marked', async () => {
    at('2026-02-13T10:00:00+07:00');
    const sub = await api.online(onlineBody(), owner.headers);
    const code = sub.json().code;
    const res = await send({ kind: 'phan_anh', content: 'Hồ sơ chưa được tiếp nhận', dossierCode: code });
    expect(res.statusCode).toBe(201);
    const f = res.json();
    // Working days after Fri 13/02: 23, 24, 25, 26, 27/02, 2, 3, 4, 5, 6/03 (Tết 14–22/02 off).
    expect(f).toEqual({
      id: f.id,
      kind: 'phan_anh',
      kindLabel: 'Phản ánh',
      status: 'received',
      statusLabel: 'Đã tiếp nhận',
      dossierCode: code,
      unit: { code: LONG_XUYEN, name: 'Phường Long Xuyên' },
      content: 'Hồ sơ chưa được tiếp nhận',
      receivedAt: '2026-02-13T10:00:00+07:00',
      dueAt: '2026-03-06T17:00:00+07:00',
      answeredAt: null,
      answer: null,
      late: false,
    });
    const d = await mine(code);
    expect(d.complaint).toBe(true);
    expect(d.events.at(-1)).toMatchObject({ action: 'complaint', actor: { kind: 'citizen', id: String(owner.citizenId) }, details: { kind: 'phan_anh', by: 'citizen' } });
  });

  it('to a unit, received after office hours: counts from the next working day', async () => {
    at('2026-03-02T18:00:00+07:00');
    const res = await send({ kind: 'kien_nghi', content: 'Đề nghị mở thêm quầy tiếp nhận buổi sáng thứ Bảy', unitCode: MY_HOA_HUNG });
    expect(res.statusCode).toBe(201);
    // Counts from Tue 03/03: 4, 5, 6, 9, 10, 11, 12, 13, 16, 17/03.
    expect(res.json()).toMatchObject({ kind: 'kien_nghi', dossierCode: null, unit: { code: MY_HOA_HUNG }, dueAt: '2026-03-17T17:00:00+07:00' });
  });

  it('refuses someone else’s dossier (404, nothing written), no dossier and no unit (400), blank content (400)', async () => {
    at('2026-03-10T09:00:00+07:00');
    const { code } = await decidedDossier(owner);
    const before = await mine(code);
    const theirs = await send({ kind: 'phan_anh', content: 'Không đúng hẹn', dossierCode: code }, other);
    expect(theirs.statusCode).toBe(404);
    expect(await mine(code)).toEqual(before);
    expect((await inject('GET', '/api/v1/me/feedback', other.headers)).json()).toEqual({ items: [], total: 0 });
    const nowhere = await send({ kind: 'kien_nghi', content: 'Góp ý chung' });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.details).toEqual([{ field: 'unitCode', message: 'bắt buộc khi không có mã hồ sơ' }]);
    expect((await send({ kind: 'kien_nghi', content: '   ', unitCode: LONG_XUYEN })).statusCode).toBe(400);
    expect((await inject('POST', '/api/v1/me/feedback', undefined, { kind: 'kien_nghi', content: 'x', unitCode: LONG_XUYEN })).statusCode).toBe(401);
  });

  it('each citizen lists only their own', async () => {
    at('2026-03-11T09:00:00+07:00');
    const theirs = await send({ kind: 'kien_nghi', content: 'Góp ý của người khác', unitCode: LONG_XUYEN }, other);
    expect(theirs.statusCode).toBe(201);
    const own = (await inject('GET', '/api/v1/me/feedback', owner.headers)).json();
    expect(own.items.map((f: { id: number }) => f.id)).not.toContain(theirs.json().id);
    expect(own.total).toBe(own.items.length);
    const list = (await inject('GET', '/api/v1/me/feedback', other.headers)).json();
    expect(list.items.map((f: { id: number }) => f.id)).toEqual([theirs.json().id]);
  });
});

describe('the unit answers', () => {
  it('lists in scope with masked names (audited), answers, closes; other units and roles are refused', async () => {
    at('2026-04-01T09:00:00+07:00');
    const f = (await send({ kind: 'phan_anh', content: 'Cán bộ hướng dẫn chưa rõ', unitCode: LONG_XUYEN })).json();
    // Wed 01/04: 2, 3, 6, 7, 8, 9, 10, 13, 14, 15/04.
    expect(f.dueAt).toBe('2026-04-15T17:00:00+07:00');

    const list = await inject('GET', `/api/v1/feedback?status=received`, intake);
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((x: { id: number }) => x.id === f.id);
    expect(item).toMatchObject({ citizenName: 'T. T. B. N.', answeredBy: null, status: 'received' });
    const audit = await sys.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'feedback.list').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect((audit.details as { ids: number[] }).ids).toContain(f.id);

    const elsewhere = (await inject('GET', '/api/v1/feedback', intakeElsewhere)).json();
    expect(elsewhere.items.map((x: { id: number }) => x.id)).not.toContain(f.id);
    expect((await inject('GET', `/api/v1/feedback/${f.id}`, intakeElsewhere)).statusCode).toBe(404);
    expect((await inject('POST', `/api/v1/feedback/${f.id}/answer`, intakeElsewhere, { answer: 'x' })).statusCode).toBe(404);
    const wrongRole = await inject('GET', '/api/v1/feedback', processor);
    expect(wrongRole.statusCode).toBe(403);
    expect((await inject('POST', `/api/v1/feedback/${f.id}/answer`, processor, { answer: 'x' })).statusCode).toBe(404);
    expect((await inject('GET', '/api/v1/feedback')).statusCode).toBe(401);
    expect((await inject('GET', `/api/v1/feedback?unit=${MY_HOA_HUNG}`, intake)).statusCode).toBe(403);

    const one = await inject('GET', `/api/v1/feedback/${f.id}`, intake);
    expect(one.json()).toMatchObject({ id: f.id, citizenName: 'Trần Thị Bích Ngọc', content: 'Cán bộ hướng dẫn chưa rõ' });
    const read = await sys.database.db.selectFrom('audit_log').select(['target']).where('action', '=', 'feedback.read').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(read.target).toBe(`feedback:${f.id}`);

    expect((await inject('POST', `/api/v1/feedback/${f.id}/start`, intake)).json().status).toBe('in_progress');
    at('2026-04-03T15:00:00+07:00');
    const answered = await inject('POST', `/api/v1/feedback/${f.id}/answer`, approver, { answer: 'Đơn vị đã nhắc nhở cán bộ và bổ sung bảng hướng dẫn.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'answered',
      answeredAt: '2026-04-03T15:00:00+07:00',
      answer: 'Đơn vị đã nhắc nhở cán bộ và bổ sung bảng hướng dẫn.',
      answeredBy: { id: approverId, name: 'Cán bộ Kiểm thử' },
      late: false,
    });
    const twice = await inject('POST', `/api/v1/feedback/${f.id}/answer`, intake, { answer: 'Lần hai' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toMatchObject({ reason: 'invalid_status', status: 'answered' });
    expect((await inject('POST', `/api/v1/feedback/${f.id}/close`, intake)).json().status).toBe('closed');

    const seen = (await inject('GET', '/api/v1/me/feedback', owner.headers)).json().items.find((x: { id: number }) => x.id === f.id);
    expect(seen).toMatchObject({ status: 'closed', statusLabel: 'Đã kết thúc', answer: 'Đơn vị đã nhắc nhở cán bộ và bổ sung bảng hướng dẫn.' });
  });

  it('shows what is overdue: unanswered past the due date', async () => {
    at('2026-04-20T09:00:00+07:00');
    const f = (await send({ kind: 'kien_nghi', content: 'Đề nghị niêm yết lệ phí', unitCode: LONG_XUYEN })).json();
    // Mon 20/04: 21, 22, 23, 24, 28, 29/04, 4, 5, 6, 7/05 (off: Hùng Kings 25–27/04, 30/04–03/05).
    expect(f.dueAt).toBe('2026-05-07T17:00:00+07:00');
    const due = new Date(f.dueAt);
    const overdue = async () => (await inject('GET', '/api/v1/feedback?overdue=true', intake)).json().items.map((x: { id: number }) => x.id);
    expect(await overdue()).not.toContain(f.id);
    at(new Date(due.getTime() + 1000).toISOString());
    expect(await overdue()).toContain(f.id);
    const seen = (await inject('GET', '/api/v1/me/feedback', owner.headers)).json().items.find((x: { id: number }) => x.id === f.id);
    expect(seen.late).toBe(true);
  });
});

describe('indicators', () => {
  it('a complaint and an unsatisfied rating take decided dossiers out of satisfaction_rate', async () => {
    const monitor = await staffSession(sys, LONG_XUYEN, ['monitor']);
    const day = '2026-05-04';
    const satisfaction = async () => {
      const res = await inject('GET', `/api/v1/kpi?from=${day}&to=${day}&unit=${LONG_XUYEN}`, monitor.headers);
      expect(res.statusCode).toBe(200);
      return res.json().rows[0].satisfaction_rate;
    };
    at(`${day}T09:00:00+07:00`);
    const a = await decidedDossier();
    const b = await decidedDossier();
    expect(await satisfaction()).toBe(1);
    expect((await send({ kind: 'phan_anh', content: 'Thái độ phục vụ chưa tốt', dossierCode: a.code })).statusCode).toBe(201);
    expect(await satisfaction()).toBe(0.5);
    expect((await rate(b.code, { version: b.version, rating: 'unsatisfied', reason: 'Phải đi lại nhiều lần' })).statusCode).toBe(200);
    expect(await satisfaction()).toBe(0);
  });
});
