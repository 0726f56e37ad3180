/**
 * The whole VNeID login over real HTTP, as a browser does it: motcua redirects to the OIDC simulator,
 * the citizen picks themself on the simulator's page, the provider redirects back with a code, motcua
 * exchanges it, validates the ID token and sets the citizen cookie; /api/v1/me then answers that
 * citizen. Plus the refusals around it (no state cookie, replay, open redirect, cancel).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningSystem, seedSimPopulation, type ListeningSystem } from '../../simulators/registry/registry.fixtures.ts';
import type { SimPersonRow } from '../../simulators/registry/registry.repo.ts';

let sys: ListeningSystem;
let people: SimPersonRow[];

beforeAll(async () => {
  sys = await listeningSystem();
  await seedSimPopulation(sys, 300);
  people = await sys.database.db.selectFrom('sim_people').selectAll().orderBy('id').execute();
});
afterAll(async () => sys?.close());

/** A minimal browser: follows nothing by itself, keeps cookies by name (one host). */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const res = await fetch(new URL(url, this.base), {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  location(res: Response): string {
    const l = res.headers.get('location');
    if (!l) throw new Error(`no redirect: ${res.status}`);
    return new URL(l, this.base).href;
  }
}

/** Runs the browser from "Đăng nhập bằng VNeID" to the callback URL the provider sends back. */
async function loginAtProvider(b: Browser, person: SimPersonRow, returnTo = '/ho-so-cua-toi') {
  const start = await b.request(`/api/v1/auth/vneid/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  const authorize = new URL(b.location(start));
  expect(authorize.href.startsWith(`${sys.baseUrl}/sim/vneid/`)).toBe(true);
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
    client_id: sys.config.vneidClientId,
    redirect_uri: `${sys.baseUrl}/api/v1/auth/vneid/callback`,
    response_type: 'code',
    scope: 'openid profile',
    code_challenge_method: 'S256',
    prompt: 'login',
  });
  expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const toPage = await b.request(authorize.href);
  expect(toPage.status).toBe(303);
  const pageUrl = b.location(toPage);
  expect(pageUrl).toMatch(new RegExp(`^${sys.baseUrl}/sim/vneid/interaction/[A-Za-z0-9_-]+$`));

  const page = await b.request(`${pageUrl}?q=${person.cccd}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Đăng nhập bằng tài khoản định danh điện tử VNeID');
  expect(html).toContain(person.full_name);
  expect(html).toContain(`Mức ${person.identity_level}`);

  const chosen = await b.request(`${pageUrl}/login`, { method: 'POST', form: { cccd: person.cccd } });
  expect(chosen.status).toBe(303);
  const resumed = await b.request(b.location(chosen));
  expect(resumed.status).toBe(303);
  const callback = new URL(b.location(resumed));
  expect(callback.origin + callback.pathname).toBe(`${sys.baseUrl}/api/v1/auth/vneid/callback`);
  return callback;
}

const withLevel = (level: 1 | 2, skip = 0) => people.filter((p) => p.identity_level === level && p.status === 'alive')[skip]!;

describe('VNeID login through the OIDC simulator', () => {
  it('logs a level-2 citizen in: callback sets the cookie, /api/v1/me answers that citizen', async () => {
    const person = withLevel(2);
    const b = new Browser(sys.baseUrl);
    const callback = await loginAtProvider(b, person);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(`${sys.baseUrl}/sim/vneid`);

    const done = await b.request(callback.href);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/ho-so-cua-toi');
    const cookie = done.headers.getSetCookie().find((c) => c.startsWith('motcua_citizen='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(b.cookies.has('motcua_vneid_state')).toBe(false);

    const me = await b.request('/api/v1/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      fullName: person.full_name,
      idNumber: `*********${person.cccd.slice(-3)}`,
      birthDate: person.date_of_birth,
      identityLevel: 2,
    });
    const audit = await sys.database.db.selectFrom('audit_log').select(['action', 'actor_kind']).where('action', '=', 'auth.citizen_login').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('carries identity level 1 from the ID token into the session', async () => {
    const person = withLevel(1);
    const b = new Browser(sys.baseUrl);
    const callback = await loginAtProvider(b, person, '/');
    expect((await b.request(callback.href)).status).toBe(302);
    const me = await b.request('/api/v1/me');
    expect(((await me.json()) as { identityLevel: number }).identityLevel).toBe(1);
  });

  it('refuses a callback without the state cookie of the browser that started the login', async () => {
    const b = new Browser(sys.baseUrl);
    const callback = await loginAtProvider(b, withLevel(2, 1));
    // Another browser (the victim of a login-CSRF link) has no state cookie.
    const other = new Browser(sys.baseUrl);
    const res = await other.request(callback.href);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: 'state' });
    expect(other.cookies.has('motcua_citizen')).toBe(false);
  });

  it('uses a callback once: replaying it is refused', async () => {
    const b = new Browser(sys.baseUrl);
    const callback = await loginAtProvider(b, withLevel(2, 2));
    const state = b.cookies.get('motcua_vneid_state')!;
    expect((await b.request(callback.href)).status).toBe(302);
    b.cookies.set('motcua_vneid_state', state);
    b.cookies.delete('motcua_citizen');
    const replay = await b.request(callback.href);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { code: string; details: unknown } }).error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'state' },
    });
  });

  it('never redirects to another site after login', async () => {
    const b = new Browser(sys.baseUrl);
    const callback = await loginAtProvider(b, withLevel(2, 3), 'https://lua-dao.example/dang-nhap');
    const done = await b.request(callback.href);
    expect(done.headers.get('location')).toBe('/');
  });

  it('sends a citizen who cancels on VNeID back home without a session', async () => {
    const b = new Browser(sys.baseUrl);
    const start = await b.request('/api/v1/auth/vneid/login');
    const pageUrl = b.location(await b.request(b.location(start)));
    const aborted = await b.request(`${pageUrl}/abort`, { method: 'POST', form: {} });
    const callback = b.location(await b.request(b.location(aborted)));
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const done = await b.request(callback);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/');
    expect(b.cookies.has('motcua_citizen')).toBe(false);
  });

  it('does not let a resident without a VNeID account log in on the simulator', async () => {
    const none = people.find((p) => p.identity_level === 0)!;
    const b = new Browser(sys.baseUrl);
    const start = await b.request('/api/v1/auth/vneid/login');
    const pageUrl = b.location(await b.request(b.location(start)));
    const res = await b.request(`${pageUrl}/login`, { method: 'POST', form: { cccd: none.cccd } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('không có tài khoản định danh điện tử VNeID');
  });

  it('publishes discovery with PKCE S256 and the signing keys', async () => {
    const d = (await (await fetch(`${sys.baseUrl}/sim/vneid/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(d.issuer).toBe(`${sys.baseUrl}/sim/vneid`);
    expect(d.code_challenge_methods_supported).toEqual(['S256']);
    expect(d.response_types_supported).toEqual(['code']);
    const jwks = (await (await fetch(String(d.jwks_uri))).json()) as { keys: { kty: string; alg: string; d?: string }[] };
    expect(jwks.keys.map((k) => [k.kty, k.alg])).toEqual([['RSA', 'RS256']]);
    expect(jwks.keys[0]!.d).toBeUndefined();
  });
});
