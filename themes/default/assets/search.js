/* Offline search. The index of the page's language is a classic script
   (search-<lang>.<hash>.js) loaded the first time the box is used, so it
   works from file:// and costs nothing to readers who never search.
   Matching folds case and accents and matches word beginnings; heading
   and title hits rank first. Results are links; the count is announced. */
(function () {
  var form = document.querySelector("form.search");
  var panel = document.getElementById("search-results");
  if (!form || !panel) return;
  var input = form.querySelector("input");
  var status = document.getElementById("search-status");
  var list = panel.querySelector("ol");
  var lang = form.getAttribute("data-lang");
  var az = document.querySelector(".az-link");
  var index = null, terms = null, lists = null, loading = false, timer = 0;
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  form.hidden = false;
  if (az) az.hidden = true;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }
  function words(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w; });
  }
  function load() {
    if (index || loading) return;
    var all = window.SOBRE_SEARCH || {};
    if (all[lang]) { ready(all[lang]); return; }
    loading = true;
    status.textContent = form.getAttribute("data-loading");
    var s = document.createElement("script");
    s.src = form.getAttribute("data-index");
    s.onload = function () { loading = false; ready((window.SOBRE_SEARCH || {})[lang]); };
    // Offline, with the index never fetched (the service worker keeps it
    // once used): say so and show the A–Z index; the next try loads again.
    s.onerror = function () {
      loading = false;
      s.parentNode.removeChild(s);
      status.textContent = form.getAttribute("data-failed");
      if (az) az.hidden = false;
    };
    document.head.appendChild(s);
  }
  function ready(ix) {
    if (!ix) return;
    index = ix;
    terms = ix.t ? ix.t.split(" ") : [];
    lists = ix.i ? ix.i.split(";") : [];
    if (input.value) run();
    else status.textContent = "";
  }
  function postings(k) {
    var out = [], prev = 0, parts = lists[k].split(",");
    for (var i = 0; i < parts.length; i++) { prev += parseInt(parts[i], 36); out.push(prev); }
    return out;
  }
  // Scores of the sections holding a word that starts with q.
  function lookup(q) {
    var lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < q) lo = mid + 1; else hi = mid; }
    var scores = {};
    for (var k = lo; k < terms.length && terms[k].lastIndexOf(q, 0) === 0; k++) {
      var exact = terms[k] === q ? 2 : 1, ps = postings(k);
      for (var i = 0; i < ps.length; i++) {
        var sec = ps[i] >> 1, w = (ps[i] & 1 ? 10 : 1) * exact;
        if (!scores[sec] || scores[sec] < w) scores[sec] = w;
      }
    }
    return scores;
  }
  function run() {
    var qs = words(input.value);
    list.textContent = "";
    if (!qs.length) { status.textContent = ""; return; }
    var total = null;
    for (var i = 0; i < qs.length; i++) {
      var s = lookup(qs[i]), next = {};
      for (var sec in s) if (total === null || total[sec] !== undefined) next[sec] = (total ? total[sec] : 0) + s[sec];
      total = next;
    }
    var found = Object.keys(total).map(Number);
    found.sort(function (a, b) { return total[b] - total[a] || a - b; });
    var n = found.length;
    if (!n) status.textContent = form.getAttribute("data-none");
    else {
      // (html/template would take a data-on… attribute for an event handler.)
      var form1 = plural && plural.select(n) === "one" ? "data-single" : "data-other";
      status.textContent = form.getAttribute(form1).replace("#", n);
    }
    for (var j = 0; j < found.length && j < 20; j++) show(index.s[found[j]], qs);
  }
  // Appends text to el with the words starting with one of qs in <mark>.
  function highlight(el, text, qs) {
    var re = /[\p{L}\p{N}]+/gu, m, last = 0;
    while ((m = re.exec(text))) {
      var w = fold(m[0]), hit = false;
      for (var i = 0; i < qs.length; i++) if (w.lastIndexOf(qs[i], 0) === 0) hit = true;
      if (!hit) continue;
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }
  function show(sec, qs) {
    var page = index.p[sec[0]];
    var li = document.createElement("li");
    var a = document.createElement("a");
    var base = form.getAttribute("data-index").replace(/assets\/[^\/]*$/, "") + lang + "/";
    a.href = base + page[1] + (sec[1] ? "#" + sec[1] : "");
    if (page[2]) a.lang = page[2];
    highlight(a, page[0] + (sec[2] ? " — " + sec[2] : ""), qs);
    li.appendChild(a);
    if (sec[3]) {
      var p = document.createElement("p");
      if (page[2]) p.lang = page[2];
      highlight(p, sec[3], qs);
      li.appendChild(p);
    }
    list.appendChild(li);
  }
  input.addEventListener("focus", load);
  // Searching the index takes a few milliseconds: results follow each
  // keystroke; a frame's delay only merges keystrokes typed together.
  input.addEventListener("input", function () {
    load();
    cancelAnimationFrame(timer);
    timer = requestAnimationFrame(function () { if (index) run(); });
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; list.textContent = ""; status.textContent = ""; }
    if (e.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", function (e) {
    var links = list.querySelectorAll("a"), i = Array.prototype.indexOf.call(links, document.activeElement);
    if (i < 0) return;
    if (e.key === "ArrowDown" && i + 1 < links.length) { e.preventDefault(); links[i + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (i ? links[i - 1] : input).focus(); }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (index) run();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
})();
