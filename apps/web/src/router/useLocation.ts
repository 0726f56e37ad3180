import { useMemo, useSyncExternalStore } from 'react';
import { currentHref, subscribe } from './history.ts';

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The current path and query; re-renders on navigate() and on the browser's back and forward. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, currentHref);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return { path: url.pathname, query: url.searchParams };
  }, [href]);
}
