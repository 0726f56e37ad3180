/**
 * The outbox worker against the real simulators (SMS and Zalo over HTTP, email over SMTP), with a
 * clock the test moves: a worker killed between claim and delivery loses nothing, a worker killed
 * after the provider accepted but before "sent" causes no second message, two workers on one queue
 * never send the same row twice, failures are retried with backoff, and email arrives with its
 * Vietnamese subject intact. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { citizenSession, staffSession } from '../../../test/system.ts';
import { counterBody, dossierApi, LONG_XUYEN, onlineBody, type Headers } from '../dossiers/dossiers.fixtures.ts';
import { notifyHarness, received, type NotifyHarness } from './notifications.fixtures.ts';
import { buildWorker } from './notifications.runtime.ts';
import { backoffMs, WORKER_DEFAULTS } from './notifications.worker.ts';

let h: NotifyHarness;
let api: ReturnType<typeof dossierApi>;
let intake: Headers;
let citizen: Headers;

const SECOND = 1000;
const later = (ms: number) => (h.clock.now = new Date(h.clock.now.getTime() + ms));

beforeAll(async () => {
  h = await notifyHarness();
  api = dossierApi(h.sys);
  intake = (await staffSession(h.sys, LONG_XUYEN, ['intake_officer'])).headers;
  citizen = (await citizenSession(h.sys, { fullName: 'Trần Văn Bình' })).headers;
  const res = await h.sys.app.inject({
    method: 'PUT',
    url: '/api/v1/me/notifications',
    headers: citizen,
    payload: { channels: ['email', 'sms', 'zalo'], email: 'tran.van.binh@example.vn', phone: '0987 654 321' },
  });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => h?.close());

/** Empties the queue and the simulators, so each test counts only its own messages. */
beforeEach(async () => {
  await sql`TRUNCATE outbox, sim_sms_messages, sim_zalo_messages, sim_mail_messages`.execute(h.db);
  h.clock.now = new Date(Date.now() + SECOND);
});

async function counterIntakes(n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await api.counter(intake, counterBody());
    expect(res.statusCode).toBe(201);
    codes.push(res.json().code);
  }
  h.clock.now = new Date(Date.now() + SECOND);
  return codes;
}

/** An online dossier of the citizen (3 channels), received by the desk: 6 notifications. */
async function onlineReceived(): Promise<string> {
  const sub = await api.online(onlineBody(), citizen);
  expect(sub.statusCode).toBe(201);
  const code = sub.json().code;
  const rec = await api.act(intake, code, 'receive', { version: 1 });
  expect(rec.statusCode).toBe(200);
  h.clock.now = new Date(Date.now() + SECOND);
  return code;
}

const outbox = () => h.db.selectFrom('outbox').selectAll().orderBy('id').execute();

/** Every outbox row reached its simulator exactly once, under its own key. */
async function expectEachDeliveredOnce(expectedRequests: number) {
  const rows = await outbox();
  const got = await received(h.db);
  expect(got.size).toBe(rows.length);
  for (const r of rows) {
    expect(r.status, `outbox ${r.id}`).toBe('sent');
    expect(got.get(`outbox-${r.id}`), `outbox ${r.id}`).toEqual({ channel: r.channel, stored: 1, requests: expectedRequests });
  }
}

describe('a worker killed between claim and delivery', () => {
  it('leaves the rows to the next worker once the lease ends: nothing is lost, nothing doubled', async () => {
    await counterIntakes(2);
    await onlineReceived();
    expect((await outbox()).map((r) => r.status)).toEqual(Array(8).fill('pending'));

    // Worker A claims everything, then "dies" before sending anything.
    const claimed = await h.worker().claim(100);
    expect(claimed).toHaveLength(8);
    expect((await outbox()).every((r) => r.status === 'sending' && r.attempts === 1)).toBe(true);

    // Within the lease another worker finds nothing to do.
    const b = h.worker();
    later(WORKER_DEFAULTS.leaseMs - SECOND);
    expect((await b.runOnce()).claimed).toBe(0);
    expect((await received(h.db)).size).toBe(0);

    // After it, the rows are claimable again and all delivered.
    later(2 * SECOND);
    const r = await b.drain();
    expect(r).toMatchObject({ claimed: 8, sent: 8, retry: 0, failed: 0 });
    expect((await outbox()).every((x) => x.attempts === 2 && x.sent_at !== null && x.provider_message_id)).toBe(true);
    await expectEachDeliveredOnce(1);
  });
});

