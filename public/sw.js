// Service Lab's offline cache. At install it stores the page and every file of the build, listed
// in precache.json (written by vite.config.ts), so the app works offline once it has loaded once.
//
// It must hold on any static server (issue 16 item 9). Servers differ in what they add to a response:
// `vite preview` sends `Vary: Origin`, and the page's module script, its modulepreloads and its stylesheet
// are CORS requests that carry an Origin header, so a lookup that honours Vary misses them. Every file
// here is the same for every requester, so lookups ignore Vary (and the query string), and responses are
// stored without their Vary header, since the Cache API refuses to store `Vary: *` at all.
const CACHE = "svclab-v2";
const LOOKUP = { ignoreSearch: true, ignoreVary: true };

/** A copy of a response that the Cache API accepts whatever the server sent: no Vary, not redirected. */
async function storable(response) {
  const headers = new Headers(response.headers);
  headers.delete("Vary");
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function store(cache, key, response) {
  try {
    await cache.put(key, await storable(response));
  } catch (error) {
    // Full storage or a body already used: the page still gets its response, only offline use suffers.
    console.warn("Service Lab: could not cache", key, error);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch("./precache.json", { cache: "no-store" });
      const files = response.ok ? await response.json() : [];
      // All or nothing, as cache.addAll would be: a failed file fails the install, which the next visit retries.
      const fetched = await Promise.all(
        ["./", ...files].map(async (file) => {
          const reply = await fetch(file, { cache: "no-cache" });
          if (!reply.ok) throw new Error(`${file}: ${reply.status}`);
          return [file, await storable(reply)];
        }),
      );
      await Promise.all(fetched.map(([file, reply]) => cache.put(file, reply)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// Network first, so a new deployment is seen at once when online; the cache answers when offline.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) event.waitUntil(store(cache, request, response.clone()));
        return response;
      } catch (error) {
        const cached =
          (await cache.match(request, LOOKUP)) ??
          // Any address of the page (index.html, a share link's path) is the page itself.
          (request.mode === "navigate" ? await cache.match("./", LOOKUP) : undefined);
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
