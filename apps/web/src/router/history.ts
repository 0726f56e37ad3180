/**
 * A tiny history router: the server answers every non-API path with index.html, so the browser's own
 * history is the single source of truth and React reads it through useSyncExternalStore.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', emit);

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Path and query of the current page; a string, so React can compare snapshots cheaply. */
export function currentHref(): string {
  return window.location.pathname + window.location.search;
}

/** Goes to `to` (same origin) without reloading; `replace` for redirects the user should not go back to. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else {
    window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  emit();
}

/** `/thu-tuc` + { q: 'khai sinh', level: '' } → `/thu-tuc?q=khai+sinh`; empty values are left out. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}
