import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../env.ts';
import { canonicalQuery, compactVnTime, parseCompactVnTime, sameDigest, signedUrl, verifyBody, verifyParams } from './payments.protocol.ts';

const SECRET = 'khoa-bi-mat-dung-chung-0001';
const hmac = (s: string) => crypto.createHmac('sha256', SECRET).update(s).digest('hex');

describe('the signed-parameter protocol', () => {
  it('signs the sorted, encoded, non-empty parameters without the signature fields', () => {
    const params = { orderRef: 'ABC123', amount: '7000', orderInfo: 'Nộp lệ phí hồ sơ 30307-260302-0001', empty: '', signature: 'x', signatureType: 'y' };
    const canonical = 'amount=7000&orderInfo=N%E1%BB%99p%20l%E1%BB%87%20ph%C3%AD%20h%E1%BB%93%20s%C6%A1%2030307-260302-0001&orderRef=ABC123';
    expect(canonicalQuery(params)).toBe(canonical);
    const url = new URL(signedUrl('https://cong.example.vn/checkout', { orderRef: 'ABC123', amount: '7000' }, SECRET));
    expect(url.searchParams.get('signatureType')).toBe('HMACSHA256');
    expect(url.searchParams.get('signature')).toBe(hmac('amount=7000&orderRef=ABC123'));
    expect(verifyParams(Object.fromEntries(url.searchParams), SECRET)).toBe(true);
  });

  it('rejects a changed value, another key, another algorithm name, a missing or shortened signature', () => {
    const ok = Object.fromEntries(new URL(signedUrl('https://g/x', { orderRef: 'ABC123', amount: '7000' }, SECRET)).searchParams);
    expect(verifyParams({ ...ok, amount: '7001' }, SECRET)).toBe(false);
    expect(verifyParams(ok, `${SECRET}x`)).toBe(false);
    expect(verifyParams({ ...ok, signatureType: 'HMACSHA512' }, SECRET)).toBe(false);
    expect(verifyParams({ ...ok, signature: undefined }, SECRET)).toBe(false);
    expect(verifyParams({ ...ok, signature: ok.signature!.slice(0, 32) }, SECRET)).toBe(false);
    expect(verifyParams({ ...ok, signature: ok.signature!.toUpperCase() }, SECRET)).toBe(true);
  });

  it('verifies a body against the HMAC of its exact bytes', () => {
    const body = '{"orderRef":"ABC123","amount":7000}';
    expect(verifyBody(body, hmac(body), SECRET)).toBe(true);
    expect(verifyBody('{"amount":7000,"orderRef":"ABC123"}', hmac(body), SECRET)).toBe(false);
    expect(verifyBody(body, undefined, SECRET)).toBe(false);
    expect(sameDigest(hmac(body), 'zz')).toBe(false);
  });

  it('writes and reads the gateways’ yyyyMMddHHmmss in Việt Nam time', () => {
    expect(compactVnTime(new Date('2026-03-02T02:05:09Z'))).toBe('20260302090509');
    expect(compactVnTime(new Date('2026-12-31T17:30:00Z'))).toBe('20270101003000');
    expect(parseCompactVnTime('20260302090509')?.toISOString()).toBe('2026-03-02T02:05:09.000Z');
    expect(parseCompactVnTime('20260230090509')).toBeNull();
    expect(parseCompactVnTime('2026030209050')).toBeNull();
    expect(parseCompactVnTime(undefined)).toBeNull();
  });
});

describe('payment configuration', () => {
  it('defaults to the simulator under the public URL in development, with a 15-minute window', () => {
    const c = loadConfig({}, { NODE_ENV: 'development', MOTCUA_PUBLIC_URL: 'https://dvc.angiang.gov.vn' });
    expect(c).toMatchObject({ paymentGatewayUrl: 'https://dvc.angiang.gov.vn/sim/payment', paymentMerchant: 'MOTCUAAG', paymentExpiryMinutes: 15 });
    const real = loadConfig({}, { NODE_ENV: 'development', MOTCUA_PAYMENT_GATEWAY_URL: 'https://sandbox.cong.vn/pay/', MOTCUA_PAYMENT_EXPIRY_MINUTES: '30' });
    expect(real).toMatchObject({ paymentGatewayUrl: 'https://sandbox.cong.vn/pay', paymentExpiryMinutes: 30 });
  });

  it('requires the gateway URL and secret in production, and refuses a short secret', () => {
    // Everything else production needs, so the payment settings are what is missing.
    const others = {
      NODE_ENV: 'production',
      MOTCUA_PUBLIC_URL: 'https://dvc.angiang.gov.vn',
      MOTCUA_REGISTRY_URL: 'https://dancu.example.vn',
      MOTCUA_REGISTRY_API_KEY: 'registry-key-0001',
      MOTCUA_VNEID_ISSUER: 'https://vneid.example.vn',
      MOTCUA_VNEID_CLIENT_ID: 'motcua',
      MOTCUA_VNEID_CLIENT_SECRET: 'vneid-secret-0001',
    };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({}, env);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problems(others)).toContain('MOTCUA_PAYMENT_GATEWAY_URL: bắt buộc khi NODE_ENV=production / required in production');
    expect(problems(others)).toContain('MOTCUA_PAYMENT_SECRET: bắt buộc khi NODE_ENV=production / required in production');
    expect(problems({ ...others, MOTCUA_PAYMENT_GATEWAY_URL: 'https://pay.example.vn', MOTCUA_PAYMENT_SECRET: 'secret-from-the-gateway-0001' })).not.toContain('PAYMENT');
    expect(() => loadConfig({}, { NODE_ENV: 'development', MOTCUA_PAYMENT_SECRET: 'ngan' })).toThrow(/paymentSecret/);
  });
});
