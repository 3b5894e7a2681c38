/* Marks the section being read in the "On this page" contents: its link
   gets aria-current="location" (and the style that goes with it) as the
   reader scrolls. Without JavaScript, the section a link leads to is
   marked by :target in the stylesheet. */
(function () {
  var links = [].slice.call(document.querySelectorAll(".toc details a[href^='#']"));
  var items = [];
  links.forEach(function (a) {
    var h = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (h) items.push({ a: a, h: h });
  });
  if (!items.length) return;
  items.sort(function (x, y) { return x.h.compareDocumentPosition(y.h) & 4 ? -1 : 1; });
  var current = null, queued = false;
  function mark() {
    queued = false;
    // The last section whose heading is above the upper third of the
    // window, none before the first; the last one at the page's end.
    var line = window.innerHeight / 3, at = null;
    for (var i = 0; i < items.length; i++) {
      if (items[i].h.getBoundingClientRect().top <= line) at = items[i];
      else break;
    }
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
      var last = items[items.length - 1];
      if (last.h.getBoundingClientRect().top < window.innerHeight) at = last;
    }
    if (at === current) return;
    if (current) current.a.removeAttribute("aria-current");
    if (at) at.a.setAttribute("aria-current", "location");
    current = at;
  }
  function later() {
    if (!queued) { queued = true; window.requestAnimationFrame(mark); }
  }
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later);
  window.addEventListener("hashchange", later);
  mark();
})();
