/** Field-work calls of the web app. JSON calls reuse lib/api.ts; the list upload and the assignments need more. */
import type { ErrorBody, FieldAssignments, HouseholdImportReport } from '@motcua/contracts';
import { ApiError, BAD_RESPONSE, NETWORK } from '../../lib/api.ts';

async function errorOf(res: Response): Promise<ApiError> {
  const json = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  const err = json?.error;
  return new ApiError(res.status, err?.code ?? BAD_RESPONSE, err?.message ?? '', { messageEn: err?.messageEn, requestId: err?.requestId, details: err?.details });
}

export interface LoadedAssignments {
  data: FieldAssignments;
  /** True when the service worker answered with the last list it kept (no connection). */
  fromCache: boolean;
}

/** The volunteer's households. Offline, the service worker answers with the last list received. */
export async function loadAssignments(signal?: AbortSignal): Promise<LoadedAssignments> {
  let res: Response;
  try {
    res = await fetch('/api/v1/field/assignments', { headers: { accept: 'application/json' }, credentials: 'same-origin', signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK, '');
  }
  if (!res.ok) throw await errorOf(res);
  return { data: (await res.json()) as FieldAssignments, fromCache: res.headers.get('x-motcua-offline') === '1' };
}

/** Uploads a household list (multipart, field "file"). A 422 carries the rejected rows in details. */
export async function uploadHouseholds(campaign: string, file: File): Promise<HouseholdImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/v1/campaigns/${encodeURIComponent(campaign)}/households`, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, NETWORK, '');
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as HouseholdImportReport;
}

/** JSON PATCH (lib/api.ts has GET and POST only). */
export async function apiPatch<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'PATCH', headers: { 'content-type': 'application/json', accept: 'application/json' }, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, NETWORK, '');
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

/**
 * Registers the service worker and asks it to keep the files this page loaded (its lazy chunks
 * included). On a first visit the page is not yet controlled by the worker, so the list it loaded
 * was not kept: `onControlled` lets the page ask again once the worker is in charge.
 */
export async function keepPageOffline(onControlled: () => void): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    const sw = navigator.serviceWorker;
    if (!sw.controller) sw.addEventListener('controllerchange', () => onControlled(), { once: true });
    await sw.register('/sw.js', { scope: '/' });
    const reg = await sw.ready;
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => new URL(u).pathname.startsWith('/assets/'));
    reg.active?.postMessage({ type: 'cache-urls', urls: ['/tinh-nguyen', ...urls] });
  } catch {
    // No service worker (old browser, insecure origin): the page still works while online.
  }
}
