/**
 * Citizen login with VNeID (DESIGN §3.4): OpenID Connect authorization code + PKCE (S256). The login
 * keeps state, nonce and PKCE verifier in the database (vneid_logins, single use, 10 minutes) and the
 * state in an HTTP-only cookie too; the callback exchanges the code, validates the ID token
 * (signature against the provider's keys, issuer, audience, expiry, nonce) and opens a citizen
 * session. Knows no HTTP beyond the URLs it is handed.
 */
import crypto from 'node:crypto';
import * as client from 'openid-client';
import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { startSession, type CitizenSession, type VerifiedIdentity } from '../citizens/citizens.service.ts';
import { vneidUnavailable, type VneidRelyingParty } from './vneid.client.ts';
import * as repo from './vneid.repo.ts';

/** What motcua asks VNeID for: the subject (CCCD), name, date of birth and identity level. */
export const VNEID_SCOPE = 'openid profile';
export const LOGIN_TTL_MINUTES = 10;
/** Signature algorithms accepted on ID tokens (never "none", never HMAC with the client secret). */
const ID_TOKEN_ALGS = ['RS256', 'PS256', 'ES256'];

export type LoginFailure =
  | 'state'
  | 'cancelled'
  | 'provider_error'
  | 'token_exchange'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'nonce'
  | 'claims'
  | 'identity_level';

const MESSAGES: Record<LoginFailure, string> = {
  state: 'Phiên đăng nhập đã hết hạn hoặc không khớp với trình duyệt này.',
  cancelled: 'Bạn đã hủy đăng nhập trên VNeID.',
  provider_error: 'VNeID từ chối yêu cầu đăng nhập.',
  token_exchange: 'Không đổi được mã đăng nhập với VNeID.',
  signature: 'Chữ ký của mã định danh (ID token) không hợp lệ.',
  issuer: 'Mã định danh (ID token) không do VNeID cấp.',
  audience: 'Mã định danh (ID token) không cấp cho hệ thống này.',
  expired: 'Mã định danh (ID token) đã hết hạn.',
  nonce: 'Mã định danh (ID token) không thuộc lần đăng nhập này.',
  claims: 'Mã định danh (ID token) thiếu thông tin công dân.',
  identity_level: 'Tài khoản VNeID chưa được kích hoạt mức 1 hoặc mức 2.',
};

/** 401 UNAUTHENTICATED with the reason in details; the message tells the citizen to try again. */
export function loginFailed(reason: LoginFailure): AppError {
  return new AppError(
    'UNAUTHENTICATED',
    `Đăng nhập VNeID không thành công: ${MESSAGES[reason]} Vui lòng đăng nhập lại.`,
    `VNeID login failed (${reason}).`,
    { reason },
  );
}

/**
 * Where to send the citizen after login: a same-origin relative path, else "/". Refuses absolute
 * URLs, scheme-relative "//host" and "/\\host" (which browsers treat as another host).
 */
