/**
 * Online payment through HTTP against a real database, with the gateway simulator served by the
 * same server on a real port (its callback is a real HTTP request back to the API). Business time is
 * set with `at`; signatures the tests make are computed here with node:crypto from hand-written
 * canonical strings, not with the code under test.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { APPLICANT, at, counterBody, dossierApi, LONG_XUYEN, onlineBody, type Headers } from '../dossiers/dossiers.fixtures.ts';
import { expireStalePayments } from './payments.service.ts';

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
let base: string;
let secret: string;
let owner: Awaited<ReturnType<typeof citizenSession>>;
let other: Awaited<ReturnType<typeof citizenSession>>;
let intake: Headers;
let processor: Headers;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  sys = await createTestSystem({ publicUrl: base, paymentGatewayUrl: `${base}/sim/payment` });
  await sys.app.listen({ port, host: '127.0.0.1' });
  secret = sys.config.paymentSecret;
  api = dossierApi(sys);
  owner = await citizenSession(sys, { idNumber: '089190000111', fullName: 'Lê Văn Tám' });
  other = await citizenSession(sys, { idNumber: '089190000222', fullName: 'Phạm Thị Hoa' });
  intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => sys?.close());

const hmac = (data: string) => crypto.createHmac('sha256', secret).update(data).digest('hex');
const inject = (method: 'GET' | 'POST', url: string, headers?: Headers, payload?: object) => sys.app.inject({ method, url, headers, payload });

/** A new online dossier of `who` (7,000 đ online fee for đăng ký tạm trú). */
async function onlineDossier(who = owner, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await api.online(onlineBody(overrides), who.headers);
  expect(res.statusCode).toBe(201);
  return res.json().code;
}

async function startPayment(code: string, who = owner) {
  return inject('POST', `/api/v1/me/dossiers/${code}/payments`, who.headers);
}

/** A callback body as the gateway writes it (keys in the gateway's order) and its signature. */
function callback(ref: string, o: { amount?: number; transactionNo?: string; responseCode?: string; payDate?: string } = {}) {
  const body = JSON.stringify({
    merchant: 'MOTCUAAG',
    orderRef: ref,
    amount: o.amount ?? 7000,
    transactionNo: o.transactionNo ?? String(crypto.randomInt(10 ** 11, 10 ** 12)),
    responseCode: o.responseCode ?? '00',
    bankCode: 'NCB',
    payDate: o.payDate ?? '20260302093000',
  });
  return { body, signature: hmac(body) };
}

function postCallback(body: string, signature?: string) {
  return sys.app.inject({
    method: 'POST',
    url: '/api/v1/payments/callback',
    headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-signature': signature }) },
    payload: body,
  });
}

async function dossierOf(code: string, who = owner) {
  const res = await inject('GET', `/api/v1/me/dossiers/${code}`, who.headers);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function callbacksOf(ref: string) {
  const rows = await sys.database.db.selectFrom('payment_callbacks').select(['outcome', 'signature_ok', 'answer_code']).where('reference', '=', ref).orderBy('id').execute();
  return rows.map((r) => [r.outcome, r.signature_ok, r.answer_code]);
}

/** The form fields of the simulator's checkout page (the signed parameters, posted back). */
function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[unescape(m[1]!)] = unescape(m[2]!);
  return out;
}

async function pressButton(redirectUrl: string, action: 'pay' | 'fail' | 'timeout') {
  const page = await fetch(redirectUrl);
  expect(page.status).toBe(200);
  const form = new URLSearchParams({ ...hiddenFields(await page.text()), action });
  return fetch(`${base}/sim/payment/checkout/decide`, { method: 'POST', body: form, redirect: 'manual' });
}

