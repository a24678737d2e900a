// Small enhancements for every page. The page works fully without them.
(function () {
  "use strict";
  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
  // Moving to a fragment should also move keyboard focus there, so that a
  // footnote link or backlink continues reading from the right place.
  function focusTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT)$/.test(el.tagName)) { el.setAttribute("tabindex", "-1"); }
    el.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", focusTarget);
  if (location.hash) { focusTarget(); }
})();