describe('a worker killed after the provider accepted but before recording "sent"', () => {
  it('resends with the same key on every channel, and the providers drop the repeat', async () => {
    await onlineReceived();
    await counterIntakes(1);
    const a = h.worker();
    const claimed = await a.claim(100);
    expect(claimed.map((r) => r.channel).sort()).toEqual(['email', 'email', 'sms', 'sms', 'sms', 'zalo', 'zalo']);
    const firstIds = new Map<number, string>();
    for (const row of claimed) firstIds.set(row.id, await a.send(row)); // delivered … and the process dies here

    later(WORKER_DEFAULTS.leaseMs + SECOND);
    expect(await h.worker().drain()).toMatchObject({ claimed: 7, sent: 7 });
    // Each provider saw two requests for each message and kept one; the id it answered is the first one.
    await expectEachDeliveredOnce(2);
    for (const r of await outbox()) expect(r.provider_message_id, `outbox ${r.id}`).toBe(firstIds.get(r.id));
  });
});

describe('two workers on one queue', () => {
  it('never take the same row: every notification is requested exactly once', async () => {
    await counterIntakes(12);
    await onlineReceived();
    await onlineReceived();
    const total = (await outbox()).length;
    expect(total).toBe(24);
    const [a, b] = await Promise.all([h.worker({ batchSize: 3 }).drain(), h.worker({ batchSize: 3 }).drain()]);
    // Both took part (the rounds interleave while the other one sends).
    expect(a.claimed).toBeGreaterThan(0);
    expect(b.claimed).toBeGreaterThan(0);
    expect(a.sent + b.sent).toBe(total);
    expect(a.claimed + b.claimed).toBe(total);
    await expectEachDeliveredOnce(1);
  });
});

describe('retries', () => {
  it('backs off exponentially with jitter while the SMS gateway fails twice, then delivers once', async () => {
    const fail = await h.sys.app.inject({
      method: 'POST',
      url: '/sim/sms/v1/control/fail',
      headers: { 'x-api-key': h.sys.config.smsApiKey },
      payload: { count: 2 },
    });
    expect(fail.json()).toEqual({ failNext: 2 });
    await counterIntakes(1);
    const w = h.worker();
    const t0 = h.clock.now.getTime();

    expect(await w.runOnce()).toMatchObject({ claimed: 1, retry: 1 });
    let [row] = await outbox();
    // Attempt 1 failed: wait 30 s × (½ + ½·0.5) = 22.5 s.
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toBe('SMS HTTP 503: UNAVAILABLE Cổng SMS tạm thời không phục vụ được (giả lập lỗi).');
    expect(new Date(row!.next_attempt_at).getTime() - t0).toBe(22_500);
    expect(backoffMs(1, 0.5, WORKER_DEFAULTS)).toBe(22_500);

    // Not due yet: nothing is claimed.
    later(22_499);
    expect((await w.runOnce()).claimed).toBe(0);
    later(1);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retry: 1 });
    [row] = await outbox();
    // Attempt 2 failed: 60 s × 0.75 = 45 s.
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(new Date(row!.next_attempt_at).getTime() - h.clock.now.getTime()).toBe(45_000);

    later(45_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    await expectEachDeliveredOnce(1);
  });

  it('gives up after the last attempt, and at once on a permanent refusal', async () => {
    await h.sys.app.inject({
      method: 'POST',
      url: '/sim/sms/v1/control/fail',
      headers: { 'x-api-key': h.sys.config.smsApiKey },
      payload: { count: 5 },
    });
    await counterIntakes(1);
    const w = h.worker({ maxAttempts: 2 });
    expect(await w.runOnce()).toMatchObject({ retry: 1 });
    later(60 * SECOND);
    expect(await w.runOnce()).toMatchObject({ failed: 1 });
    expect(await outbox()).toMatchObject([{ status: 'failed', attempts: 2, sent_at: null }]);
    later(3600 * SECOND);
    expect((await w.runOnce()).claimed).toBe(0);
    await h.sys.app.inject({
      method: 'POST',
      url: '/sim/sms/v1/control/fail',
      headers: { 'x-api-key': h.sys.config.smsApiKey },
      payload: { count: 0 },
    });

    // A wrong API key is the gateway saying no for good (401): no retry.
    await sql`TRUNCATE outbox`.execute(h.db);
    await counterIntakes(1);
    const bad = buildWorker(
      h.db,
      { ...h.sys.config, smsUrl: `${h.base}/sim/sms`, smsApiKey: 'wrong-key-123' },
      { now: () => h.clock.now },
    );
    expect(await bad.worker.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    bad.close();
    expect(await outbox()).toMatchObject([
      { status: 'failed', attempts: 1, last_error: 'SMS HTTP 401: UNAUTHORIZED Khóa API không hợp lệ.' },
    ]);
  });
});

