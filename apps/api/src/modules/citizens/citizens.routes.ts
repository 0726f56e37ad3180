import { Type } from '@sinclair/typebox';
import type { App } from '../../app.ts';
import { CITIZEN_COOKIE, requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses } from '../../http/openapi.ts';
import * as citizens from './citizens.service.ts';

const CitizenMe = Type.Object({
  fullName: Type.String(),
  idNumber: Type.String({ description: 'Số CCCD, che bớt trừ 3 số cuối (hiển thị)' }),
  birthDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  identityLevel: Type.Union([Type.Literal(1), Type.Literal(2)]),
});

/** "Who am I" and logout for citizens; the login itself is the VNeID relying party's. */
export function citizensRoutes(app: App): void {
  const { db } = app.deps;

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Công dân đang đăng nhập / the logged-in citizen',
        security: CITIZEN_SECURITY,
        response: { 200: CitizenMe, ...errorResponses(401) },
      },
    },
    async (req) => {
      const c = requireCitizen(req);
      return { fullName: c.fullName, idNumber: `*********${c.idNumber.slice(-3)}`, birthDate: c.birthDate, identityLevel: c.level };
    },
  );

  app.post(
    '/api/v1/me/logout',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Đăng xuất công dân / citizen logout',
        security: CITIZEN_SECURITY,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      if (req.citizenToken) await citizens.endSession(db, req.citizenToken);
      reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
