/**
 * The VNeID simulator's secrets: the RS256 key that signs ID tokens and the keys that sign the
 * provider's cookies. Generated at first start and kept in `<dataDir>/vneid-sim/keys.json` (mode
 * 0600), so a restart keeps the keys and relying parties that cached the JWKS keep working.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SimKeys {
  /** Private signing keys (JWK, with kid, alg, use). */
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

const isKeys = (x: unknown): x is SimKeys => {
  const k = x as SimKeys;
  return Array.isArray(k?.jwks?.keys) && k.jwks.keys.length > 0 && Array.isArray(k.cookieKeys) && k.cookieKeys.length > 0;
};

async function generate(): Promise<SimKeys> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = crypto.randomBytes(8).toString('hex');
  return { jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] }, cookieKeys: [crypto.randomBytes(32).toString('base64url')] };
}

/** Loads the keys from `dir`, creating them the first time. */
export async function loadOrCreateSimKeys(dir: string): Promise<SimKeys> {
  const file = path.join(dir, 'keys.json');
  if (fs.existsSync(file)) {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!isKeys(parsed)) throw new Error(`${file}: tệp khóa của VNeID giả lập bị hỏng; xóa tệp để tạo lại`);
    return parsed;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = await generate();
  // Written aside then renamed: a crash never leaves half a key file, and if two processes race,
  // both files are whole and the last rename wins; the loser re-reads the winner's keys.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, JSON.stringify(keys), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SimKeys;
}
