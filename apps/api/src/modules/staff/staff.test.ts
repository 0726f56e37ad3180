import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createStaff } from './staff.service.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
  await createStaff(
    sys.database.db,
    null,
    { username: 'lan.tiepnhan', fullName: 'Nguyễn Thị Lan', unitCode: '30307', roles: ['intake_officer'], password: 'mot-mat-khau-dai' },
    true,
  );
});
afterAll(async () => sys?.close());

const login = (username: string, password: string) =>
  sys.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('staff login and sessions', () => {
  it('logs in with username and password: bearer token, httpOnly cookie and the staff member', async () => {
    const res = await login('lan.tiepnhan', 'mot-mat-khau-dai');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.staff).toEqual({
      id: expect.any(Number),
      username: 'lan.tiepnhan',
      fullName: 'Nguyễn Thị Lan',
      unitCode: '30307',
      unitName: 'Phường Long Xuyên',
      roles: ['intake_officer'],
      active: true,
    });
    const cookie = res.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie?.value).toBe(body.token);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    const me = await sys.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { motcua_session: body.token } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('lan.tiepnhan');
  });

  it('refuses a wrong password and an unknown user with the same INVALID_CREDENTIALS answer', async () => {
    const wrong = await login('lan.tiepnhan', 'sai-mat-khau-roi');
    const unknown = await login('khong.ton.tai', 'sai-mat-khau-roi');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(res.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
  });

  it('answers /auth/me without a session with UNAUTHENTICATED', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('revokes the token on logout', async () => {
    const s = await staffSession(sys, '30307', ['processor']);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
    const out = await sys.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('stores argon2id hashes, never the password', async () => {
    const row = await sys.database.db.selectFrom('staff').select('password_hash').where('username', '=', 'lan.tiepnhan').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('mot-mat-khau-dai');
  });

  it('records logins and failed logins in the audit log', async () => {
    const rows = await sys.database.db.selectFrom('audit_log').select(['action', 'target']).where('action', 'like', 'auth.%').execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
  });
});
