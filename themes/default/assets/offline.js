/* Registers the service worker when the site is served over http(s) and
   tells it what this page loaded (to keep without a second download) and,
   unless the reader spares data (Save-Data, 2G), which language's pages to
   fetch for visits without a network. Then shows the "keep offline"
   buttons beside the downloads: a PDF, zip or EPUB is kept only when the
   reader asks. On file:// (a USB stick, an unzipped download) it does
   nothing: the files are already there, and the buttons stay hidden. */
(function () {
  var me = document.currentScript;
  if (!me || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var c = navigator.connection;
  var lite = !!(c && (c.saveData || /2g$/.test(c.effectiveType || "")));
  var sw = navigator.serviceWorker;
  sw.register((me.getAttribute("data-root") || "") + "sw.js").then(function () {
    return sw.ready;
  }).then(function (reg) {
    if (!reg.active) return;
    var have = [location.href];
    if (window.performance && performance.getEntriesByType) {
      performance.getEntriesByType("resource").forEach(function (r) { have.push(r.name); });
    }
    // The chooser has no data-lang: the reader has not chosen yet.
    reg.active.postMessage({ lang: me.getAttribute("data-lang"), lite: lite, have: have });
    buttons(function () { return sw.controller || reg.active; });
  }).catch(function () {});

  // ask sends a request to the worker and resolves with its answer.
  function ask(worker, msg) {
    return new Promise(function (done) {
      var ch = new MessageChannel();
      ch.port1.onmessage = function (e) { done(!!(e.data && e.data.ok)); };
      worker.postMessage(msg, [ch.port2]);
    });
  }

  function buttons(worker) {
    var status = document.querySelector(".keep-status");
    var say = function (what) { if (status) status.textContent = status.getAttribute("data-" + what) || ""; };
    [].forEach.call(document.querySelectorAll("button.keep"), function (b) {
      var link = b.parentNode.querySelector("a[href]");
      if (!link || !window.caches) return;
      var busy = false;
      caches.match(link.href).then(function (hit) {
        b.setAttribute("aria-pressed", hit ? "true" : "false");
        b.hidden = false;
      });
      b.addEventListener("click", function () {
        if (busy) return;
        busy = true;
        var kept = b.getAttribute("aria-pressed") === "true";
        if (!kept) say("saving");
        ask(worker(), kept ? { drop: link.href } : { keep: link.href }).then(function (ok) {
          busy = false;
          if (!ok) return say("failed");
          b.setAttribute("aria-pressed", kept ? "false" : "true");
          say(kept ? "dropped" : "kept");
        });
      });
    });
  }
})();
