/** The simulator's keys survive a restart: made once, read back the same, readable only by the owner. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateSimKeys } from './vneid.keys.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-vneid-keys-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadOrCreateSimKeys', () => {
  it('creates an RS256 signing key and cookie keys at first start, and returns the same ones after', async () => {
    const keyDir = path.join(dir, 'vneid-sim');
    const first = await loadOrCreateSimKeys(keyDir);
    expect(first.jwks.keys).toHaveLength(1);
    expect(first.jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(first.jwks.keys[0]!.d).toBeTruthy();
    expect(first.cookieKeys[0]!.length).toBeGreaterThanOrEqual(43);
    expect(fs.statSync(path.join(keyDir, 'keys.json')).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateSimKeys(keyDir);
    expect(again).toEqual(first);
  });

  it('refuses a damaged key file instead of silently making new keys', async () => {
    const keyDir = path.join(dir, 'damaged');
    fs.mkdirSync(keyDir);
    fs.writeFileSync(path.join(keyDir, 'keys.json'), '{"jwks":{"keys":[]}}');
    await expect(loadOrCreateSimKeys(keyDir)).rejects.toThrow(/tệp khóa của VNeID giả lập bị hỏng/);
  });
});