describe('starting a payment', () => {
  it('creates an intent with a redirect signed over the sorted parameters; asking again returns the same intent', async () => {
    at('2026-03-02T09:00:00+07:00');
    const code = await onlineDossier();
    const res = await startPayment(code);
    expect(res.statusCode).toBe(201);
    const intent = res.json();
    expect(intent).toMatchObject({
      dossierCode: code,
      amountVnd: 7000,
      status: 'pending',
      createdAt: '2026-03-02T09:00:00+07:00',
      expiresAt: '2026-03-02T09:15:00+07:00',
    });
    expect(intent.reference).toMatch(/^[A-Z0-9]{16}$/);
    const url = new URL(intent.redirectUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${base}/sim/payment/checkout`);
    const p = Object.fromEntries(url.searchParams);
    expect(p).toMatchObject({
      amount: '7000',
      command: 'pay',
      createDate: '20260302090000',
      currency: 'VND',
      expireDate: '20260302091500',
      locale: 'vn',
      merchant: 'MOTCUAAG',
      orderInfo: `Nộp lệ phí hồ sơ ${code}`,
      orderRef: intent.reference,
      returnUrl: `${base}/api/v1/payments/return`,
      signatureType: 'HMACSHA256',
      version: '1.0',
    });
    const canonical =
      `amount=7000&command=pay&createDate=20260302090000&currency=VND&expireDate=20260302091500&locale=vn&merchant=MOTCUAAG` +
      `&orderInfo=${encodeURIComponent(`Nộp lệ phí hồ sơ ${code}`)}&orderRef=${intent.reference}` +
      `&returnUrl=${encodeURIComponent(`${base}/api/v1/payments/return`)}&version=1.0`;
    expect(p.signature).toBe(hmac(canonical));

    at('2026-03-02T09:10:00+07:00');
    const again = await startPayment(code);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(intent);
  });

  it('refuses without a login (401), for someone else’s dossier (404), without a fee (400), once paid (409)', async () => {
    at('2026-03-02T09:00:00+07:00');
    const code = await onlineDossier();
    expect((await inject('POST', `/api/v1/me/dossiers/${code}/payments`)).statusCode).toBe(401);
    const theirs = await startPayment(code, other);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('NOT_FOUND');
    const free = await startPayment(await onlineDossier(owner, { feeVnd: 0 }));
    expect(free.statusCode).toBe(400);
    expect(free.json().error.message).toBe('Hồ sơ này không có lệ phí phải nộp.');
    const ref = (await startPayment(code)).json().reference;
    const cb = callback(ref);
    expect((await postCallback(cb.body, cb.signature)).statusCode).toBe(200);
    const paid = await startPayment(code);
    expect(paid.statusCode).toBe(409);
    expect(paid.json().error.details.reason).toBe('already_paid');
  });
});

describe('through the gateway simulator', () => {
  it('pays: checkout page, signed callback over HTTP, dossier paid online, return page, receipt with the amount in words', async () => {
    at('2026-03-02T10:00:00+07:00');
    const code = await onlineDossier();
    const intent = (await startPayment(code)).json();

    const page = await fetch(intent.redirectUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('7.000 đồng');
    expect(html).toContain(`Nộp lệ phí hồ sơ ${code}`);
    for (const label of ['Thanh toán</button>', 'Thất bại</button>', 'Hết thời gian</button>']) expect(html).toContain(label);

    // The gateway checks the merchant's signature: a changed amount is refused.
    const tampered = await fetch(intent.redirectUrl.replace('amount=7000', 'amount=1000'));
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('Chữ ký của đơn vị chấp nhận thanh toán không hợp lệ.');

    at('2026-03-02T10:05:00+07:00');
    const decided = await pressButton(intent.redirectUrl, 'pay');
    expect(decided.status).toBe(303);
    const back = decided.headers.get('location')!;
    expect(back.startsWith(`${base}/api/v1/payments/return?`)).toBe(true);
    const returned = await fetch(back);
    expect(returned.status).toBe(200);
    expect(await returned.text()).toContain('<h1>Thanh toán thành công</h1>');

    // The callback already reached the API before the browser was sent back.
    const d = await dossierOf(code);
    expect(d).toMatchObject({ status: 'submitted', paid: 'online', feeVnd: 7000 });
    const paidEvent = d.events.find((e: { action: string }) => e.action === 'paid');
    expect(paidEvent).toMatchObject({ actor: { kind: 'system', id: null }, fromStatus: 'submitted', toStatus: 'submitted' });
    expect(paidEvent.details).toMatchObject({ method: 'online', feeVnd: 7000, paymentRef: intent.reference });

    const sim = await sys.database.db.selectFrom('sim_payment_transactions').selectAll().where('order_ref', '=', intent.reference).execute();
    expect(sim).toHaveLength(1);
    expect(sim[0]).toMatchObject({ outcome: 'paid', amount_vnd: 7000, callback_status: 200 });
    expect(JSON.parse(sim[0]!.callback_answer!)).toEqual({ RspCode: '00', Message: 'Xác nhận thành công / Confirm success' });
    expect(paidEvent.details.gatewayTransactionNo).toBe(sim[0]!.transaction_no);
    expect(await callbacksOf(intent.reference)).toEqual([['paid', true, '00']]);

    const mine = (await inject('GET', '/api/v1/me/payments', owner.headers)).json();
    const listed = mine.items.find((p: { reference: string }) => p.reference === intent.reference);
    expect(listed).toMatchObject({ status: 'paid', statusLabel: 'Đã thanh toán', paidAt: '2026-03-02T10:05:00+07:00', procedureCode: '1.004194' });

    const receipt = await inject('GET', `/api/v1/me/payments/${intent.reference}/receipt`, owner.headers);
    expect(receipt.statusCode).toBe(200);
    const r = receipt.json();
    expect(r.series).toBe('91BL26E');
    expect(r.number).toMatch(/^\d{7}$/);
    expect(listed.receiptNumber).toBe(`91BL26E/${r.number}`);
    expect(r).toEqual({
      series: '91BL26E',
      number: r.number,
      reference: intent.reference,
      gatewayTransactionNo: sim[0]!.transaction_no,
      bankCode: 'NCB',
      amountVnd: 7000,
      amountInWords: 'Bảy nghìn đồng',
      content: `Lệ phí giải quyết thủ tục hành chính "${d.procedureName}", hồ sơ ${code}`,
      method: 'online',
      payer: { fullName: 'Lê Văn Tám' },
      dossierCode: code,
      procedureCode: '1.004194',
      procedureName: d.procedureName,
      collectingUnit: { code: LONG_XUYEN, name: 'Phường Long Xuyên' },
      paidAt: '2026-03-02T10:05:00+07:00',
    });

    // The gateway pays an order once: pressing "Thanh toán" again sends no second callback.
    const twice = await pressButton(intent.redirectUrl, 'pay');
    expect(twice.status).toBe(200);
    expect(await twice.text()).toContain('Giao dịch đã được thanh toán');
    expect(await callbacksOf(intent.reference)).toEqual([['paid', true, '00']]);
  });

  it('fails: the intent is failed, the dossier unpaid, and a new intent can be made', async () => {
    at('2026-03-02T11:00:00+07:00');
    const code = await onlineDossier();
    const intent = (await startPayment(code)).json();
    const decided = await pressButton(intent.redirectUrl, 'fail');
    expect(decided.status).toBe(303);
    const returned = await fetch(decided.headers.get('location')!);
    expect(await returned.text()).toContain('<h1>Thanh toán chưa thành công</h1>');
    expect((await inject('GET', `/api/v1/me/payments/${intent.reference}`, owner.headers)).json()).toMatchObject({ status: 'failed', paidAt: null, receiptNumber: null });
    expect((await dossierOf(code)).paid).toBe('none');
    expect(await callbacksOf(intent.reference)).toEqual([['failed', true, '00']]);
    const noReceipt = await inject('GET', `/api/v1/me/payments/${intent.reference}/receipt`, owner.headers);
    expect(noReceipt.statusCode).toBe(409);
    expect(noReceipt.json().error.details).toEqual({ reason: 'not_paid', status: 'failed' });
    const next = await startPayment(code);
    expect(next.statusCode).toBe(201);
    expect(next.json().reference).not.toBe(intent.reference);
  });

  it('times out: no callback; the intent expires after its window and the grace period, lazily and by the job', async () => {
    at('2026-03-02T13:00:00+07:00');
    const code = await onlineDossier();
    const intent = (await startPayment(code)).json();
    const decided = await pressButton(intent.redirectUrl, 'timeout');
    expect(decided.status).toBe(200);
    expect(await decided.text()).toContain('<h1>Hết thời gian</h1>');
    expect(await callbacksOf(intent.reference)).toEqual([]);

    // Within the window plus 5 minutes' grace the intent stays pending.
    at('2026-03-02T13:19:59+07:00');
    expect((await inject('GET', `/api/v1/me/payments/${intent.reference}`, owner.headers)).json().status).toBe('pending');
    at('2026-03-02T13:20:01+07:00');
    expect((await inject('GET', `/api/v1/me/payments/${intent.reference}`, owner.headers)).json().status).toBe('expired');

    // The simulator refuses an expired order whatever the button.
    const late = await pressButton(intent.redirectUrl, 'pay');
    expect(await late.text()).toContain('Giao dịch đã hết hạn');

    // A confirmation arriving after expiry is recorded, answered "already closed", and changes nothing.
    const cb = callback(intent.reference, { payDate: '20260302132001' });
    const res = await postCallback(cb.body, cb.signature);
    expect(res.statusCode).toBe(200);
    expect(res.json().RspCode).toBe('02');
    expect(await callbacksOf(intent.reference)).toEqual([['expired', true, '02']]);
    expect((await dossierOf(code)).paid).toBe('none');

    // The periodic job closes intents nobody reads.
    at('2026-03-02T14:00:00+07:00');
    const second = (await startPayment(code)).json();
    expect(second.reference).not.toBe(intent.reference);
    const statusOf = () => sys.database.db.selectFrom('payments').select(['status', 'closed_at']).where('reference', '=', second.reference).executeTakeFirstOrThrow();
    await expireStalePayments(sys.database.db, new Date('2026-03-02T14:19:00+07:00'));
    expect((await statusOf()).status).toBe('pending');
    expect(await expireStalePayments(sys.database.db, new Date('2026-03-02T14:21:00+07:00'))).toBe(1);
    const row = await statusOf();
    expect(row.status).toBe('expired');
    expect(new Date(row.closed_at!).toISOString()).toBe('2026-03-02T07:21:00.000Z');
  });
});

describe('the callback', () => {
  it('a repeated callback pays once: the second answers "already confirmed" and changes nothing', async () => {
    at('2026-03-03T09:00:00+07:00');
    const code = await onlineDossier();
    const ref = (await startPayment(code)).json().reference;
    const cb = callback(ref);
    const first = await postCallback(cb.body, cb.signature);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ RspCode: '00', Message: 'Xác nhận thành công / Confirm success' });
    const afterFirst = await dossierOf(code);
    const receipt = (await inject('GET', `/api/v1/me/payments/${ref}/receipt`, owner.headers)).json();

    const second = await postCallback(cb.body, cb.signature);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ RspCode: '02', Message: 'Giao dịch đã được xác nhận trước đó / Order already confirmed' });
    const afterSecond = await dossierOf(code);
    expect(afterSecond.version).toBe(afterFirst.version);
    expect(afterSecond.events.filter((e: { action: string }) => e.action === 'paid')).toHaveLength(1);
    expect((await inject('GET', `/api/v1/me/payments/${ref}/receipt`, owner.headers)).json()).toEqual(receipt);

    // Another transaction for the same, already paid intent: recorded, nothing paid twice.
    const other2 = callback(ref);
    expect((await postCallback(other2.body, other2.signature)).json().RspCode).toBe('02');
    expect(await callbacksOf(ref)).toEqual([
      ['paid', true, '00'],
      ['duplicate', true, '02'],
      ['already_closed', true, '02'],
    ]);
  });

  it('two identical callbacks at the same time: one pays, the other finds it paid', async () => {
    at('2026-03-03T09:30:00+07:00');
    const code = await onlineDossier();
    const ref = (await startPayment(code)).json().reference;
    const cb = callback(ref);
    const answers = await Promise.all([postCallback(cb.body, cb.signature), postCallback(cb.body, cb.signature)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.map((a) => a.json().RspCode).sort()).toEqual(['00', '02']);
    expect((await dossierOf(code)).events.filter((e: { action: string }) => e.action === 'paid')).toHaveLength(1);
    expect((await callbacksOf(ref)).map((c) => c[0]).sort()).toEqual(['duplicate', 'paid']);
  });

  it('refuses a forged callback (wrong key, no signature, body changed after signing) and records it', async () => {
    at('2026-03-03T10:00:00+07:00');
    const code = await onlineDossier();
    const ref = (await startPayment(code)).json().reference;
    const cb = callback(ref);
    const forgedSig = crypto.createHmac('sha256', 'not-the-shared-secret').update(cb.body).digest('hex');
    const attempts = [
      await postCallback(cb.body, forgedSig),
      await postCallback(cb.body),
      await postCallback(cb.body.replace('"amount":7000', '"amount":7001'), cb.signature),
      await postCallback(cb.body, cb.signature.slice(0, 40)),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ RspCode: '97', Message: 'Chữ ký không hợp lệ / Invalid signature' });
    }
    expect(await callbacksOf(ref)).toEqual(Array(4).fill(['bad_signature', false, '97']));
    expect((await inject('GET', `/api/v1/me/payments/${ref}`, owner.headers)).json().status).toBe('pending');
    expect((await dossierOf(code)).paid).toBe('none');
  });

  it('refuses a signed callback whose amount differs from the intent (400), an unknown order (404) and a malformed body (400)', async () => {
    at('2026-03-03T11:00:00+07:00');
    const code = await onlineDossier();
    const ref = (await startPayment(code)).json().reference;
    const wrong = callback(ref, { amount: 1000 });
    const res = await postCallback(wrong.body, wrong.signature);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ RspCode: '04', Message: 'Số tiền không hợp lệ / Invalid amount' });
    expect(await callbacksOf(ref)).toEqual([['amount_mismatch', true, '04']]);
    expect((await inject('GET', `/api/v1/me/payments/${ref}`, owner.headers)).json().status).toBe('pending');
    expect((await dossierOf(code)).paid).toBe('none');

    const unknown = callback('ZZZZZZZZZZZZZZZZ');
    const u = await postCallback(unknown.body, unknown.signature);
    expect(u.statusCode).toBe(404);
    expect(u.json().RspCode).toBe('01');

    const junk = '{"merchant":"MOTCUAAG","orderRef":';
    const m = await postCallback(junk, hmac(junk));
    expect(m.statusCode).toBe(400);
    expect(m.json().RspCode).toBe('99');
    const otherMerchant = JSON.stringify({ ...JSON.parse(callback(ref).body), merchant: 'KHAC' });
    expect((await postCallback(otherMerchant, hmac(otherMerchant))).json().RspCode).toBe('99');
  });

  it('a dossier awaiting payment goes back to in_progress when paid online', async () => {
    at('2026-03-04T09:00:00+07:00');
    const code = await onlineDossier();
    let v = (await dossierOf(code)).version;
    for (const [who, action] of [
      [intake, 'receive'],
      [processor, 'start'],
      [processor, 'request-payment'],
    ] as const) {
      const res = await api.act(who, code, action, { version: v });
      expect(res.statusCode).toBe(200);
      v = res.json().version;
    }
    expect((await dossierOf(code)).status).toBe('awaiting_payment');
    const ref = (await startPayment(code)).json().reference;
    const cb = callback(ref, { payDate: '20260304091000' });
    expect((await postCallback(cb.body, cb.signature)).json().RspCode).toBe('00');
    const d = await dossierOf(code);
    expect(d).toMatchObject({ status: 'in_progress', paid: 'online', version: v + 1 });
    expect(d.events.at(-1)).toMatchObject({ action: 'paid', fromStatus: 'awaiting_payment', toStatus: 'in_progress', actor: { kind: 'system' } });
  });

  it('a dossier paid at the desk while the online intent was open keeps its counter payment; the intent is paid for a refund', async () => {
    at('2026-03-04T10:00:00+07:00');
    const code = await onlineDossier();
    const ref = (await startPayment(code)).json().reference;
    const received = await api.act(intake, code, 'receive', { version: (await dossierOf(code)).version });
    const desk = await api.act(intake, code, 'payment', { version: received.json().version, method: 'counter' });
    expect(desk.statusCode).toBe(200);
    const cb = callback(ref, { payDate: '20260304100500' });
    expect((await postCallback(cb.body, cb.signature)).json().RspCode).toBe('00');
    expect((await dossierOf(code)).paid).toBe('counter');
    expect(await callbacksOf(ref)).toEqual([['paid_dossier_settled', true, '00']]);
    expect((await inject('GET', `/api/v1/me/payments/${ref}`, owner.headers)).json().status).toBe('paid');
  });
});

describe('citizen isolation', () => {
  it('another citizen sees neither the payment nor its receipt, and their list is their own', async () => {
    at('2026-03-05T09:00:00+07:00');
    const code = await onlineDossier();
    const ref = (await startPayment(code)).json().reference;
    const cb = callback(ref, { payDate: '20260305090100' });
    await postCallback(cb.body, cb.signature);
    for (const url of [`/api/v1/me/payments/${ref}`, `/api/v1/me/payments/${ref}/receipt`]) {
      const res = await inject('GET', url, other.headers);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await inject('GET', url)).statusCode).toBe(401);
    }
    const theirs = (await inject('GET', '/api/v1/me/payments', other.headers)).json();
    expect(theirs).toEqual({ items: [], total: 0 });
    const mine = (await inject('GET', '/api/v1/me/payments', owner.headers)).json();
    expect(mine.items.map((p: { reference: string }) => p.reference)).toContain(ref);
    expect(mine.total).toBe(mine.items.length);
  });
});

describe('indicators', () => {
  it('an online payment moves payment_online_rate of the handling unit', async () => {
    const monitor = await staffSession(sys, LONG_XUYEN, ['monitor']);
    const day = '2026-04-06';
    const rate = async () => {
      const res = await inject('GET', `/api/v1/kpi?from=${day}&to=${day}&unit=${LONG_XUYEN}`, monitor.headers);
      expect(res.statusCode).toBe(200);
      return res.json().rows[0].payment_online_rate;
    };
    at(`${day}T08:00:00+07:00`);
    expect(await rate()).toBeNull();
    // One fee paid at the counter: 0 of 1 paid online.
    const counter = (await api.counter(intake, counterBody())).json();
    await api.act(intake, counter.code, 'payment', { version: counter.version, method: 'counter' });
    expect(await rate()).toBe(0);
    // One online dossier received the same day and paid online: 1 of 2.
    const code = await onlineDossier();
    await api.act(intake, code, 'receive', { version: (await dossierOf(code)).version });
    const ref = (await startPayment(code)).json().reference;
    const cb = callback(ref, { payDate: '20260406081000' });
    expect((await postCallback(cb.body, cb.signature)).json().RspCode).toBe('00');
    expect(await rate()).toBe(0.5);
  });
});

// The applicant's CCCD is personal data: it never appears in what the gateway receives.
it('sends the gateway no personal data', async () => {
  at('2026-03-06T09:00:00+07:00');
  const intent = (await startPayment(await onlineDossier())).json();
  expect(intent.redirectUrl).not.toContain(APPLICANT.idNumber);
  expect(intent.redirectUrl).not.toContain(encodeURIComponent(APPLICANT.fullName));
  expect(intent.redirectUrl).not.toContain(owner.identity.idNumber);
});
