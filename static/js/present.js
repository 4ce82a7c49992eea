// Presentation mode (templates/showcase/present.html): the arrow keys, Page Up/Down and the
// space bar follow the page's own previous and next links. Without JavaScript the links work.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var rel = null;
    if (event.key === "ArrowRight" || event.key === "PageDown" || event.key === " ") { rel = "next"; }
    if (event.key === "ArrowLeft" || event.key === "PageUp") { rel = "prev"; }
    if (!rel) { return; }
    var link = document.querySelector('link[rel="' + rel + '"]');
    if (!link) { return; }
    event.preventDefault();
    window.location.assign(link.href);
  });
})();
