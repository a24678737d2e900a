// Instant filtering of a pre-rendered list (timeline, documents index).
// Without JavaScript the lists and their pre-rendered views still work.
//
// A list, its heading and its section are hidden when the filter leaves
// them empty. On the timeline the marks of the overview figure that link
// to hidden items are dimmed and taken out of the tab order: a mark is
// matched to its item by the address both link to.
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

  // The lists holding the items, each with the heading just before it,
  // and the sections holding the lists.
  var lists = [], sections = [];
  items.forEach(function (li) {
    var list = li.parentNode;
    if (lists.indexOf(list) < 0) { lists.push(list); }
    var section = list.closest ? list.closest("section") : null;
    if (section && sections.indexOf(section) < 0) { sections.push(section); }
  });
  function heading(list) {
    var h = list.previousElementSibling;
    return h && /^H[3-6]$/.test(h.tagName) ? h : null; // an h2 labels its section, hidden with it
  }

  // The marks of the figure, by the address they link to.
  var marks = {};
  Array.prototype.slice.call(document.querySelectorAll(".figure svg a")).forEach(function (a) {
    var href = a.getAttribute("href") || a.getAttribute("xlink:href");
    if (href) { (marks[href] = marks[href] || []).push(a); }
  });
  function itemHref(li) {
    var a = li.querySelector(".what a, a");
    return a ? a.getAttribute("href") : null;
  }

  function showMarks(li, shown) {
    (marks[itemHref(li)] || []).forEach(function (a) {
      a.classList.toggle("filtered-out", !shown);
      if (shown) {
        a.removeAttribute("tabindex");
        a.removeAttribute("aria-hidden");
      } else {
        a.setAttribute("tabindex", "-1");
        a.setAttribute("aria-hidden", "true");
      }
    });
  }

  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = new Set();
    items.forEach(function (li, i) {
      var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) { shown.add(keys[i]); }
    });
    // A mark linking to several items stays bright if any of them shows.
    items.forEach(function (li) { if (li.hidden) { showMarks(li, false); } });
    items.forEach(function (li) { if (!li.hidden) { showMarks(li, true); } });
    lists.forEach(function (list) {
      var empty = !Array.prototype.some.call(list.children, function (li) { return !li.hidden; });
      list.hidden = empty;
      var h = heading(list);
      if (h) { h.hidden = empty; }
    });
    sections.forEach(function (section) {
      section.hidden = !lists.some(function (list) { return !list.hidden && section.contains(list); });
    });
    count.textContent = words.length ? shown.size + " of " + total + " shown" : "";
  }
  input.addEventListener("input", apply);
  var q = new URLSearchParams(location.search).get("filter");
  if (q) { input.value = q; apply(); }
})();
