/** JSON over fetch. Every failure becomes an ApiError carrying the server's stable code and Vietnamese message. */
import type { ErrorBody } from '@motcua/contracts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string | undefined;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, extra: { messageEn?: string; requestId?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageEn = extra.messageEn;
    this.requestId = extra.requestId;
    this.details = extra.details;
  }
}

/** Codes the client invents itself; the interface words them from its dictionary. */
export const NETWORK = 'NETWORK';
export const BAD_RESPONSE = 'BAD_RESPONSE';

export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, NETWORK, '');
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

async function request<T>(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Fastify rejects an empty body declared as JSON, so the header goes only with a body.
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, NETWORK, '');
  }
  if (res.status === 204) return undefined as T;
  let json: unknown;
  try {
    json = await res.json();
  } catch (e) {
    if (isAbort(e)) throw e;
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

export const apiGet = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
export const apiPost = <T>(path: string, body?: unknown, signal?: AbortSignal) => request<T>('POST', path, body, signal);
