/* Registers the service worker when the site is served over http(s), and
   asks it to keep this language's pages. On file:// (a USB stick, an
   unzipped download) it does nothing: the files are already there. */
(function () {
  var me = document.currentScript;
  if (!me || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var root = me.getAttribute("data-root") || "";
  var lang = document.documentElement.lang;
  navigator.serviceWorker.register(root + "sw.js").then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (reg) {
    if (reg.active) reg.active.postMessage({ lang: lang });
  }).catch(function () {});
})();
