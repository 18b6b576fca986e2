// The Beckon inbox's service worker (scope /admin). It caches the app shell only: the HTML, script,
// stylesheet, icons and the offline page. Owner data (/api/…) never goes through a cache here.
// It also shows push notifications and, on a click, opens the request and acknowledges the push.
const CACHE = "beckon-shell-v1";
const SHELL = ["/admin", "/admin/assets/admin.js", "/admin/assets/admin.css", "/admin/offline.html", "/admin/manifest.webmanifest", "/admin/icons/icon-192.png", "/admin/icons/icon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("beckon-shell-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only our own GETs under /admin; never /api (owner data), never anything else.
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith("/admin") || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    // Pages: the network first (the shell is tiny and always fresh), the offline page when it is down.
    event.respondWith(fetch(request).catch(() => caches.match("/admin/offline.html")));
    return;
  }
  if (!SHELL.includes(url.pathname) && !url.pathname.startsWith("/admin/icons/")) return;
  // Shell files: from the cache at once, refreshed from the network for next time.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request);
      const fresh = fetch(request)
        .then((res) => {
          if (res.ok) cache.put(request, res.clone());
          return res;
        })
        .catch(() => cached);
      return cached || fresh;
    }),
  );
});

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: "Beckon", body: event.data ? event.data.text() : "" };
  }
  const title = data.title || "Beckon";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || "",
      icon: "/admin/icons/icon-192.png",
      badge: "/admin/icons/icon-maskable-192.png",
      tag: data.requestId || data.pushId,
      renotify: true,
      data: { url: data.url || "/admin", pushId: data.pushId || null },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const { url, pushId } = event.notification.data || {};
  const target = new URL(url || "/admin", self.location.origin).href;
  const ack = pushId
    ? fetch("/api/admin/push/ack", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ pushId }), credentials: "same-origin" }).catch(() => undefined)
    : Promise.resolve();
  const open = self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
    const inbox = windows.find((w) => new URL(w.url).pathname.startsWith("/admin"));
    // navigate() works only on a window this worker controls; any other gets a new window.
    if (inbox) return inbox.navigate(target).then((w) => (w || inbox).focus()).catch(() => self.clients.openWindow(target));
    return self.clients.openWindow(target);
  });
  event.waitUntil(Promise.all([ack, open]));
});
