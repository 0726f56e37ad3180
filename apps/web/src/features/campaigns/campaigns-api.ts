/**
 * The requests lib/api.ts does not make for the campaign pages: PUT of a file as multipart/form-data
 * (targets and baselines) and JSON PATCH/PUT/DELETE (partners, rounds, metrics). Failures become the
 * same ApiError, with the server's report (rejected rows, problems) in `details`.
 */
import type { ErrorBody } from '@motcua/contracts';
import { ApiError, BAD_RESPONSE, NETWORK } from '../../lib/api.ts';

export async function putFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return send<T>(path, { method: 'PUT', headers: { accept: 'application/json' }, body: form });
}

/**
 * PATCH, PUT and DELETE with a JSON body (lib/api.ts has GET and POST): the set-up forms. A 400 keeps
 * the server's list of problems in `details` ([{ field, message }]).
 */
export function sendJson<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK, '');
  }
  if (res.status === 204) return undefined as T;
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiError(res.status, BAD_RESPONSE, '');
  }
  if (!res.ok) {
    const err = (json as Partial<ErrorBody> | null)?.error;
    throw new ApiError(res.status, err?.code ?? BAD_RESPONSE, err?.message ?? '', {
      messageEn: err?.messageEn,
      requestId: err?.requestId,
      details: err?.details,
    });
  }
  return json as T;
}

/** The server's problems of a 400 ([{ field, message }]) as lines, or null for any other error. */
export function problemsOf(details: unknown): string[] | null {
  if (!Array.isArray(details)) return null;
  const out = details.flatMap((d: unknown) =>
    d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string'
      ? [(d as { message: string }).message]
      : [],
  );
  return out.length ? out : null;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
