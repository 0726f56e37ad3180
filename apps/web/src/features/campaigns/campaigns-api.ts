/**
 * The one request lib/api.ts does not make for the campaign pages: PUT of a file as
 * multipart/form-data (targets and baselines). Failures become the same ApiError, with the server's
 * report of rejected rows in `details`.
 */
import type { ErrorBody } from '@motcua/contracts';
import { ApiError, BAD_RESPONSE, NETWORK } from '../../lib/api.ts';

export async function putFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, { method: 'PUT', headers: { accept: 'application/json' }, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK, '');
  }
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

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
