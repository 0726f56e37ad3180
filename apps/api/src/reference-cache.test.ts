/** The reference cache: entries live `ttlMs`, `invalidate` drops them, failures are not kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../test/system.ts';
import { ReferenceCache } from './reference-cache.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
});
afterAll(async () => sys?.close());

describe('ReferenceCache', () => {
  it('serves a procedure from memory until the TTL passes or it is invalidated', async () => {
    let clock = 0;
    const cache = new ReferenceCache(1_000, () => clock);
    const db = sys.database.db;
    const first = await cache.procedure(db, '1.001193');
    await db.updateTable('procedures').set({ name: 'Đăng ký khai sinh (đổi tên để kiểm thử)' }).where('code', '=', '1.001193').execute();
    clock = 999;
    expect(await cache.procedure(db, '1.001193')).toBe(first);
    clock = 1_000;
    const second = await cache.procedure(db, '1.001193');
    expect(second.name).toBe('Đăng ký khai sinh (đổi tên để kiểm thử)');
    await db.updateTable('procedures').set({ name: first.name }).where('code', '=', '1.001193').execute();
    expect(await cache.procedure(db, '1.001193')).toBe(second);
    cache.invalidate();
    expect((await cache.procedure(db, '1.001193')).name).toBe(first.name);
  });

  it('does not remember a failed look-up', async () => {
    const cache = new ReferenceCache();
    await expect(cache.procedure(sys.database.db, '9.999999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(cache.size).toBe(0);
    expect(await cache.unitByCode(sys.database.db, '30307', '2026-03-01')).toMatchObject({ name: 'Phường Long Xuyên' });
    expect(cache.size).toBe(1);
  });
});
