// Service worker of the budget widget: the widget works offline after a first
// visit. scripts/postbuild.mjs writes it into dist/sw.js, filling in VERSION (a
// hash of every file of the build, names and contents) and FILES (every file of
// the build, the spreadsheet worker included).
//
// - install: every file of this version is fetched (bypassing the HTTP cache)
//   into the cache "budget-widget-<version>"; then skipWaiting().
// - activate: the caches of other versions are deleted; clients.claim().
// - fetch: same-origin GETs are answered from this version's cache first, then
//   from the network (nothing else is cached at run time); navigations to the
//   widget's folder get its index.html. Other requests are left alone.
//
// Updates: a new deployment changes sw.js (its version); the browser notices on
// the next visit, installs the new version next to the old one, and the new one
// takes over at once (skipWaiting + clients.claim). The page already open keeps
// the code it runs; the next load is the new version. Nothing the user saved is
// touched: conventions live in localStorage, not in this cache.
const VERSION = '__VERSION__';
const CACHE = `budget-widget-${VERSION}`;
const FILES = __FILES__;

const scope = new URL('./', self.location.href);
const index = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(FILES.map((f) => new Request(new URL(f, scope), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('budget-widget-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const navigation = request.mode === 'navigate';
      const hit =
        (await cache.match(request, { ignoreSearch: navigation })) ??
        (navigation && new URL(request.url).pathname === scope.pathname ? await cache.match(index) : undefined);
      return hit ?? fetch(request);
    })(),
  );
});
