/**
 * The gateway simulator on its own: what it refuses, what it records when the merchant cannot be
 * reached, that it is absent when a real gateway is configured, and that the API document lists the
 * payment and feedback endpoints. Driven through inject; the callback goes to a closed port.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSession, createTestSystem, type TestSystem } from '../../../test/system.ts';
import { onlineBody } from '../../modules/dossiers/dossiers.fixtures.ts';

let sys: TestSystem;
let base: string;

beforeAll(async () => {
  // A port nobody listens on: the simulator's callback cannot be delivered.
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  base = `http://127.0.0.1:${port}`;
  sys = await createTestSystem({ publicUrl: base, paymentGatewayUrl: `${base}/sim/payment` });
});
afterAll(async () => sys?.close());

async function checkoutPath(): Promise<string> {
  const citizen = await citizenSession(sys);
  const sub = await sys.app.inject({ method: 'POST', url: '/api/v1/dossiers/online', headers: citizen.headers, payload: onlineBody() });
  const res = await sys.app.inject({ method: 'POST', url: `/api/v1/me/dossiers/${sub.json().code}/payments`, headers: citizen.headers });
  expect(res.statusCode).toBe(201);
  const url = new URL(res.json().redirectUrl);
  return `${url.pathname}${url.search}`;
}

const decide = (form: Record<string, string>) =>
  sys.app.inject({ method: 'POST', url: '/sim/payment/checkout/decide', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

describe('the payment gateway simulator', () => {
  it('refuses an unknown merchant, a bad signature, tampered form fields and an unknown button', async () => {
    const path = await checkoutPath();
    const params = Object.fromEntries(new URL(`${base}${path}`).searchParams);
    const page = await sys.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="vi">');

    const unknown = await sys.app.inject({ method: 'GET', url: path.replace('merchant=MOTCUAAG', 'merchant=KHAC') });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Đơn vị chấp nhận thanh toán không tồn tại.');
    const forged = await sys.app.inject({ method: 'GET', url: path.replace(/signature=[0-9a-f]+/, `signature=${'0'.repeat(64)}`) });
    expect(forged.statusCode).toBe(400);

    const tampered = await decide({ ...params, amount: '1', action: 'pay' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('Chữ ký của đơn vị chấp nhận thanh toán không hợp lệ.');
    const button = await decide({ ...params, action: 'refund' });
    expect(button.statusCode).toBe(400);
    expect(button.body).toContain('Thao tác không hợp lệ.');
    expect(await sys.database.db.selectFrom('sim_payment_transactions').selectAll().execute()).toEqual([]);
  });

  it('keeps the failed delivery of its callback in its books and still sends the browser back', async () => {
    const params = Object.fromEntries(new URL(`${base}${await checkoutPath()}`).searchParams);
    const res = await decide({ ...params, action: 'pay' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${base}/api/v1/payments/return\\?`));
    const rows = await sys.database.db.selectFrom('sim_payment_transactions').selectAll().where('order_ref', '=', params.orderRef!).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'paid', amount_vnd: 7000, callback_status: null });
    expect(rows[0]!.callback_answer).toMatch(/^không gọi được: /);
    // motcua heard nothing: the intent is still pending, and the return page says it is not confirmed.
    const back = new URL(String(res.headers.location));
    const page = await sys.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Đang chờ xác nhận thanh toán</h1>');
    const forged = await sys.app.inject({ method: 'GET', url: `${back.pathname}${back.search.replace('responseCode=00', 'responseCode=24')}` });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('<h1>Không xác thực được kết quả thanh toán</h1>');
  });

  it('lists the payment and feedback endpoints in the API document', async () => {
    const doc = (await sys.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const expected: [string, string][] = [
      ['/api/v1/me/dossiers/{code}/payments', 'post'],
      ['/api/v1/me/payments', 'get'],
      ['/api/v1/me/payments/{ref}', 'get'],
      ['/api/v1/me/payments/{ref}/receipt', 'get'],
      ['/api/v1/payments/callback', 'post'],
      ['/api/v1/payments/return', 'get'],
      ['/api/v1/me/dossiers/{code}/rating', 'post'],
      ['/api/v1/me/feedback', 'post'],
      ['/api/v1/me/feedback', 'get'],
      ['/api/v1/feedback', 'get'],
      ['/api/v1/feedback/{id}', 'get'],
      ['/api/v1/feedback/{id}/start', 'post'],
      ['/api/v1/feedback/{id}/answer', 'post'],
      ['/api/v1/feedback/{id}/close', 'post'],
    ];
    expect(expected.filter(([p, m]) => !doc.paths[p]?.[m])).toEqual([]);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/sim/payment'))).toEqual([]);
  });
});

describe('with a real gateway configured', () => {
  it('does not serve the simulator (it would sign with the real secret)', async () => {
    const real = await createTestSystem({ paymentGatewayUrl: 'https://pay.example.vn/gateway' });
    try {
      const res = await real.app.inject({ method: 'POST', url: '/sim/payment/checkout/decide', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'action=pay' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await real.close();
    }
  });
});
