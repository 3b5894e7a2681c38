/* Service worker: keeps pages of the reader's language for visits without
   a network, sparing their data. It runs only on http(s) (browsers never
   start one on file://). The build puts in front, paths from this file:
   VERSION, which changes with any file of the site; FILES, per language,
   the pages (and what they load) to fetch after a first visit, within a
   budget of about 120 kB gzipped; KEEP, the PDFs, zips and EPUBs a reader
   may keep, on request only ("keep offline" beside the downloads).
   On Save-Data or a 2G connection nothing is fetched in the background:
   only the pages the reader opens are kept.
   Caches are named after this site's scope, so two sites in two folders
   of one host never touch each other's: "sobre-<scope hash>-<VERSION>"
   holds the pages (replaced by a new build), "sobre-<scope hash>-kept"
   the files the reader chose to keep (kept across builds). */
var SCOPE = self.registration.scope;
var ID = "sobre-" + hash(SCOPE) + "-";
var PAGES = ID + VERSION;
var KEPT = ID + "kept";
var lite = false; // a request said "Save-Data: on"

// FNV-1a, 32 bits: a short, stable name for the scope.
function hash(s) {
  var h = 0x811c9dc5;
  for (var i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return ("0000000" + h.toString(16)).slice(-8);
}
function abs(f) { return new URL(f, SCOPE).href; }
var keepable = KEEP.map(abs);
function isDownload(url) { return /\.(pdf|zip|epub)$/i.test(url) || keepable.indexOf(url) >= 0; }
function saveData() {
  var c = self.navigator && self.navigator.connection;
  return lite || !!(c && (c.saveData || /2g$/.test(c.effectiveType || "")));
}
function mine(url) { return url.lastIndexOf(SCOPE, 0) === 0; }
function bare(url) { return url.replace(/[?#].*$/, ""); }
// The cache key of an address: a folder ("…/fr/") is its index.html.
function key(url) { url = bare(url); return /\/$/.test(url) ? url + "index.html" : url; }

// fetchInto fetches what the cache lacks, one missing file never stopping
// the others. With onlyCached, files come from the browser's HTTP cache or
// not at all: what the page has just loaded costs no second download.
function fetchInto(name, urls, onlyCached) {
  return caches.open(name).then(function (c) {
    return Promise.all(urls.map(function (u) {
      var k = key(u);
      return c.match(k).then(function (hit) {
        if (hit) return;
        var opts = onlyCached ? { cache: "only-if-cached", mode: "same-origin" } : {};
        return fetch(u, opts).then(function (r) {
          if (r.status === 200 && r.type === "basic" && !r.redirected) return c.put(k, r);
        });
      }).catch(function () {});
    }));
  });
}

self.addEventListener("install", function (e) {
  // Nothing is fetched here: the first page says which language to keep.
  e.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.map(function (k) {
      if (k.lastIndexOf(ID, 0) === 0 && k !== PAGES && k !== KEPT) return caches.delete(k);
      // Caches of earlier versions ("sobre-" and 16 hex digits) bore no
      // scope: one is this site's only if it holds this site's root.
      if (/^sobre-[0-9a-f]{16}$/.test(k)) {
        return caches.open(k).then(function (c) { return c.match(SCOPE + "index.html"); })
          .then(function (hit) { if (hit) return caches.delete(k); });
      }
    }));
  }).then(function () {
    // Files kept on request that this build no longer has are dropped.
    return caches.open(KEPT).then(function (c) {
      return c.keys().then(function (reqs) {
        return Promise.all(reqs.map(function (r) { if (keepable.indexOf(r.url) < 0) return c.delete(r); }));
      });
    });
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (e) {
  var d = e.data || {};
  var port = e.ports && e.ports[0];
  var reply = function (ok) { if (port) port.postMessage({ ok: ok }); };
  // A page asks to keep or drop a download.
  if (d.keep || d.drop) {
    var url = bare(abs(d.keep || d.drop));
    if (keepable.indexOf(url) < 0) return reply(false);
    e.waitUntil(caches.open(KEPT).then(function (c) {
      if (d.drop) return c.delete(url).then(function () { return true; });
      return fetch(url).then(function (r) {
        if (r.status !== 200 || r.type !== "basic") return false;
        return c.put(url, r).then(function () { return true; });
      });
    }).then(reply, function () { reply(false); }));
    return;
  }
  // A page of language d.lang was opened: keep it and what it loaded,
  // from the HTTP cache; then, unless data is to be spared, its language.
  var have = (d.have || []).map(bare).filter(function (u) { return mine(u) && !isDownload(u); });
  var list = FILES[d.lang] || [];
  e.waitUntil(fetchInto(PAGES, have, true).then(function () {
    if (!d.lite && !saveData() && list.length) return fetchInto(PAGES, list.map(abs), false);
  }).then(function () { reply(true); }));
});

self.addEventListener("fetch", function (e) {
  var req = e.request;
  if (req.method !== "GET" || !mine(req.url)) return;
  if (req.headers.get("Save-Data") === "on") lite = true;
  var url = key(req.url);
  var dl = isDownload(url);
  // The network first, so a reader online always gets the latest page;
  // the cache when the network is gone. A download is stored only where
  // the reader kept it, refreshed then.
  e.respondWith(fetch(req).then(function (resp) {
    if (resp.status === 200 && resp.type === "basic" && !resp.redirected) {
      var copy = resp.clone();
      if (!dl) caches.open(PAGES).then(function (c) { return c.put(url, copy); }).catch(function () {});
      else {
        caches.open(KEPT).then(function (c) {
          return c.match(url).then(function (hit) { if (hit) return c.put(url, copy); });
        }).catch(function () {});
      }
    }
    return resp;
  }).catch(function () {
    return caches.open(dl ? KEPT : PAGES).then(function (c) { return c.match(url); })
      .then(function (hit) { return hit || Response.error(); });
  }));
});
