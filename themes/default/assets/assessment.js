/* Self-assessment: keeps the answers in this browser only (localStorage),
   adds up a score per section and in the summary table, offers to print
   the summary and to clear everything. Nothing is ever sent. Without
   JavaScript the form still works on screen and on paper. */
(function () {
  var form = document.querySelector("form.assessment");
  var summary = document.querySelector(".assess-summary");
  if (!form || !summary) return;
  var key = "sobre:assess:" + summary.getAttribute("data-page");
  var store = null;
  try { store = window.localStorage; store.getItem(key); } catch (e) { store = null; }
  var radios = form.querySelectorAll("input[type=radio]");
  function load() {
    if (!store) return;
    var saved = {};
    try { saved = JSON.parse(store.getItem(key) || "{}") || {}; } catch (e) {}
    for (var i = 0; i < radios.length; i++) {
      if (saved[radios[i].name] === radios[i].value) radios[i].checked = true;
    }
  }
  function save() {
    if (!store) return;
    var state = {};
    for (var i = 0; i < radios.length; i++) if (radios[i].checked) state[radios[i].name] = radios[i].value;
    try { store.setItem(key, JSON.stringify(state)); } catch (e) {}
  }
  function total() {
    var sums = {}, all = 0;
    for (var i = 0; i < radios.length; i++) {
      var r = radios[i], section = r.name.replace(/-\d+$/, "");
      if (!(section in sums)) sums[section] = 0;
      if (r.checked) { sums[section] += +r.value; all += +r.value; }
    }
    sums.total = all;
    var outs = form.querySelectorAll("output[data-section]");
    for (var j = 0; j < outs.length; j++) outs[j].textContent = sums[outs[j].getAttribute("data-section")] || 0;
    var cells = summary.querySelectorAll("[data-sum]");
    for (var k = 0; k < cells.length; k++) cells[k].textContent = sums[cells[k].getAttribute("data-sum")] || 0;
    var meters = summary.querySelectorAll("meter[data-meter]");
    for (var m = 0; m < meters.length; m++) meters[m].value = sums[meters[m].getAttribute("data-meter")] || 0;
  }
  load();
  total();
  form.addEventListener("change", function () { save(); total(); });
  var tools = summary.querySelector(".assess-tools");
  var status = tools.querySelector("[role=status]");
  tools.querySelector("[data-act=print]").addEventListener("click", function () { window.print(); });
  tools.querySelector("[data-act=clear]").addEventListener("click", function () {
    for (var i = 0; i < radios.length; i++) radios[i].checked = false;
    if (store) { try { store.removeItem(key); } catch (e) {} }
    total();
    if (status) status.textContent = status.getAttribute("data-done");
  });
  tools.hidden = false;
})();
