/**
 * The signed-in officer's in-app notices (GET /api/v1/me/notices), shared by the header's unread count
 * and the panel on the staff home page, so marking one read on the panel updates the count at once.
 * Loaded for one staff member at a time: another officer signing in on the same browser reloads.
 * Nothing here runs for anonymous visitors: callers pass the staff id only once a session is known.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { StaffNotice, StaffNoticeList } from '@motcua/contracts';
import { apiGet, apiPost, toApiError, type ApiError } from '../../lib/api.ts';

export type NoticesState =
  { status: 'idle' } | { status: 'loading' } | { status: 'ok'; data: StaffNoticeList } | { status: 'error'; error: ApiError };

/** The 50 newest (the API's default); unread beyond them still count in `unread`. */
const LIST = '/api/v1/me/notices';

let state: NoticesState = { status: 'idle' };
let owner: number | null = null;
let generation = 0;
/** The staff id of the load under way, so the header and the panel mounting together ask once. */
let pending: number | null = null;
const listeners = new Set<() => void>();

function set(next: NoticesState): void {
  state = next;
  for (const l of listeners) l();
}
function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = () => state;

/** (Re)loads the notices of `staffId`; an answer for an earlier load or another officer is dropped. */
export async function loadNotices(staffId: number): Promise<void> {
  if (pending === staffId) return;
  const mine = ++generation;
  pending = staffId;
  if (owner !== staffId || state.status !== 'ok') {
    owner = staffId;
    set({ status: 'loading' });
  }
  try {
    const data = await apiGet<StaffNoticeList>(LIST);
    if (mine === generation) set({ status: 'ok', data });
  } catch (e) {
    if (mine === generation) set({ status: 'error', error: toApiError(e) });
  } finally {
    if (mine === generation) pending = null;
  }
}

/** Marks one notice read on the server, then in the shared list (unread count included). */
export async function markNoticeRead(id: number): Promise<StaffNotice> {
  const read = await apiPost<StaffNotice>(`/api/v1/me/notices/${id}/read`);
  if (state.status === 'ok') {
    const was = state.data.items.find((n) => n.id === id);
    set({
      status: 'ok',
      data: {
        unread: was && was.readAt === null ? Math.max(0, state.data.unread - 1) : state.data.unread,
        items: state.data.items.map((n) => (n.id === id ? read : n)),
      },
    });
  }
  return read;
}

/**
 * The notices of `staffId` (null: nobody signed in — nothing is fetched). `refresh` asks again on
 * mount even when already loaded (the home page shows the newest); the header only loads once.
 */
export function useNotices(staffId: number | null, { refresh = false } = {}): NoticesState {
  const s = useSyncExternalStore(subscribe, snapshot);
  useEffect(() => {
    if (staffId === null) return;
    if (refresh || owner !== staffId || state.status === 'idle') void loadNotices(staffId);
  }, [staffId, refresh]);
  if (staffId === null || owner !== staffId) return { status: 'idle' };
  return s;
}