describe('a mailbox the server refuses', () => {
  it('fails the email for good on 550, with the address masked in the stored error', async () => {
    const c = await citizenSession(h.sys);
    const put = await h.sys.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notifications',
      headers: c.headers,
      payload: { channels: ['email'], email: 'nguyen.van.a@hopthu.invalid' },
    });
    expect(put.statusCode).toBe(200);
    expect((await api.online(onlineBody(), c.headers)).statusCode).toBe(201);
    h.clock.now = new Date(Date.now() + SECOND);
    expect(await h.worker().runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const [row] = await outbox();
    expect(row).toMatchObject({ channel: 'email', status: 'failed', attempts: 1 });
    expect(row!.last_error).toContain('SMTP 550');
    expect(row!.last_error).toContain('n***@hopthu.invalid');
    expect(row!.last_error).not.toContain('nguyen.van.a');
    expect(await received(h.db)).toEqual(new Map());
  });
});

describe('email over SMTP', () => {
  it('arrives at the SMTP simulator with its Vietnamese subject, sender name and body intact', async () => {
    const code = await onlineReceived();
    const w = h.worker();
    await w.drain();
    const mails = await h.db.selectFrom('sim_mail_messages').selectAll().orderBy('id').execute();
    expect(mails.map((m) => m.subject)).toEqual([`Hồ sơ ${code} đã được gửi trực tuyến`, `Hồ sơ ${code} đã được tiếp nhận`]);
    const m = mails[1]!;
    expect(m.rcpt_to).toEqual(['tran.van.binh@example.vn']);
    expect(m.mail_from).toBe('"UBND tỉnh An Giang" <no-reply@localhost>');
    expect(m.subject!.normalize('NFC')).toBe(m.subject);
    expect(m.text_body).toContain(`Hồ sơ ${code} (Đăng ký tạm trú) đã được tiếp nhận. Ngày hẹn trả kết quả: `);
    expect(m.text_body).toContain('Trân trọng,\nUBND tỉnh An Giang\n');
    expect(m.message_id).toMatch(/^<outbox-\d+\.motcua-91@localhost>$/);
    // The listing developers use shows the same.
    const list = await h.sys.app.inject({ method: 'GET', url: '/sim/mail?to=tran.van.binh@example.vn' });
    expect(list.json().items.map((i: { subject: string }) => i.subject)).toEqual([
      `Hồ sơ ${code} đã được tiếp nhận`,
      `Hồ sơ ${code} đã được gửi trực tuyến`,
    ]);
  });

  it('SMS and Zalo carry the rendered text and template parameters', async () => {
    const code = await onlineReceived();
    await h.worker().drain();
    const sms = await h.db.selectFrom('sim_sms_messages').selectAll().orderBy('id').execute();
    expect(sms.map((s) => [s.brandname, s.recipient])).toEqual([
      ['UBNDANGIANG', '84987654321'],
      ['UBNDANGIANG', '84987654321'],
    ]);
    expect(sms[0]!.message).toBe(
      `Hồ sơ ${code} (Đăng ký tạm trú) đã được gửi trực tuyến và đang chờ Bộ phận Một cửa tiếp nhận. Tra cứu: http://localhost:8080/tra-cuu/${code}`,
    );
    const zalo = await h.db.selectFrom('sim_zalo_messages').selectAll().orderBy('id').execute();
    expect(zalo.map((z) => [z.phone, z.template_id])).toEqual([
      ['84987654321', 'submitted'],
      ['84987654321', 'received'],
    ]);
    expect(zalo[1]!.template_data).toMatchObject({
      ma_ho_so: code,
      ten_thu_tuc: 'Đăng ký tạm trú',
      duong_dan: `http://localhost:8080/tra-cuu/${code}`,
    });
  });
});