export function safeReturnTo(v: string | undefined): string {
  if (!v || v.length > 500 || !v.startsWith('/') || v.startsWith('//') || v.includes('\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
  if (/[\u0000-\u001f\u007f\s]/.test(v)) return '/';
  try {
    return new URL(v, 'http://motcua.invalid').origin === 'http://motcua.invalid' ? v : '/';
  } catch {
    return '/';
  }
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  jwks: JWTVerifyGetKey;
}

/**
 * Validates an ID token and reads the identity from it: signature (provider's keys, asymmetric
 * algorithms only), iss, aud (and azp when several audiences), exp/iat, nonce, then the claims
 * motcua needs: sub = 12-digit CCCD, name, identity_level 1 or 2, birthdate when present.
 */
export async function validateIdToken(idToken: string, x: IdTokenExpectations): Promise<VerifiedIdentity> {
  let payload;
  try {
    ({ payload } = await jwtVerify(idToken, x.jwks, {
      issuer: x.issuer,
      audience: x.clientId,
      algorithms: ID_TOKEN_ALGS,
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: 30,
    }));
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw loginFailed('expired');
    if (e instanceof joseErrors.JWTClaimValidationFailed) {
      if (e.claim === 'iss') throw loginFailed('issuer');
      if (e.claim === 'aud') throw loginFailed('audience');
      throw loginFailed('claims');
    }
    throw loginFailed('signature');
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== x.clientId) throw loginFailed('audience');
  if (typeof payload.nonce !== 'string' || !timingSafeEqualText(payload.nonce, x.nonce)) throw loginFailed('nonce');
  const { sub, name, birthdate, identity_level: level } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !/^[0-9]{12}$/.test(sub) || typeof name !== 'string' || !name.trim()) throw loginFailed('claims');
  if (birthdate !== undefined && (typeof birthdate !== 'string' || !isIsoDate(birthdate))) throw loginFailed('claims');
  if (level !== 1 && level !== 2) throw loginFailed('identity_level');
  return { idNumber: sub, fullName: name.normalize('NFC').trim(), birthDate: birthdate ?? null, level };
}

function timingSafeEqualText(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/** Starts a login: stores state, nonce and PKCE verifier; returns the provider URL to redirect to. */
export async function beginLogin(db: Db, rp: VneidRelyingParty, opts: { returnTo?: string }): Promise<{ url: string; state: string }> {
  const config = await rp.configuration();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  await repo.insertLogin(db, { state, nonce, code_verifier: verifier, return_to: safeReturnTo(opts.returnTo), ttlMinutes: LOGIN_TTL_MINUTES });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: rp.redirectUri,
    scope: VNEID_SCOPE,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    // Citizens often log in on a shared computer (the one-stop desk, a community digital-technology
    // team's laptop): VNeID must authenticate the person each time, never reuse someone's session.
    prompt: 'login',
    ui_locales: 'vi',
  });
  return { url: url.href, state };
}

export interface CompleteLoginInput {
  /** The callback URL as the browser requested it (publicUrl + path + query). */
  callbackUrl: URL;
  /** The state cookie this browser holds; undefined when absent. */
  cookieState: string | undefined;
  ttlHours: number;
  userAgent?: string;
  requestId?: string;
}

/** Finishes a login at the callback: returns the new citizen session and where to go next. */
export async function completeLogin(db: Db, rp: VneidRelyingParty, input: CompleteLoginInput): Promise<{ session: CitizenSession; returnTo: string }> {
  const state = input.callbackUrl.searchParams.get('state');
  if (!state || !input.cookieState || !timingSafeEqualText(state, input.cookieState)) throw loginFailed('state');
  const login = await repo.consumeLogin(db, state);
  if (!login) throw loginFailed('state');
  const providerError = input.callbackUrl.searchParams.get('error');
  if (providerError) throw loginFailed(providerError === 'access_denied' ? 'cancelled' : 'provider_error');

  const config = await rp.configuration();
  let idToken: string | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    idToken = tokens.id_token;
  } catch (e) {
    // The network failing is the provider being down; anything else is a refused or forged answer.
    if (e instanceof TypeError || (e as Error).name === 'TimeoutError') throw vneidUnavailable('token endpoint');
    throw loginFailed('token_exchange');
  }
  if (!idToken) throw loginFailed('token_exchange');
  // openid-client has checked the token already; checking again here is the contract this module
  // owns and tests (vneid.idtoken.test.ts), whatever the library's defaults become.
  const identity = await validateIdToken(idToken, {
    issuer: config.serverMetadata().issuer,
    clientId: rp.clientId,
    nonce: login.nonce,
    jwks: await rp.jwks(),
  });
  const session = await startSession(db, identity, { ttlHours: input.ttlHours, userAgent: input.userAgent, requestId: input.requestId });
  return { session, returnTo: login.return_to };
}
