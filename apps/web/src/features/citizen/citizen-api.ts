/**
 * The requests lib/api.ts does not make: PUT with JSON (notification choices), a file upload as
 * multipart/form-data (my documents) and a raw file body (checking a result). Failures become the
 * same ApiError.
 */
import type { ErrorBody } from '@motcua/contracts';
import { ApiError, BAD_RESPONSE, isAbort, NETWORK } from '../../lib/api.ts';

async function send<T>(method: 'PUT' | 'POST', path: string, body: BodyInit, headers: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, headers: { accept: 'application/json', ...headers }, body, credentials: 'same-origin' });
  } catch (e) {
    if (isAbort(e)) throw e;
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

export const apiPut = <T>(path: string, body: unknown) =>
  send<T>('PUT', path, JSON.stringify(body), { 'content-type': 'application/json' });

/** A file sent as the whole request body with its own type (the public result check takes a raw PDF). */
export const postRaw = <T>(path: string, file: Blob, type: string) => send<T>('POST', path, file, { 'content-type': type });

/**
 * One file (field "file") and optional text fields as multipart/form-data. The browser sets the
 * content type with its boundary, so none is given here.
 */
export function postFile<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  // Text fields first: the API reads the parts in order and the file may be large.
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return send<T>('POST', path, form, {});
}
