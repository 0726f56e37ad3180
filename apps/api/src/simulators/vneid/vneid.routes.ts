/**
 * Mounts the VNeID simulator into the Fastify server under /sim/vneid. Every provider endpoint
 * (discovery, authorize, token, JWKS, userinfo) is handed to oidc-provider: the route hijacks the
 * reply and passes the raw request, with the prefix stripped from `url` and kept in `originalUrl`,
 * which is how oidc-provider learns its mount path. The body is left unread for it (its own parser
 * reads form posts to the token endpoint). The interaction page is ours: a Fastify route in a
 * sibling scope that parses its small form posts.
 */
import type { IncomingMessage } from 'node:http';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type Provider from 'oidc-provider';
import type { App } from '../../app.ts';
import { searchAccounts } from '../registry/registry.repo.ts';
import { errorPage, loginPage } from './vneid.page.ts';
import { accountClaims, createSimProvider, VNEID_SIM_PREFIX } from './vneid.provider.ts';

const PAGE_SIZE = 20;

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .send(body);
}

export function vneidSimulatorRoutes(app: App): void {
  const { db, config } = app.deps;
  let providerPromise: Promise<Provider> | undefined;
  // Built on first use: keys are read (or made) only when someone logs in, so `serve` starts as fast.
  const provider = () => {
    providerPromise ??= createSimProvider(db, config).catch((e: unknown) => {
      providerPromise = undefined;
      throw e;
    });
    return providerPromise;
  };

  // The protocol endpoints.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
    scope.route({
      method: ['GET', 'POST'],
      url: `${VNEID_SIM_PREFIX}/*`,
      schema: { hide: true },
      handler: async (req, reply) => {
        const p = await provider();
        reply.hijack();
        const raw = req.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = raw.url!.slice(VNEID_SIM_PREFIX.length) || '/';
        await p.callback()(raw, reply.raw);
      },
    });
  });

  // The login and consent page.
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const Uid = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$' }) });
    const expired = 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ.';

    scope.get(
      `${VNEID_SIM_PREFIX}/interaction/:uid`,
      { schema: { hide: true, params: Uid, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }) } },
      async (req, reply) => {
        const p = await provider();
        let details;
        try {
          details = await p.interactionDetails(req.raw, reply.raw);
        } catch {
          return html(reply, 400, errorPage(expired));
        }
        if (details.uid !== req.params.uid) return html(reply, 400, errorPage(expired));
        const client = await p.Client.find(String(details.params.client_id));
        const query = req.query.q ?? '';
        const accounts = await searchAccounts(db, query, PAGE_SIZE);
        return html(reply, 200, loginPage({ uid: details.uid, clientName: client?.clientName ?? String(details.params.client_id), query, accounts }));
      },
    );

    scope.post(
      `${VNEID_SIM_PREFIX}/interaction/:uid/login`,
      { schema: { hide: true, params: Uid, body: Type.Object({ cccd: Type.String({ maxLength: 20 }) }) } },
      async (req, reply) => {
        const p = await provider();
        let details;
        try {
          details = await p.interactionDetails(req.raw, reply.raw);
        } catch {
          return html(reply, 400, errorPage(expired));
        }
        const claims = await accountClaims(db, req.body.cccd.trim());
        if (!claims) {
          const client = await p.Client.find(String(details.params.client_id));
          return html(
            reply,
            422,
            loginPage({
              uid: details.uid,
              clientName: client?.clientName ?? '',
              query: '',
              accounts: await searchAccounts(db, '', PAGE_SIZE),
              notice: 'Số CCCD này không có tài khoản định danh điện tử VNeID đang hoạt động.',
            }),
          );
        }
        reply.hijack();
        await p.interactionFinished(req.raw, reply.raw, { login: { accountId: claims.sub, remember: false } }, { mergeWithLastSubmission: false });
      },
    );

    scope.post(`${VNEID_SIM_PREFIX}/interaction/:uid/abort`, { schema: { hide: true, params: Uid } }, async (req, reply) => {
      const p = await provider();
      try {
        await p.interactionDetails(req.raw, reply.raw);
      } catch {
        return html(reply, 400, errorPage(expired));
      }
      reply.hijack();
      await p.interactionFinished(
        req.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'Người dùng không đồng ý chia sẻ thông tin.' },
        { mergeWithLastSubmission: false },
      );
    });
  });
}
