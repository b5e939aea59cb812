// The service worker: keeps this build's files so the app (or a published site) opens
// and works with no network. `scripts/offline-dist.mjs` fills in the build's file list
// and version after each build; a changed build is a changed worker, which the browser
// installs beside the old one. The page is told and asks the officer before it reloads;
// a new worker takes over only when the page asks (`skip-waiting`), never mid-edit.
'use strict';

const VERSION = '%VERSION%';
// Relative to this file's folder, which is the worker's scope (the site's sub-path).
const FILES = ['./', ...'%FILES%'.split('\n').filter(Boolean)];
// True in a residents' site made by the publish page (src/format/static_site.rs sets it,
// with the plan the pages were written from): its pages come from the network first.
const WRITTEN_PAGES = false;
const SCOPE = self.registration.scope;
// Caches are per origin; two sites under one origin (an app at /a/, a plan at /b/) keep
// theirs apart by scope, and a worker removes only its own scope's old caches.
const PREFIX = `cpc-offline ${SCOPE} `;
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      // `no-cache`: checked with the server, never an older build's copy from the HTTP cache.
      const keep = (file) => cache.add(new Request(new URL(file, SCOPE), { cache: 'no-cache' }));
      // The page itself must be kept, or the worker is of no use and does not install; any
      // other file a host will not serve is simply fetched when it is needed.
      await keep('./');
      await Promise.allSettled(FILES.filter((file) => file !== './').map(keep));
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A published plan's own files were fetched before this worker controlled the page; the
// site asks for them to be kept too, so that it reopens offline.
const PUBLISHED = ['plan.json', 'site.json'];
const CHANGING = [...PUBLISHED, 'updates.xml'];

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'keep-published') {
    event.waitUntil(
      caches.open(CACHE).then((cache) =>
        Promise.all(
          PUBLISHED.map((file) =>
            fetch(new URL(file, SCOPE), { cache: 'no-cache' })
              .then((response) => response.ok && cache.put(new URL(file, SCOPE), response))
              .catch(() => undefined),
          ),
        ),
      ),
    );
  }
});

function own(url) {
  return url.origin === self.location.origin && url.href.startsWith(SCOPE);
}

// Files that change without a new build (a published plan, its settings, its pages and
// feed): the network first, so residents see the newest, and the last copy offline or
// when the network is too slow to wait for.
const PATIENCE_MS = 4000;

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  const kept = await cache.match(request, { ignoreSearch: true });
  if (!kept) return network;
  const slow = new Promise((answer) => setTimeout(() => answer(kept), PATIENCE_MS));
  return Promise.race([network.catch(() => kept), slow]);
}

// This build's own files never change under their names: the kept copy first.
async function keptFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  return kept ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Nothing from another origin or outside this site's folder is kept or answered.
  if (!own(url)) return;
  const path = url.href.slice(SCOPE.length).split(/[?#]/)[0];
  const page = request.mode === 'navigate' || path === '' || path.endsWith('.html');
  if (WRITTEN_PAGES && page) return event.respondWith(networkFirst(request));
  if (FILES.includes('./' + path)) return event.respondWith(keptFirst(request));
  // Anything else of this folder that changes without a new build; the rest (a host's other
  // pages, if the app shares its folder) is left to the network and never kept.
  if (CHANGING.includes(path) || page) event.respondWith(networkFirst(request));
});
