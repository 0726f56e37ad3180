import { useCallback, useEffect, useRef, useState } from 'react';
import type { UnitList, UnitView } from '@motcua/contracts';
import { apiGet, toApiError, type ApiError } from '../../lib/api.ts';
import { withQuery } from '../../router/history.ts';

/** Which children a branch lists: the administrative tree (xã, phường, đặc khu) or the agencies. */
export type UnitsView = 'administrative' | 'agency';

export type Branch = { status: 'loading' } | { status: 'ok'; items: UnitView[] } | { status: 'error'; error: ApiError };

export interface UnitTree {
  branch(code: string): Branch | undefined;
  isOpen(code: string): boolean;
  toggle(code: string): void;
  retry(code: string): void;
}

/**
 * Open/closed state and lazily loaded children of the unit tree. A branch is fetched the first time it
 * opens and kept, so closing and reopening costs nothing on a slow connection.
 */
export function useUnitTree(view: UnitsView, defaultOpen: string | null): UnitTree {
  const [branches, setBranches] = useState<Record<string, Branch>>({});
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const requested = useRef(new Set<string>());

  const load = useCallback(
    (code: string) => {
      const key = `${view}:${code}`;
      if (requested.current.has(key)) return;
      requested.current.add(key);
      setBranches((b) => ({ ...b, [key]: { status: 'loading' } }));
      apiGet<UnitList>(withQuery('/api/v1/units', { parent: code, kind: view })).then(
        (list) => setBranches((b) => ({ ...b, [key]: { status: 'ok', items: list.items } })),
        (e: unknown) => {
          requested.current.delete(key); // so "Thử lại" fetches again
          setBranches((b) => ({ ...b, [key]: { status: 'error', error: toApiError(e) } }));
        },
      );
    },
    [view],
  );

  const isOpen = useCallback((code: string) => open[`${view}:${code}`] ?? code === defaultOpen, [open, view, defaultOpen]);

  useEffect(() => {
    if (defaultOpen && isOpen(defaultOpen)) load(defaultOpen);
  }, [defaultOpen, isOpen, load]);

  return {
    branch: (code) => branches[`${view}:${code}`],
    isOpen,
    toggle: (code) => {
      const next = !isOpen(code);
      setOpen((o) => ({ ...o, [`${view}:${code}`]: next }));
      if (next) load(code);
    },
    retry: load,
  };
}
