// Instant filtering of a pre-rendered list (timeline, documents index).
// Without JavaScript the lists and their pre-rendered views still work.
(function () {
  "use strict";
  var box = document.querySelector(".filter-box");
  var input = document.getElementById("filter");
  if (!box || !input) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll(input.getAttribute("data-filter-list")));
  var count = box.querySelector(".filter-count");
  box.hidden = false;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var texts = items.map(function (li) { return fold(li.textContent + " " + (li.getAttribute("data-persons") || "")); });
  // The count is of what the rows link to: the archive index lists a
  // document cited from two files under each, but it is one document.
  function key(li) {
    var a = li.querySelector("a[href]");
    return a ? a.getAttribute("href") : li.textContent;
  }
  var keys = items.map(key);
  var total = new Set(keys).size;
  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = new Set();
    items.forEach(function (li, i) {
      var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) { shown.add(keys[i]); }
    });
    count.textContent = words.length ? shown.size + " of " + total + " shown" : "";
  }
  input.addEventListener("input", apply);
  var q = new URLSearchParams(location.search).get("filter");
  if (q) { input.value = q; apply(); }
})();
