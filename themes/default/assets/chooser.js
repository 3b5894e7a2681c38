/* Suggests the visitor's language on the language chooser, never redirects.
   SOBRE_LANGS (prepended by the build) maps lower-case browser tags to the
   site's languages, as golang.org/x/text's matcher decided at build time. */
(function () {
  var table = window.SOBRE_LANGS || {};
  var prefs = navigator.languages || [navigator.language || ""];
  var pick = "";
  for (var i = 0; i < prefs.length && !pick; i++) {
    var tag = String(prefs[i]).toLowerCase();
    pick = table[tag] || table[tag.split("-")[0]] || "";
  }
  if (!pick) return;
  var item = document.querySelector('#choices li[data-lang="' + pick + '"]');
  if (!item) return;
  item.className += " suggested";
  var hint = item.querySelector(".hint");
  if (hint) hint.hidden = false;
  var list = item.parentNode;
  if (list.firstElementChild !== item) list.insertBefore(item, list.firstElementChild);
})();
