/* On a 404 page: when the address asked for is the old name of a booklet
   renamed in its language, shows the link to its new file. The link is
   made from the address itself (its folder, then the new name), so it
   works in whatever folder and at whatever depth the host serves the
   page. Without JavaScript the page's footer lists every file. */
(function () {
  var list = document.getElementById("moved");
  if (!list) return;
  var path = location.pathname;
  var items = list.querySelectorAll("[data-old]");
  for (var i = 0; i < items.length; i++) {
    var old = items[i].getAttribute("data-old");
    if (path.slice(-old.length - 1) !== "/" + old) continue;
    var a = items[i].querySelector("a");
    a.setAttribute("href", path.slice(0, path.length - old.length) + a.getAttribute("data-new"));
    items[i].hidden = false;
    list.hidden = false;
    return;
  }
})();
