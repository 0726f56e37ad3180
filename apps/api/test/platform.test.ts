import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from './system.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
});
afterAll(async () => sys?.close());

describe('platform', () => {
  it('documents every API endpoint in /api/openapi.json', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const api = sys.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.hidden && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(5);
    const missing = api.filter((r) => {
      const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      return !doc.paths[path]?.[r.method.toLowerCase()];
    });
    expect(missing).toEqual([]);
  });

  it('serves the human API docs at /api/docs', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API route with ROUTE_NOT_FOUND in the JSON error shape', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/api/v1/khong-co?x=1', headers: { 'x-request-id': 'test-request-0001' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: 'Không có địa chỉ GET /api/v1/khong-co.',
        messageEn: 'No route GET /api/v1/khong-co.',
        details: null,
        requestId: 'test-request-0001',
      },
    });
    expect(res.headers['x-request-id']).toBe('test-request-0001');
  });

  it('answers a bad parameter with VALIDATION_FAILED naming the parameter', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/api/v1/units?limit=abc' });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Tham số không hợp lệ: querystring.limit.');
    expect(err.details[0].field).toBe('querystring.limit');
  });

  it('answers malformed JSON with VALIDATION_FAILED', async () => {
    const res = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('reports health with the database kind', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
    expect(res.json().database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('normalises NFD input to NFC before it reaches a service', async () => {
    const nfd = 'Phường Long Xuyên'.normalize('NFD');
    const res = await sys.app.inject({ method: 'GET', url: `/api/v1/units?q=${encodeURIComponent(nfd)}&at=2026-01-01` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { code: string }) => u.code)).toContain('30307');
  });

  it('gives every response a generated request id when the client sends none', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the web app for client-side routes, including codes with dots, and 404s a missing asset', async () => {
    const page = await sys.app.inject({ method: 'GET', url: '/thu-tuc/1.001193' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="vi"');
    const asset = await sys.app.inject({ method: 'GET', url: '/assets/khong-co.js' });
    expect(asset.statusCode).toBe(404);
  });
});
