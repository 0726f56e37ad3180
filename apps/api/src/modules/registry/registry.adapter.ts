/**
 * The population registry (Cơ sở dữ liệu quốc gia về dân cư) as motcua sees it: one interface, and
 * one implementation that speaks HTTP JSON to a base URL (DESIGN §5). In development and tests the
 * URL points at the simulator this process serves under /sim/registry; in production at the real
 * service (or the provincial integration gateway in front of it) — configuration only.
 * The product calls only this interface, never the simulator's tables.
 */
import type { TSchema, Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseCmnd } from '@motcua/contracts';
import type { Config } from '../../env.ts';
import { errors, type AppError } from '../../errors.ts';
import {
  REGISTRY_API_KEY_HEADER,
  RegistryCmndAnswer,
  RegistryHousehold,
  RegistryPerson,
  RegistryVerifyResponse,
  type RegistryMismatch,
  type RegistryVerifyRequest,
} from './registry.protocol.ts';

export type { RegistryHousehold, RegistryHouseholdMember, RegistryMismatch, RegistryPerson } from './registry.protocol.ts';

export type VerifyResult = { match: true } | { match: false; mismatches: RegistryMismatch[] };

export interface PopulationRegistry {
  /** The person with this CCCD, or null when the registry has no such number. */
  lookupByIdNumber(idNumber: string): Promise<RegistryPerson | null>;
  /** Whether ID + name + date of birth are one person; on no, which fields differ (names compared NFC, tone placement ignored). */
  verify(input: RegistryVerifyRequest): Promise<VerifyResult>;
  /** The household the person belongs to, head first; null when the CCCD is unknown. */
  householdMembers(idNumber: string): Promise<RegistryHousehold | null>;
  /** The CCCD that replaced an old 9-digit CMND, or null when the registry links none. */
  cmndToCccd(cmnd: string): Promise<string | null>;
}

export interface HttpRegistryOptions {
  /** e.g. http://localhost:8080/sim/registry (no trailing slash); paths /v1/… are appended. */
  baseUrl: string;
  apiKey: string;
  /** Per request; the registry answers in milliseconds or not at all. Default 5 s. */
  timeoutMs?: number;
}

const SYSTEM = ['Cơ sở dữ liệu quốc gia về dân cư', 'The population registry'] as const;

/** Registry failures the caller cannot fix: 503 with the HTTP status in details (never the body, it may hold personal data). */
function unavailable(reason: string, status?: number): AppError {
  return errors.externalUnavailable(SYSTEM[0], SYSTEM[1], { system: 'registry', reason, ...(status ? { status } : {}) });
}

/** The HTTP client of the registry protocol v1 (registry.protocol.ts). */
export function httpRegistry(opts: HttpRegistryOptions): PopulationRegistry {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 5000;

  async function call<S extends TSchema>(schema: S, path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<Static<S> | null> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          [REGISTRY_API_KEY_HEADER]: opts.apiKey,
          accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (e) {
      throw unavailable((e as Error).name === 'TimeoutError' ? 'timeout' : 'network');
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw unavailable('api_key_refused', res.status);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw unavailable('http_error', res.status);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw unavailable('invalid_json', res.status);
    }
    if (!Value.Check(schema, json)) throw unavailable('unexpected_format', res.status);
    return json as Static<S>;
  }

  // A malformed CCCD cannot be in the registry: answer "unknown" without asking.
  const cccdPath = (idNumber: string) => {
    const digits = idNumber.replace(/[\s.-]/g, '');
    return /^[0-9]{12}$/.test(digits) ? digits : null;
  };

  return {
    async lookupByIdNumber(idNumber) {
      const id = cccdPath(idNumber);
      return id ? call(RegistryPerson, `/v1/people/${id}`) : null;
    },
    async verify(input) {
      const body: RegistryVerifyRequest = {
        idNumber: input.idNumber.replace(/[\s.-]/g, ''),
        fullName: input.fullName.normalize('NFC').trim(),
        birthDate: input.birthDate,
      };
      const r = await call(RegistryVerifyResponse, '/v1/verify', { method: 'POST', body });
      if (!r) throw unavailable('unexpected_not_found', 404);
      if (r.match && r.mismatches.length === 0) return { match: true };
      if (r.match || r.mismatches.length === 0) throw unavailable('unexpected_format');
      return { match: false, mismatches: r.mismatches };
    },
    async householdMembers(idNumber) {
      const id = cccdPath(idNumber);
      return id ? call(RegistryHousehold, `/v1/people/${id}/household`) : null;
    },
    async cmndToCccd(cmnd) {
      const parsed = parseCmnd(cmnd);
      if (!parsed.ok) return null;
      const r = await call(RegistryCmndAnswer, `/v1/cmnd/${encodeURIComponent(parsed.number)}`);
      return r?.idNumber ?? null;
    },
  };
}

const fromConfig = new WeakMap<Config, PopulationRegistry>();

/** The registry this installation is configured for (MOTCUA_REGISTRY_URL, MOTCUA_REGISTRY_API_KEY). */
export function registryFromConfig(config: Config): PopulationRegistry {
  let r = fromConfig.get(config);
  if (!r) {
    r = httpRegistry({ baseUrl: config.registryUrl, apiKey: config.registryApiKey });
    fromConfig.set(config, r);
  }
  return r;
}
