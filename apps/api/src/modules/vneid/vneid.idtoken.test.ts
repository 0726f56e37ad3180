/**
 * The callback's ID-token check on tokens crafted with jose: a token signed by another key, for
 * another audience or with another nonce is refused, and so are the other ways a token can lie.
 * Also the return-path guard.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { isAppError } from '../../errors.ts';
import { safeReturnTo, validateIdToken, type IdTokenExpectations } from './vneid.service.ts';

const ISSUER = 'https://vneid.example/oidc';
const CLIENT = 'motcua-an-giang';
const NONCE = 'n-0S6_WzA2Mj-Z9rV3cYqT4pL8kH1xBf';

let providerKey: CryptoKey;
let otherKey: CryptoKey;
let expect_: IdTokenExpectations;

beforeAll(async () => {
  const provider = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  providerKey = provider.privateKey;
  otherKey = other.privateKey;
  const pub: JWK = { ...(await exportJWK(provider.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  expect_ = { issuer: ISSUER, clientId: CLIENT, nonce: NONCE, jwks: createLocalJWKSet({ keys: [pub] }) };
});

const CLAIMS = { sub: '089190012345', name: 'Nguyễn Thị Mai Anh', birthdate: '1990-05-12', identity_level: 2, nonce: NONCE };

async function token(over: { claims?: Partial<JWTPayload> & Record<string, unknown>; aud?: string | string[]; iss?: string; key?: CryptoKey; exp?: number; iat?: number; kid?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...CLAIMS, ...over.claims })
    .setProtectedHeader({ alg: 'RS256', kid: over.kid ?? 'k1' })
    .setIssuer(over.iss ?? ISSUER)
    .setAudience(over.aud ?? CLIENT)
    .setIssuedAt(over.iat ?? now)
    .setExpirationTime(over.exp ?? now + 600)
    .sign(over.key ?? providerKey);
}

/** The reason the check gives when it refuses `t`. */
async function refusal(t: string): Promise<string> {
  try {
    await validateIdToken(t, expect_);
  } catch (e) {
    if (isAppError(e) && e.code === 'UNAUTHENTICATED') return (e.details as { reason: string }).reason;
    throw e;
  }
  throw new Error('the token was accepted');
}

describe('ID token validation at the callback', () => {
  it('accepts a well-formed token and reads the identity from it', async () => {
    expect(await validateIdToken(await token(), expect_)).toEqual({
      idNumber: '089190012345',
      fullName: 'Nguyễn Thị Mai Anh',
      birthDate: '1990-05-12',
      level: 2,
    });
  });

  it('refuses a token with a wrong signature (signed by another key under the provider kid)', async () => {
    expect(await refusal(await token({ key: otherKey }))).toBe('signature');
  });

  it('refuses a token whose signature was tampered with after signing', async () => {
    const [h, p, s] = (await token()).split('.');
    const forged = Buffer.from(JSON.stringify({ ...CLAIMS, sub: '079090000001', iss: ISSUER, aud: CLIENT, exp: Math.floor(Date.now() / 1000) + 600, iat: Math.floor(Date.now() / 1000) })).toString('base64url');
    expect(p).not.toBe(forged);
    expect(await refusal(`${h}.${forged}.${s}`)).toBe('signature');
  });

  it('refuses a token for a wrong audience', async () => {
    expect(await refusal(await token({ aud: 'ung-dung-khac' }))).toBe('audience');
  });

  it('refuses a token with several audiences unless it was issued to motcua (azp)', async () => {
    expect(await refusal(await token({ aud: [CLIENT, 'ung-dung-khac'] }))).toBe('audience');
    const ok = await token({ aud: [CLIENT, 'ung-dung-khac'], claims: { azp: CLIENT } });
    expect((await validateIdToken(ok, expect_)).idNumber).toBe('089190012345');
  });

  it('refuses a token with a wrong nonce, or none', async () => {
    expect(await refusal(await token({ claims: { nonce: 'nonce-cua-lan-dang-nhap-khac-000000' } }))).toBe('nonce');
    expect(await refusal(await token({ claims: { nonce: undefined } }))).toBe('nonce');
  });

  it('refuses a token from another issuer', async () => {
    expect(await refusal(await token({ iss: 'https://gia-mao.example/oidc' }))).toBe('issuer');
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect(await refusal(await token({ iat: past - 600, exp: past }))).toBe('expired');
  });

  it('refuses an unsigned token (alg none) and one signed with a shared secret', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...CLAIMS, iss: ISSUER, aud: CLIENT, exp: Math.floor(Date.now() / 1000) + 600, iat: Math.floor(Date.now() / 1000) })).toString('base64url');
    expect(await refusal(`${header}.${body}.`)).toBe('signature');
    const hs = await new SignJWT({ ...CLAIMS })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(CLIENT)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('khoa-bi-mat-dung-chung-32-byte-00'));
    expect(await refusal(hs)).toBe('signature');
  });

  it('refuses a subject that is not a CCCD, and a missing name', async () => {
    expect(await refusal(await token({ claims: { sub: 'abc' } }))).toBe('claims');
    expect(await refusal(await token({ claims: { name: '  ' } }))).toBe('claims');
    expect(await refusal(await token({ claims: { birthdate: '12/05/1990' } }))).toBe('claims');
  });

  it('refuses an account without identity level 1 or 2', async () => {
    expect(await refusal(await token({ claims: { identity_level: 0 } }))).toBe('identity_level');
    expect(await refusal(await token({ claims: { identity_level: '2' } }))).toBe('identity_level');
  });

  it('normalises the name to NFC', async () => {
    const t = await token({ claims: { name: 'Trần Thị Thủy'.normalize('NFD') } });
    expect((await validateIdToken(t, expect_)).fullName).toBe('Trần Thị Thủy'.normalize('NFC'));
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/ho-so-cua-toi', '/ho-so-cua-toi'],
    ['/thu-tuc/1.001193?buoc=2#mau', '/thu-tuc/1.001193?buoc=2#mau'],
    [undefined, '/'],
    ['', '/'],
    ['https://lua-dao.example/', '/'],
    ['//lua-dao.example/x', '/'],
    ['/\\lua-dao.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/a\nSet-Cookie: x=1', '/'],
    ['ho-so', '/'],
  ])('%j → %j', (input, out) => {
    expect(safeReturnTo(input)).toBe(out);
  });
});
