/* Offline search. The index of the page's language is a classic script
   (search-<lang>.<hash>.js) loaded the first time the box is used, so it
   works from file:// and costs nothing to readers who never search.
   Matching folds case and accents, stems plurals and common inflections
   (stem, below, the rules of build/search/stem.go) and matches whole
   stems or the beginning of the word being typed; heading and title hits rank first. Results are grouped by
   page, the best page first; the 20 best are listed, a button shows the
   rest. Each snippet is cut around the words found, marked. The count is
   announced. */
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
  var LIMIT = 20, SNIPPET = 160;
  var hits = [], qs = [], shown = 0;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.hidden = true;
  panel.appendChild(more);

  form.hidden = false;
  if (az) az.hidden = true;

  /* stem: begin. The same rules as the language profiles' Search.Stem
     (build/lang/*.go, documented there), on folded ASCII words; build/search/testdata/stem.json holds
     the vectors both are tested with (test/browser/stem.test.mjs). */
  function stem(w, lang) {
    var n = w.length;
    if (n <= 3 || /[^a-z0-9]/.test(w)) return w;
    function cut(s, min) {
      if (w.length - s.length < min || w.slice(-s.length) !== s) return false;
      w = w.slice(0, -s.length);
      return true;
    }
    if (lang === "fr") {
      if (n > 5 && /aux$/.test(w)) return w.slice(0, -3) + "al";
      if (!cut("s", 3)) cut("x", 3);
      cut("e", 3);
    } else if (lang === "nl") {
      if (n > 7 && /heden$/.test(w)) return w.slice(0, -5) + "heid";
      if (cut("en", 3)) {
        var k = w.length;
        if (k > 3 && w[k - 1] === w[k - 2] && "aeiouy".indexOf(w[k - 1]) < 0) w = w.slice(0, -1);
      } else if (/([aiou]|ie|je|er|el|em|en)s$/.test(w)) w = w.slice(0, -1);
    } else if (lang === "en") {
      if (n > 4 && /ies$/.test(w)) return w.slice(0, -3) + "y";
      if (/sses$/.test(w)) return w.slice(0, -2);
      if (w[n - 1] === "s") { if ("sui".indexOf(w[n - 2]) < 0) w = w.slice(0, -1); }
      else if (!cut("ing", 4)) cut("ed", 4);
    } else if (lang === "de") {
      if (cut("innen", 3)) return w + "in";
      var de = ["ungen", "heiten", "keiten"];
      for (var i = 0; i < de.length; i++) if (cut(de[i], 2)) return w + de[i].slice(0, -2);
      if (cut("ern", 3) || cut("en", 3) || cut("es", 3) || cut("e", 3)) return w;
      var k = w.length;
      if (k > 3 && (/ln$/.test(w) || w[k - 1] === "s" && w[k - 2] !== "s")) w = w.slice(0, -1);
    }
    return w;
  }
  /* stem: end */

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
  // The first term not before t (terms are sorted).
  function find(t) {
    var lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }
  // Scores of the sections holding a word of stem q.st or whose stem
  // starts with q.raw (the word being typed): "hallucinations" finds
  // "hallucination", "donnée" does not find "donner".
  function lookup(q) {
    var scores = {};
    function add(k) {
      var exact = terms[k] === q.st ? 2 : 1, ps = postings(k);
      for (var i = 0; i < ps.length; i++) {
        var sec = ps[i] >> 1, w = (ps[i] & 1 ? 10 : 1) * exact;
        if (!scores[sec] || scores[sec] < w) scores[sec] = w;
      }
    }
    for (var k = find(q.raw); k < terms.length && terms[k].lastIndexOf(q.raw, 0) === 0; k++) add(k);
    if (q.st.lastIndexOf(q.raw, 0) !== 0 && terms[k = find(q.st)] === q.st) add(k);
    return scores;
  }
  function clear() {
    list.textContent = "";
    more.hidden = true;
    hits = [];
    shown = 0;
  }
  function run() {
    qs = words(input.value).map(function (w) { return { raw: w, st: stem(w, lang) }; });
    clear();
    if (!qs.length) { status.textContent = ""; return; }
    var total = null;
    for (var i = 0; i < qs.length; i++) {
      var s = lookup(qs[i]), next = {};
      for (var sec in s) if (total === null || total[sec] !== undefined) next[sec] = (total ? total[sec] : 0) + s[sec];
      total = next;
    }
    // Group by page: a page ranks by its best section, its sections by
    // their score, ties in reading order.
    var best = {};
    var found = Object.keys(total).map(Number);
    found.forEach(function (s) { var p = index.s[s][0]; best[p] = Math.max(best[p] || 0, total[s]); });
    found.sort(function (a, b) {
      var pa = index.s[a][0], pb = index.s[b][0];
      return best[pb] - best[pa] || pa - pb || total[b] - total[a] || a - b;
    });
    hits = found;
    render(LIMIT);
  }
  // Lists the hits up to limit (the ones already listed stay) and says
  // how many there are, and how many are shown.
  function render(limit) {
    var n = hits.length, group = list.lastElementChild, first = null;
    for (; shown < n && shown < limit; shown++) {
      var sec = index.s[hits[shown]], page = index.p[sec[0]];
      if (!group || group.page !== sec[0]) group = addGroup(sec[0], page);
      var a = show(group.lastChild, sec, page);
      if (!first) first = a;
    }
    more.hidden = shown >= n;
    if (!n) status.textContent = form.getAttribute("data-none");
    else if (shown < n) {
      status.textContent = form.getAttribute("data-shown").replace("#", shown).replace("#", n);
      more.textContent = form.getAttribute("data-all").replace("#", n);
    } else {
      // (html/template would take a data-on… attribute for an event handler.)
      var form1 = plural && plural.select(n) === "one" ? "data-single" : "data-other";
      status.textContent = form.getAttribute(form1).replace("#", n);
    }
    return first;
  }
  function addGroup(pi, page) {
    var li = document.createElement("li"), title = document.createElement("p"), ol = document.createElement("ol");
    li.page = pi;
    title.className = "search-page";
    if (page[2]) title.lang = page[2];
    highlight(title, page[0], 0, page[0].length);
    li.appendChild(title);
    li.appendChild(ol);
    list.appendChild(li);
    return li;
  }
  var stems = {};
  function isHit(word) {
    var w = fold(word), s = stems[w];
    if (s === undefined) s = stems[w] = stem(w, lang);
    for (var i = 0; i < qs.length; i++) if (s === qs[i].st || s.lastIndexOf(qs[i].raw, 0) === 0) return true;
    return false;
  }
  // Appends text[from:to] to el with the words found in <mark>.
  function highlight(el, text, from, to) {
    var re = /[\p{L}\p{N}]+/gu, m, last = from;
    re.lastIndex = from;
    while ((m = re.exec(text)) && m.index + m[0].length <= to) {
      if (!isHit(m[0])) continue;
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(last, to)));
  }
  // Appends to el about SNIPPET characters of text around its first word
  // found, cut between words, an ellipsis where cut.
  function snippet(el, text) {
    var re = /[\p{L}\p{N}]+/gu, m, at = 0;
    while ((m = re.exec(text))) if (isHit(m[0])) { at = m.index; break; }
    var from = Math.max(0, Math.min(at - 64, text.length - SNIPPET)), to = from + SNIPPET;
    if (from > 0) from = text.indexOf(" ", from) + 1 || from;
    if (to < text.length) to = Math.max(text.lastIndexOf(" ", to), at + 1);
    else to = text.length;
    if (from > 0) el.appendChild(document.createTextNode("… "));
    highlight(el, text, from, to);
    if (to < text.length) el.appendChild(document.createTextNode(" …"));
  }
  function show(ol, sec, page) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    var base = form.getAttribute("data-index").replace(/assets\/[^\/]*$/, "") + lang + "/";
    var label = sec[2] || page[0];
    a.href = base + page[1] + (sec[1] ? "#" + sec[1] : "");
    if (page[2]) a.lang = page[2];
    highlight(a, label, 0, label.length);
    li.appendChild(a);
    if (sec[3]) {
      var p = document.createElement("p");
      if (page[2]) p.lang = page[2];
      snippet(p, sec[3]);
      li.appendChild(p);
    }
    ol.appendChild(li);
    return a;
  }
  more.addEventListener("click", function () {
    var first = render(hits.length);
    if (first) first.focus();
  });
  input.addEventListener("focus", load);
  // Searching the index takes a few milliseconds: results follow each
  // keystroke; a frame's delay only merges keystrokes typed together.
  input.addEventListener("input", function () {
    load();
    cancelAnimationFrame(timer);
    timer = requestAnimationFrame(function () { if (index) run(); });
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; clear(); status.textContent = ""; }
    if (e.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  panel.addEventListener("keydown", function (e) {
    var links = panel.querySelectorAll("a, button:not([hidden])"), i = Array.prototype.indexOf.call(links, document.activeElement);
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
