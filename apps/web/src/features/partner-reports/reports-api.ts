/**
 * The partner-report pages' requests that lib/api.ts does not make: a multipart POST of the report
 * file. Failures become the same ApiError, with the server's list of problems in `details`.
 */
import type { ErrorBody } from '@motcua/contracts';
import { ApiError, BAD_RESPONSE, NETWORK } from '../../lib/api.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey, Params } from '../../i18n/messages.ts';
import type { ReportsKey } from '../../i18n/messages-reports.ts';
// Importing the pages' strings adds them to the dictionary.
import '../../i18n/messages-reports.ts';

export async function postForm<T>(path: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { accept: 'application/json' }, body: form, credentials: 'same-origin' });
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

export type ReportsT = (key: MessageKey | ReportsKey, params?: Params) => string;

/** The translate function with the report pages' keys typed. */
export function useReportsT() {
  const ctx = useT();
  return { ...ctx, t: ctx.t as ReportsT };
}

export const campaignBase = (code: string) => `/api/v1/campaigns/${encodeURIComponent(code)}`;
