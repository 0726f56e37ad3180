/** Every string that enters through HTTP is normalised to NFC before validation (macOS and Word send NFD). */
import type { FastifyInstance } from 'fastify';

export function toNfc<T>(v: T): T {
  if (typeof v === 'string') return v.normalize('NFC') as T;
  if (Array.isArray(v)) return v.map(toNfc) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k.normalize('NFC')] = toNfc(x);
    return out as T;
  }
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === null) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k.normalize('NFC')] = toNfc(x);
    return out as T;
  }
  return v;
}

export function registerNfc(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (req.body) req.body = toNfc(req.body);
    if (req.query) req.query = toNfc(req.query);
    if (req.params) req.params = toNfc(req.params);
  });
}
