/**
 * The VNeID relying party's two browser routes: start a login (redirect to the provider) and the
 * callback (finish it, set the citizen session cookie, go back). Errors answer in the usual JSON
 * error shape; a citizen who cancels on VNeID is simply sent back where they came from.
 */
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.ts';
import { isAppError } from '../../errors.ts';
import { CITIZEN_COOKIE } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { relyingPartyFromConfig } from './vneid.client.ts';
import { beginLogin, completeLogin, LOGIN_TTL_MINUTES, safeReturnTo } from './vneid.service.ts';

/** The state of a pending login, bound to this browser. */
export const VNEID_STATE_COOKIE = 'motcua_vneid_state';
const STATE_COOKIE_PATH = '/api/v1/auth/vneid';

const Redirect = (description: string) => ({
  description,
  headers: { location: Type.String({ description: 'Địa chỉ chuyển tới' }) },
  type: 'null',
});

export function vneidRoutes(app: App): void {
  const { db, config } = app.deps;
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure };

  app.get(
    '/api/v1/auth/vneid/login',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Đăng nhập bằng VNeID / start a VNeID login',
        description:
          'Chuyển trình duyệt tới VNeID (OpenID Connect, mã ủy quyền + PKCE S256). Sau khi đăng nhập, VNeID trả về /api/v1/auth/vneid/callback rồi công dân được đưa về `returnTo` (chỉ đường dẫn tương đối cùng trang, mặc định /).',
        querystring: Type.Object({
          returnTo: Type.Optional(Type.String({ maxLength: 500, description: 'Đường dẫn trở về sau khi đăng nhập, ví dụ /ho-so-cua-toi' })),
        }),
        response: { 302: Redirect('Chuyển tới trang đăng nhập VNeID'), ...errorResponses(503) },
      },
    },
    async (req, reply) => {
      const { url, state } = await beginLogin(db, relyingPartyFromConfig(config), { returnTo: req.query.returnTo });
      reply.setCookie(VNEID_STATE_COOKIE, state, { ...cookieBase, path: STATE_COOKIE_PATH, maxAge: LOGIN_TTL_MINUTES * 60 });
      reply.header('cache-control', 'no-store');
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/v1/auth/vneid/callback',
    {
      schema: {
        tags: ['citizen'],
        summary: 'VNeID trả về sau đăng nhập / VNeID login callback',
        description:
          'Đổi mã ủy quyền lấy mã định danh (ID token), kiểm tra chữ ký, nơi cấp, đối tượng nhận, hạn và nonce, mở phiên công dân (cookie motcua_citizen) rồi chuyển về trang ban đầu.',
        querystring: Type.Object({
          code: Type.Optional(Type.String({ maxLength: 2000 })),
          state: Type.Optional(Type.String({ maxLength: 200 })),
          iss: Type.Optional(Type.String({ maxLength: 500 })),
          error: Type.Optional(Type.String({ maxLength: 200 })),
          error_description: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 302: Redirect('Đăng nhập xong, chuyển về trang ban đầu'), ...errorResponses(400, 401, 503) },
      },
    },
    async (req, reply) => {
      const cookieState = req.cookies[VNEID_STATE_COOKIE];
      reply.clearCookie(VNEID_STATE_COOKIE, { path: STATE_COOKIE_PATH });
      reply.header('cache-control', 'no-store');
      try {
        const { session, returnTo } = await completeLogin(db, relyingPartyFromConfig(config), {
          callbackUrl: new URL(`${config.publicUrl}${req.url}`),
          cookieState,
          ttlHours: config.sessionTtlHours,
          userAgent: req.headers['user-agent'],
          requestId: req.id,
        });
        reply.setCookie(CITIZEN_COOKIE, session.token, { ...cookieBase, path: '/', expires: session.expiresAt });
        return reply.redirect(safeReturnTo(returnTo), 302);
      } catch (e) {
        // Cancelling on VNeID is a choice, not an error to show.
        if (isAppError(e) && (e.details as { reason?: string } | undefined)?.reason === 'cancelled') return reply.redirect('/', 302);
        throw e;
      }
    },
  );
}
