/* Remembers the ticked boxes of a page's checklists in this browser only
   (localStorage), offers to clear them, and never sends anything anywhere.
   Without JavaScript the boxes still work; they are just not remembered. */
(function () {
  var tools = document.querySelector(".tasks-tools");
  var boxes = document.querySelectorAll("input.task-box");
  if (!tools || !boxes.length) return;
  var key = "sobre:tasks:" + tools.getAttribute("data-page");
  var store;
  try { store = window.localStorage; store.getItem(key); } catch (e) { return; }
  var saved = {};
  try { saved = JSON.parse(store.getItem(key) || "{}") || {}; } catch (e) { saved = {}; }
  function save() {
    var state = {};
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) state[boxes[i].id] = 1;
    try { store.setItem(key, JSON.stringify(state)); } catch (e) {}
  }
  for (var i = 0; i < boxes.length; i++) {
    if (Object.prototype.hasOwnProperty.call(saved, boxes[i].id)) boxes[i].checked = true;
    boxes[i].addEventListener("change", save);
  }
  var status = tools.querySelector("[role=status]");
  tools.querySelector(".tasks-clear").addEventListener("click", function () {
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = boxes[i].defaultChecked;
    try { store.removeItem(key); } catch (e) {}
    if (status) status.textContent = status.getAttribute("data-done");
  });
  tools.hidden = false;
})();
