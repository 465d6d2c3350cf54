/* global self, caches */
// The offline shell (R-SVC-2 offline tolerance): lets a worker reopen or reload the app without a connection, so the
// records waiting in the outbox (IndexedDB) stay visible and are sent when the connection returns. Only the app's own
// files are cached: never /api (no personal data lands in this cache). Pages: from the network, the last good
// index.html when offline. /assets/* files carry a content hash in their names, so a cached one never goes stale.
const CACHE = 'shegong-shell-v1';
const SHELL = '/index.html';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

// The page names the files it has loaded (the entry and the chunks of the pages opened so far).
self.addEventListener('message', (e) => {
  const urls = e.data && e.data.type === 'cache-shell' ? e.data.urls : null;
  if (!Array.isArray(urls)) return;
  e.waitUntil(
    caches.open(CACHE).then(async (c) => {
      // A new deploy (index.html changed): the old build's files go, this tab's files come.
      const [before, now] = await Promise.all([
        c.match(SHELL).then((r) => (r ? r.text() : null)),
        fetch(SHELL, { cache: 'no-cache' }).catch(() => null),
      ]);
      if (!now || !now.ok) return;
      const html = await now.clone().text();
      if (before !== null && before !== html) {
        const keep = new Set(urls);
        for (const req of await c.keys()) {
          const path = new URL(req.url).pathname;
          if (path.startsWith('/assets/') && !keep.has(path)) await c.delete(req);
        }
      }
      await c.put(SHELL, now);
      await Promise.all(
        urls.map((u) =>
          c.match(u).then((hit) =>
            hit
              ? undefined
              : fetch(u)
                  .then((res) => (res.ok ? c.put(u, res) : undefined))
                  .catch(() => undefined),
          ),
        ),
      );
    }),
  );
});

const keep = (key, res) => {
  if (res.ok) {
    const copy = res.clone();
    void caches.open(CACHE).then((c) => c.put(key, copy));
  }
  return res;
};

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(() => caches.match(SHELL).then((hit) => hit || Response.error())));
  } else if (url.pathname.startsWith('/assets/')) {
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => keep(req, res))));
  }
});
