/**
 * The VNeID simulator: a real OpenID Connect provider (oidc-provider) over the synthetic population,
 * so that motcua's relying party runs the same protocol it will run against the national e-ID.
 * Authorization code flow with PKCE (S256) only; the subject is the CCCD; the ID token carries
 * `name`, `birthdate` and `identity_level` (1 or 2, mức định danh). One client, registered from
 * configuration. Sessions, codes and grants live in memory (vneid.store.ts).
 */
import path from 'node:path';
import type { default as Provider, Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { Config } from '../../env.ts';
import type { Db } from '../../db/client.ts';
import { findPersonByCccd } from '../registry/registry.repo.ts';
import { loadOrCreateSimKeys } from './vneid.keys.ts';
import { memoryAdapter } from './vneid.store.ts';

export const VNEID_SIM_PREFIX = '/sim/vneid';
/** The relying party's callback, registered as the client's only redirect URI. */
export const vneidRedirectUri = (config: Pick<Config, 'publicUrl'>) => `${config.publicUrl}/api/v1/auth/vneid/callback`;
export const SIM_SCOPES = 'openid profile';

/** The provider's issuer: `<publicUrl>/sim/vneid`, which is also the relying party's default. */
export const simIssuer = (config: Pick<Config, 'publicUrl'>) => `${config.publicUrl}${VNEID_SIM_PREFIX}`;

/** Claims of a simulated resident, or undefined when they have no usable VNeID account. */
export async function accountClaims(db: Db, cccd: string) {
  if (!/^[0-9]{12}$/.test(cccd)) return undefined;
  const p = await findPersonByCccd(db, cccd);
  if (!p || p.identity_level < 1 || p.status !== 'alive') return undefined;
  return { sub: p.cccd, name: p.full_name, birthdate: p.date_of_birth, identity_level: p.identity_level };
}

export async function createSimProvider(db: Db, config: Config): Promise<Provider> {
  // Imported on first use: the library is only needed when someone logs in to the simulator (and it
  // prints a runtime warning on Node 20 at import, which `serve` and unrelated tests need not show).
  const { default: ProviderClass } = await import('oidc-provider');
  const keys = await loadOrCreateSimKeys(path.join(config.dataDir, 'vneid-sim'));
  const configuration: Configuration = {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: config.vneidClientId,
        client_secret: config.vneidClientSecret,
        client_name: 'Hệ thống thông tin giải quyết thủ tục hành chính',
        redirect_uris: [vneidRedirectUri(config)],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: keys.jwks as Configuration['jwks'],
    cookies: { keys: keys.cookieKeys },
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'birthdate', 'identity_level'] },
    // The claims go in the ID token itself: the relying party needs nothing from userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `${VNEID_SIM_PREFIX}/interaction/${interaction.uid}` },
    // Consent is given on the login page itself (the citizen sees what is shared before choosing).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope(SIM_SCOPES);
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub) {
      const claims = await accountClaims(db, sub);
      return claims ? { accountId: sub, claims: () => claims } : undefined;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi đăng nhập VNeID (giả lập)</title><body><h1>Lỗi đăng nhập</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p></body></html>`;
    },
  };
  return new ProviderClass(simIssuer(config), configuration);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
