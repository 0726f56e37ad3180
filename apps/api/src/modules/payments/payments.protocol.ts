/**
 * The redirect-and-callback protocol between motcua and the payment gateway, modelled on the
 * Vietnamese gateways (VNPay 2.1, Kho bạc/Cổng DVCQG payment platform): the merchant signs the
 * checkout parameters, the gateway signs what it sends back, both with HMAC over a shared secret.
 * The wire format is described in docs/payments.md; the gateway simulator speaks the same one.
 *
 * - Redirect and return: parameters sorted by name, empty values dropped, each `name=value` with
 *   encodeURIComponent, joined with "&"; `signature` = hex HMAC-SHA256 of that string, and
 *   `signatureType` = HMACSHA256 (neither is part of the signed string).
 * - Callback (IPN): a JSON body, `x-signature` = hex HMAC-SHA256 of the raw body bytes.
 */
import crypto from 'node:crypto';
import { VN_OFFSET_MINUTES } from '../../shared/dates.ts';

export const SIGNATURE_PARAM = 'signature';
export const SIGNATURE_TYPE_PARAM = 'signatureType';
export const SIGNATURE_TYPE = 'HMACSHA256';
export const SIGNATURE_HEADER = 'x-signature';
export const PROTOCOL_VERSION = '1.0';

/** Gateway response codes (VNPay-style vnp_ResponseCode). */
export const RESPONSE_SUCCESS = '00';
export const RESPONSE_CANCELLED = '24';

/** The string that is signed: sorted, non-empty, encoded parameters without the signature itself. */
export function canonicalQuery(params: Record<string, string | undefined>): string {
  return Object.keys(params)
    .filter((k) => k !== SIGNATURE_PARAM && k !== SIGNATURE_TYPE_PARAM && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k]!)}`)
    .join('&');
}

export function hmacHex(secret: string, data: string | Buffer): string {
  return crypto.createHmac('sha256', secret).update(data).digest('hex');
}

/** Constant-time comparison of an expected hex digest with what was sent (any case, any length). */
export function sameDigest(expectedHex: string, sent: string | undefined | null): boolean {
  if (!sent || !/^[0-9a-fA-F]+$/.test(sent) || sent.length !== expectedHex.length) return false;
  return crypto.timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(sent.toLowerCase(), 'hex'));
}

/** The parameters with `signatureType` and `signature` added. */
export function signParams(params: Record<string, string>, secret: string): Record<string, string> {
  return { ...params, [SIGNATURE_TYPE_PARAM]: SIGNATURE_TYPE, [SIGNATURE_PARAM]: hmacHex(secret, canonicalQuery(params)) };
}

/** Whether signed query parameters carry a valid signature of the one algorithm we accept. */
export function verifyParams(params: Record<string, string | undefined>, secret: string): boolean {
  if (params[SIGNATURE_TYPE_PARAM] !== SIGNATURE_TYPE) return false;
  return sameDigest(hmacHex(secret, canonicalQuery(params)), params[SIGNATURE_PARAM]);
}

/** Whether a callback's raw body matches its `x-signature` header. */
export function verifyBody(raw: Buffer | string, signature: string | undefined, secret: string): boolean {
  return sameDigest(hmacHex(secret, raw), signature);
}

/** URL with signed query parameters. */
export function signedUrl(base: string, params: Record<string, string>, secret: string): string {
  const signed = signParams(params, secret);
  return `${base}?${Object.entries(signed)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')}`;
}

/** yyyyMMddHHmmss in Việt Nam time, the gateways' date format. */
export function compactVnTime(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MINUTES * 60_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The instant of a yyyyMMddHHmmss Việt Nam time, or null when it is not one. */
export function parseCompactVnTime(s: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
  return Number.isNaN(d.getTime()) || compactVnTime(d) !== s ? null : d;
}
