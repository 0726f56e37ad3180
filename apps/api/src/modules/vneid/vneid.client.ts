/**
 * The OpenID Connect client of VNeID (openid-client v6), configured only by MOTCUA_VNEID_ISSUER,
 * _CLIENT_ID and _CLIENT_SECRET: the simulator in development, the national e-ID in production.
 * Discovery is fetched on first use and kept; a failed discovery is retried on the next login.
 */
import * as client from 'openid-client';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../../env.ts';
import { errors } from '../../errors.ts';

export interface VneidRelyingParty {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** The discovered provider and this client, ready for openid-client calls. */
  configuration(): Promise<client.Configuration>;
  /** The provider's signing keys (its jwks_uri), fetched and cached by jose. */
  jwks(): Promise<JWTVerifyGetKey>;
}

export const vneidUnavailable = (reason: string) =>
  errors.externalUnavailable('hệ thống định danh và xác thực điện tử VNeID', 'VNeID', { system: 'vneid', reason });

export interface RelyingPartyOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Allow a plain-http issuer (the simulator, outside production). */
  allowHttp: boolean;
}

export function createRelyingParty(opts: RelyingPartyOptions): VneidRelyingParty {
  let discovered: Promise<client.Configuration> | undefined;
  let keys: JWTVerifyGetKey | undefined;
  const issuerUrl = new URL(opts.issuer);
  const http = issuerUrl.protocol !== 'https:';
  if (http && !opts.allowHttp) throw new Error(`MOTCUA_VNEID_ISSUER phải dùng https / must be https: ${opts.issuer}`);

  const configuration = () => {
    discovered ??= client
      .discovery(issuerUrl, opts.clientId, undefined, client.ClientSecretBasic(opts.clientSecret), {
        // Non-repudiation: openid-client checks the ID token's signature against the provider's JWKS.
        execute: http ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
        timeout: 10,
      })
      .catch((e: unknown) => {
        discovered = undefined;
        throw vneidUnavailable(`discovery: ${(e as Error).message}`);
      });
    return discovered;
  };

  return {
    issuer: opts.issuer,
    clientId: opts.clientId,
    redirectUri: opts.redirectUri,
    configuration,
    async jwks() {
      if (!keys) {
        const uri = (await configuration()).serverMetadata().jwks_uri;
        if (!uri) throw vneidUnavailable('no jwks_uri');
        keys = createRemoteJWKSet(new URL(uri), { timeoutDuration: 10_000 });
      }
      return keys;
    },
  };
}

const fromConfig = new WeakMap<Config, VneidRelyingParty>();

/** The relying party of this installation; its redirect URI is `<publicUrl>/api/v1/auth/vneid/callback`. */
export function relyingPartyFromConfig(config: Config): VneidRelyingParty {
  let rp = fromConfig.get(config);
  if (!rp) {
    rp = createRelyingParty({
      issuer: config.vneidIssuer,
      clientId: config.vneidClientId,
      clientSecret: config.vneidClientSecret,
      redirectUri: `${config.publicUrl}/api/v1/auth/vneid/callback`,
      allowHttp: config.nodeEnv !== 'production',
    });
    fromConfig.set(config, rp);
  }
  return rp;
}
