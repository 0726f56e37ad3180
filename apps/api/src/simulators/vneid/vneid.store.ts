/**
 * Where the simulator keeps sessions, interactions, codes and grants: process memory, one store per
 * provider instance, entries dropped when they expire. On purpose: a simulator restart may log
 * people out of the simulator (motcua's own sessions live in its database). Stating the adapter also
 * replaces oidc-provider's default one and its "development-only adapter" warning.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** ms since epoch; Infinity when the model has no lifetime. */
  expiresAt: number;
}

const SWEEP_ABOVE = 5000;

export function memoryAdapter(): new (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  const byUid = new Map<string, string>();
  const byGrant = new Map<string, Set<string>>();

  const live = (key: string): Entry | undefined => {
    const e = entries.get(key);
    if (e && e.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  const sweep = () => {
    if (entries.size < SWEEP_ABOVE) return;
    for (const key of entries.keys()) live(key);
  };

  return class SimMemoryAdapter implements Adapter {
    constructor(readonly model: string) {}

    private key(id: string) {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      sweep();
      const key = this.key(id);
      entries.set(key, { payload, expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity });
      if (payload.uid) byUid.set(payload.uid, key);
      if (payload.grantId) {
        const set = byGrant.get(payload.grantId) ?? new Set<string>();
        set.add(key);
        byGrant.set(payload.grantId, set);
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(this.key(id))?.payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const key = byUid.get(uid);
      return key ? live(key)?.payload : undefined;
    }

    async findByUserCode(): Promise<AdapterPayload | undefined> {
      return undefined; // no device flow in the simulator
    }

    async consume(id: string): Promise<void> {
      const e = live(this.key(id));
      if (e) e.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      const key = this.key(id);
      const e = entries.get(key);
      if (e?.payload.uid) byUid.delete(e.payload.uid);
      entries.delete(key);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of byGrant.get(grantId) ?? []) entries.delete(key);
      byGrant.delete(grantId);
    }
  };
}
