// CertDesk phone app service worker. It keeps the app shell (static build assets, icons, the
// manifest and a static offline page) so the app starts without a network. It never stores API
// answers or the HTML of signed-in pages: those carry key material, PIN results and personal data.
const VERSION = "certdesk-shell-v1";
const SHELL = ["/m/offline", "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function isShellAsset(url) {
  return url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest";
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // API, auth and PKI answers go straight to the network, always.
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/pki/")) return;

  if (isShellAsset(url)) {
    // Build assets are content-hashed: cache first, fill on miss.
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              caches.open(VERSION).then((cache) => cache.put(req, copy));
            }
            return res;
          }),
      ),
    );
    return;
  }

  if (req.mode === "navigate" && url.pathname.startsWith("/m")) {
    // Pages always come from the network (they show live data); offline, the static shell answers.
    event.respondWith(fetch(req).catch(() => caches.match("/m/offline")));
  }
});
