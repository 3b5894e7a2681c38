/* Service worker: keeps the pages of the reader's language for visits
   without a network. It runs only on http(s) (browsers never start one
   on file://), caches only this site's files, and is replaced when a new
   build is deployed: CACHE is named after the build's content, so the
   new worker installs itself and deletes the old cache. The build puts
   CACHE and FILES (per language, relative to this file) in front. */
// One missing file must not stop the others from being kept.
function keep(list) {
  return caches.open(CACHE).then(function (c) {
    return Promise.all((list || []).map(function (f) { return c.add(f).catch(function () {}); }));
  });
}
self.addEventListener("install", function (e) {
  e.waitUntil(keep(FILES[""]).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.map(function (k) {
      if (k !== CACHE && k.lastIndexOf("sobre-", 0) === 0) return caches.delete(k);
    }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("message", function (e) {
  var lang = e.data && e.data.lang;
  if (!lang || !FILES[lang]) return;
  e.waitUntil(keep(FILES[lang]));
});
self.addEventListener("fetch", function (e) {
  var req = e.request;
  if (req.method !== "GET" || req.url.lastIndexOf(self.registration.scope, 0) !== 0) return;
  // The network first, so a reader online always gets the latest page;
  // the cache when the network is gone.
  e.respondWith(fetch(req).then(function (resp) {
    if (resp.ok && resp.type === "basic") {
      var copy = resp.clone();
      caches.open(CACHE).then(function (c) { c.put(req, copy); });
    }
    return resp;
  }).catch(function () {
    // A folder address ("…/fr/") is its index.html.
    var url = req.url.replace(/[?#].*$/, "");
    if (/\/$/.test(url)) url += "index.html";
    return caches.match(url, { ignoreSearch: true }).then(function (hit) { return hit || Response.error(); });
  }));
});
