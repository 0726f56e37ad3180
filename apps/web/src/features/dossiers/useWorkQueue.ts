import { useCallback, useEffect, useState } from 'react';
import type { DossierList, DossierStatus, DossierSummary, DueFilter } from '@motcua/contracts';
import { apiGet, toApiError, type ApiError } from '../../lib/api.ts';
import { withQuery } from '../../router/history.ts';

/** The queue's tabs, by URL slug. The API filters one status or one deadline window per request. */
export const QUEUE_TABS = [
  { slug: 'cho-tiep-nhan', statuses: ['submitted'] },
  { slug: 'dang-xu-ly', statuses: ['received', 'in_progress', 'supplement_requested', 'awaiting_payment'] },
  { slug: 'sap-den-han', due: 'soon' },
  { slug: 'qua-han', due: 'overdue' },
  { slug: 'ket-qua', statuses: ['approved', 'refused', 'result_issued'] },
] as const satisfies readonly ({ slug: string; statuses: readonly DossierStatus[] } | { slug: string; due: DueFilter })[];

export type QueueSlug = (typeof QUEUE_TABS)[number]['slug'];

/** Per request; a unit with more open dossiers than this shows the first ones and says how many there are. */
export const QUEUE_LIMIT = 200;

export interface QueueTab {
  slug: QueueSlug;
  total: number;
  items: DossierSummary[];
}

type State = { status: 'loading' } | { status: 'ok'; tabs: QueueTab[] } | { status: 'error'; error: ApiError };

/** Nearest deadline first; dossiers without one (not yet received) by the time they were sent. */
function byDeadline(a: DossierSummary, b: DossierSummary): number {
  const ka = a.dueAt ?? a.submittedAt;
  const kb = b.dueAt ?? b.submittedAt;
  return Date.parse(ka) - Date.parse(kb);
}

/**
 * Every tab of the work queue of the officer's unit, counts included. One request per status and per
 * deadline window, in parallel (the API takes a single status), merged per tab.
 */
export function useWorkQueue(): State & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ status: 'loading' });
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    const get = (q: { status?: DossierStatus; due?: DueFilter }) =>
      apiGet<DossierList>(withQuery('/api/v1/dossiers', { ...q, limit: QUEUE_LIMIT }), ctl.signal);
    Promise.all(
      QUEUE_TABS.map(async (tab): Promise<QueueTab> => {
        const lists =
          'due' in tab ? [await get({ due: tab.due })] : await Promise.all(tab.statuses.map((status) => get({ status })));
        return {
          slug: tab.slug,
          total: lists.reduce((n, l) => n + l.total, 0),
          items: lists.flatMap((l) => l.items).sort(byDeadline),
        };
      }),
    ).then(
      (tabs) => setState({ status: 'ok', tabs }),
      (e: unknown) => {
        if (!ctl.signal.aborted) setState({ status: 'error', error: toApiError(e) });
      },
    );
    return () => ctl.abort();
  }, [attempt]);

  return { ...state, retry };
}
