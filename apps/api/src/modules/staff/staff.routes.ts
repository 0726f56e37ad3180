import { Type } from '@sinclair/typebox';
import { LoginRequest, LoginResponse, RoleSchema, StaffView } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { requireActor, SESSION_COOKIE } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { presentStaff } from './staff.presenter.ts';
import * as staff from './staff.service.ts';

export function staffRoutes(app: App): void {
  const { db, config } = app.deps;

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập cán bộ / staff login',
        description: 'Trả về token (Bearer) và đặt cookie httpOnly cho trình duyệt.',
        body: LoginRequest,
        response: { 200: LoginResponse, ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      const s = await staff.login(db, req.body.username, req.body.password, {
        ttlHours: config.sessionTtlHours,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        expires: s.expiresAt,
      });
      return { token: s.token, expiresAt: s.expiresAt.toISOString(), staff: presentStaff(s.staff) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất / log out', response: { 204: Type.Null({ description: 'Đã đăng xuất' }) } } },
    async (req, reply) => {
      if (req.sessionToken) await staff.logout(db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Cán bộ đang đăng nhập / current staff member',
        security: STAFF_SECURITY,
        response: { 200: StaffView, ...errorResponses(401) },
      },
    },
    async (req) => presentStaff((await staff.findStaffById(db, requireActor(req).staffId))!),
  );

  app.get(
    '/api/v1/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Cán bộ trong phạm vi đơn vị / staff in a unit subtree',
        description: 'Vai trò: admin, monitor; chỉ trong cây đơn vị của mình.',
        security: STAFF_SECURITY,
        querystring: Type.Object({ unit: Type.Optional(Type.String({ maxLength: 30 })) }),
        response: { 200: Type.Object({ items: Type.Array(StaffView) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => ({ items: (await staff.listStaff(db, req.actor, req.query.unit)).map(presentStaff) }),
  );

  app.post(
    '/api/v1/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Tạo tài khoản cán bộ / create a staff account',
        description: 'Vai trò: admin, trong phạm vi đơn vị của mình.',
        security: STAFF_SECURITY,
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-z0-9._-]{3,64}$' }),
            fullName: Type.String({ minLength: 1, maxLength: 200 }),
            unitCode: Type.String({ maxLength: 30 }),
            roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
            password: Type.String({ minLength: 10, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: StaffView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const s = await db.transaction().execute((trx) => staff.createStaff(trx, req.actor, req.body));
      return reply.status(201).send(presentStaff(s));
    },
  );
}
