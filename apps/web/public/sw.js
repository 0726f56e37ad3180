/*
 * Service worker of the volunteer page (/tinh-nguyen, docs/field-work.md). It keeps that page usable
 * with no connection, and changes nothing else:
 *  - navigations go to the network first; only /tinh-nguyen falls back to the cached app shell;
 *  - /assets/* files (content-hashed, never changed in place) are answered from the cache when the
 *    volunteer page has asked for them to be kept, else from the network;
 *  - of the API, only GET /api/v1/field/assignments is cached (network first, the last good answer
 *    when offline); a sign-in or sign-out drops it, so the next volunteer on the phone does not see it;
 *  - writes (POST…) are never touched: the page's own outbox in IndexedDB sends and re-sends them.
 */
const SHELL = 'motcua-shell-v1';
const DATA = 'motcua-field-data-v1';
const PAGE = '/tinh-nguyen';
const ASSIGNMENTS = '/api/v1/field/assignments';

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('motcua-') && k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The page's HTML and the script and style files it names. */
async function precacheShell() {
  const cache = await caches.open(SHELL);
  const res = await fetch(PAGE, { cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put(PAGE, res);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
}

// The volunteer page sends the files it loaded (its lazily loaded chunks are not named in the HTML).
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .map((u) => {
      try {
        return new URL(u, self.location.origin);
      } catch {
        return null;
      }
    })
    .filter((u) => u && u.origin === self.location.origin && (u.pathname.startsWith('/assets/') || u.pathname === PAGE))
    .map((u) => u.pathname);
  event.waitUntil(
    caches.open(SHELL).then((cache) =>
      Promise.all(
        urls.map((u) =>
          cache.match(u).then((hit) => {
            if (hit && u !== PAGE) return undefined;
            return fetch(u, { credentials: 'same-origin' })
              .then((res) => (res.ok ? cache.put(u, res) : undefined))
              .catch(() => undefined);
          }),
        ),
      ),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api/v1/auth/login' || url.pathname === '/api/v1/auth/logout') {
    event.waitUntil(caches.open(DATA).then((c) => c.delete(ASSIGNMENTS)));
    return;
  }
  if (req.method !== 'GET') return;
  if (url.pathname === ASSIGNMENTS) {
    event.respondWith(assignments(req));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    if (url.pathname === PAGE || url.pathname.startsWith(`${PAGE}/`)) event.respondWith(volunteerPage(req));
    return;
  }
  if (url.pathname.startsWith('/assets/')) event.respondWith(asset(req));
});

async function assignments(req) {
  const cache = await caches.open(DATA);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(ASSIGNMENTS, res.clone());
    else if (res.status === 401 || res.status === 403) await cache.delete(ASSIGNMENTS);
    return res;
  } catch (e) {
    const hit = await cache.match(ASSIGNMENTS);
    if (!hit) throw e;
    // Marked so the page can say that it shows the last list it received.
    const headers = new Headers(hit.headers);
    headers.set('x-motcua-offline', '1');
    return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers });
  }
}

async function volunteerPage(req) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(PAGE, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(PAGE);
    if (!hit) throw e;
    return hit;
  }
}

async function asset(req) {
  const hit = await caches.match(new URL(req.url).pathname, { cacheName: SHELL });
  return hit || fetch(req);
}
